/**
 * SLA deadlines for complaints filed before they were stored at filing (an upgrade): computed
 * once at start with the policy of the day, in batches, so the console's queues can sort on them.
 */
import { inTransaction, type Db } from '../../db/client';
import { firstResponseDue, resolutionDue, type SlaPolicy } from './core/sla';
import { complaintsWithoutDueTimes, setDueTimes } from './repository';

const BATCH = 2000;

/** Stores the deadlines of every complaint that has none; returns how many. */
export function backfillDueTimes(db: Db, policy: SlaPolicy): number {
  let done = 0;
  for (;;) {
    const n = inTransaction(db, (tx) => {
      const rows = complaintsWithoutDueTimes(tx, BATCH);
      for (const r of rows) {
        setDueTimes(
          tx,
          r.id,
          firstResponseDue(r.createdAt, policy),
          resolutionDue(r.createdAt, policy),
        );
      }
      return rows.length;
    });
    done += n;
    if (n < BATCH) return done;
  }
}
