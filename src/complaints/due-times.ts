/**
 * SLA deadlines for complaints filed before they were stored at filing (an upgrade): a background
 * job (db/job-runner.ts) computes them with the policy of the day, so the console's queues can
 * sort on them.
 */
import type { FillIn } from '../../db/job-runner';
import { firstResponseDue, resolutionDue, type SlaPolicy } from './core/sla';
import { complaintsWithoutDueTimes, setDueTimes } from './repository';

/** Its name (db/jobs.ts): what waits for the older complaints' deadlines checks its progress. */
export const DUE_TIMES_JOB = 'due_times';

/** The job that stores the deadlines of every complaint that has none. */
export function dueTimesFill(policy: SlaPolicy): FillIn {
  return {
    name: DUE_TIMES_JOB,
    what: 'SLA deadlines for older complaints',
    fill(tx, after, upTo) {
      const rows = complaintsWithoutDueTimes(tx, after, upTo);
      for (const r of rows) {
        const first = firstResponseDue(r.createdAt, policy);
        setDueTimes(tx, r.id, first, resolutionDue(r.createdAt, policy));
      }
      return rows.length;
    },
  };
}
