/**
 * A Kero app for the incoming-SMS tests: staff hired and complaints filed through the real
 * services on the app's own in-memory database, and a phone that posts exactly the form fields
 * Africa's Talking posts for an incoming message. Nothing is mocked but time and randomness.
 */
import { asc, eq, gt } from 'drizzle-orm';
import type { Response } from 'supertest';
import {
  complaintEvents,
  complaints,
  smsInbound,
  smsOutbox,
  type StaffRow,
  type ComplaintRow,
} from '../../db/schema';
import type { AppDeps } from '../../src/http/app';
import { makeComplaintNumber } from '../../src/complaints/core/numbers';
import { complaintNumberExists } from '../../src/complaints/repository';
import { addStaff, type StaffInput } from '../../src/directory/service';
import { makeTestApp, seededRandomInt, TEST_TOKEN, type TestApp } from '../helpers/app';
import {
  CITIZEN,
  fileFor,
  hireDesk,
  OTHER_CITIZEN,
  STRANGER,
  type DeskStaff,
  type Filing,
} from '../helpers/world';
import { formBody, postForm } from '../helpers/at-ussd';

export const SHORTCODE = '15055';
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export const inboundPath = (token: string | null = TEST_TOKEN) =>
  token === null ? '/sms/inbound' : `/sms/inbound?token=${encodeURIComponent(token)}`;

export interface Sms {
  t: TestApp;
  /** Posts one incoming SMS as AT does; a fresh AT id unless `id` is given. */
  send: (
    from: string,
    text: string,
    extra?: { id?: string; to?: string; token?: string | null },
  ) => Promise<Response>;
  hire: (input: StaffInput) => StaffRow;
  file: (f: Filing) => ComplaintRow;
  close: () => void;
}

export function openSms(overrides: Partial<AppDeps> = {}): Sms {
  const t = makeTestApp(overrides);
  const random = seededRandomInt(11);
  let ids = 0;
  const ctx = () => ({ now: t.clock.now(), reference: t.deps.reference, source: 'cli' as const });
  const nextNumber = () => {
    for (;;) {
      const n = makeComplaintNumber(random);
      if (!complaintNumberExists(t.db, n)) return n;
    }
  };
  return {
    t,
    send: (from, text, extra = {}) => {
      ids += 1;
      const fields: Record<string, string> = {
        date: '2026-03-12 09:01:05',
        from,
        id: extra.id ?? `ATXid_in_${String(ids).padStart(6, '0')}`,
        linkId: `SampleLinkId${ids}`,
        text,
        to: extra.to ?? SHORTCODE,
        networkCode: '64004',
      };
      return postForm(
        t.app,
        inboundPath(extra.token === undefined ? TEST_TOKEN : extra.token),
        formBody(fields),
      );
    },
    hire: (input) => {
      const result = addStaff(t.db, ctx(), input);
      if (!result.ok) throw new Error(`cannot hire: ${result.errors.join('; ')}`);
      return result.value;
    },
    file: (f) => fileFor(t.db, t.deps.reference, { number: nextNumber(), now: t.clock.now() }, f),
    close: () => t.close(),
  };
}

/** The desk of test/helpers/world.ts, hired through this app's staff service. */
export const staffDesk = (s: Sms): DeskStaff => hireDesk(s.hire);

export { CITIZEN, OTHER_CITIZEN, STRANGER, type DeskStaff };

export function lastOutboxId(t: TestApp): number {
  const rows = t.db.select({ id: smsOutbox.id }).from(smsOutbox).all();
  return rows.reduce((max, r) => Math.max(max, r.id), 0);
}

/** Outbox rows written after `afterId`, oldest first. */
export function outboxAfter(t: TestApp, afterId: number) {
  return t.db
    .select()
    .from(smsOutbox)
    .where(gt(smsOutbox.id, afterId))
    .orderBy(asc(smsOutbox.id))
    .all();
}

export function complaintById(t: TestApp, id: number): ComplaintRow {
  const row = t.db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!row) throw new Error(`no complaint ${id}`);
  return row;
}

export function eventsOf(t: TestApp, complaintId: number) {
  return t.db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.id))
    .all();
}

export function inboundRows(t: TestApp) {
  return t.db.select().from(smsInbound).orderBy(asc(smsInbound.id)).all();
}

/** Every row a command could touch, for "nothing changed" comparisons. */
export function snapshot(t: TestApp) {
  const rows = (table: string) =>
    t.db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return {
    complaints: rows('complaints'),
    complaint_events: rows('complaint_events'),
    sms_outbox: rows('sms_outbox'),
    staff: rows('staff'),
  };
}
