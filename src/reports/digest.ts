/**
 * The morning digest: on working days (Monday to Friday minus HOLIDAYS) from DIGEST_AT (08:00,
 * Tanzanian time), each active supervisor gets one SMS on their region and each active
 * headquarters member one on the country: open, overdue (the oldest in days), unassigned, due
 * today. None for a region (or a country) with nothing open. Sent once a day: the day is
 * remembered in the settings table in the same transaction as the SMS, so a restart at 08:30
 * sends nothing again, and a server started at 09:00 still sends that day's (up to four hours late).
 */
import { inTransaction, type Db } from '../../db/client';
import { readSetting, writeSetting } from '../../db/settings';
import { openComplaintFacts, type OpenFacts } from '../complaints/lists-repository';
import type { SlaPolicy } from '../complaints/core/sla';
import { enqueueSms } from '../outbox/repository';
import type { ReferenceData } from '../reference/types';
import { activeStaffInRole } from '../staff/repository';
import { atMinuteOfDay, dayKey, isWorkingDay } from '../text/calendar';
import { translate } from '../text/translate';
import { digestFigures, digestText } from './core/digest';

export interface DigestDeps {
  db: Db;
  reference: ReferenceData;
  policy: SlaPolicy;
  /** DIGEST_AT: minutes after midnight, Tanzanian time; null: no digest. */
  digestAt: number | null;
}

/** How late a digest may still go: a server down at 08:00 sends it when it starts, until then. */
export const DIGEST_LATENESS_MS = 4 * 60 * 60_000;
const SENT_KEY = 'digest_last_day';

/** Whether `now` is when the day's digest goes (not whether it already went). */
export function isDigestTime(now: number, digestAt: number | null, policy: SlaPolicy): boolean {
  if (digestAt === null || !isWorkingDay(now, policy.holidays)) return false;
  const at = atMinuteOfDay(now, digestAt);
  return now >= at && now < at + DIGEST_LATENESS_MS;
}

/** Queues one digest SMS per recipient whose area has something open; returns how many. */
function queueDigests(d: DigestDeps, tx: Db, now: number): number {
  const open = openComplaintFacts(tx);
  const byRegion = new Map<string, OpenFacts[]>();
  for (const c of open) {
    const list = byRegion.get(c.regionCode);
    if (list) list.push(c);
    else byRegion.set(c.regionCode, [c]);
  }
  let queued = 0;
  const send = (phone: string, body: string) => {
    enqueueSms(tx, { toPhone: phone, body, template: 'sms.digest.body' }, now);
    queued++;
  };
  for (const sup of activeStaffInRole(tx, 'supervisor')) {
    const mine = byRegion.get(sup.regionCode ?? '') ?? [];
    if (mine.length === 0) continue;
    const name = d.reference.regions.find((r) => r.code === sup.regionCode)?.label[sup.language];
    const figures = digestFigures(mine, now, d.policy);
    send(sup.phone, digestText(name ?? sup.regionCode ?? '', figures, now, sup.language));
  }
  if (open.length > 0) {
    const country = digestFigures(open, now, d.policy);
    for (const hq of activeStaffInRole(tx, 'hq')) {
      const area = translate('sms.digest.country', hq.language);
      send(hq.phone, digestText(area, country, now, hq.language));
    }
  }
  return queued;
}

/**
 * Sends the day's digest if it is time and it has not gone yet. Returns how many SMS were queued,
 * or undefined when it was not the time or the day's digest had already gone.
 */
export function runMorningDigest(d: DigestDeps, now: number): number | undefined {
  if (!isDigestTime(now, d.digestAt, d.policy)) return undefined;
  return inTransaction(
    d.db,
    (tx) => {
      if (readSetting(tx, SENT_KEY) === dayKey(now)) return undefined;
      writeSetting(tx, SENT_KEY, dayKey(now));
      return queueDigests(d, tx, now);
    },
    { behavior: 'immediate' },
  );
}
