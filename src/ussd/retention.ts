/**
 * Retention of USSD sessions: what callers typed (drafts included) is kept for
 * USSD_SESSION_RETENTION_DAYS, then deleted in small batches that leave the event loop to the
 * callers in between.
 */
import type { Db } from '../../db/client';
import { purgeSessionsBefore } from './session-repository';

const BATCH = 500;

export async function purgeOldSessions(
  db: Db,
  now: number,
  retentionDays: number,
): Promise<number> {
  const before = now - retentionDays * 24 * 60 * 60_000;
  let total = 0;
  for (;;) {
    const deleted = purgeSessionsBefore(db, before, BATCH);
    total += deleted;
    if (deleted < BATCH) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
