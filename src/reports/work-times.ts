/**
 * Office time to first response and to resolution, for complaints whose reply or resolution
 * was stored without it: those from before the columns existed, or by a caller whose deps carry
 * no office hours (every composition root's do: src/deps.ts). Filled in batches, at start and
 * before the dashboard reads; a partial index finds them, so with nothing pending this costs one
 * probe.
 */
import { inTransaction, type Db } from '../../db/client';
import { workingMsBetween, type WorkingHours } from '../text/calendar';
import { pendingWorkTimes, setWorkTimes } from './dashboard-repository';

const BATCH = 2000;

/** Stores the office times still missing; returns how many complaints got them. */
export function settleWorkTimes(db: Db, hours: WorkingHours): number {
  let done = 0;
  for (;;) {
    const n = inTransaction(db, (tx) => {
      const rows = pendingWorkTimes(tx, BATCH);
      for (const r of rows) {
        const work = (at: number | null) =>
          at === null ? null : workingMsBetween(r.createdAt, at, hours);
        setWorkTimes(tx, r.id, work(r.firstResponseAt), work(r.resolvedAt));
      }
      return rows.length;
    });
    done += n;
    if (n < BATCH) return done;
  }
}
