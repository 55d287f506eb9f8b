/**
 * The `rollup` background job: counts the complaints filed before the rollup existed (or before
 * an upgrade rebuilt it) into `complaint_rollup`, a range of ids per batch, with the same
 * expressions as the triggers (db/rollup-sql.ts). The triggers count a complaint only once the
 * job has reached it, so changes made while it runs are counted once.
 */
import { preparedPerDb } from '../../db/client';
import type { FillIn } from '../../db/job-runner';
import { rollupBuild } from '../../db/rollup-sql';

const statements = preparedPerDb((db) => rollupBuild().map((sql) => db.$client.prepare(sql)));

/** The names of the jobs every figure read from the rollup waits for. */
export const ROLLUP_JOBS = ['due_times', 'rollup'];

export const rollupFill: FillIn = {
  name: 'rollup',
  what: 'the report and dashboard rollup for older complaints',
  fill(tx, after, upTo) {
    let changed = 0;
    for (const s of statements(tx)) changed += s.run(after, upTo).changes;
    return changed;
  },
};
