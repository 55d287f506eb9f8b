/**
 * The app's read jobs with some made artificially slow: the named kinds first keep their thread
 * busy for so many milliseconds (a busy wait, as a heavy query would), then answer as usual.
 * And `test.crash`, which ends its worker thread as a fatal error would.
 */
import type { Jobs } from '../../db/reads';
import { readJobs, type WorkerDeps } from '../../src/http/read-jobs';

const busyFor = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: the thread does nothing else meanwhile
  }
};

export function slowReadJobs(slow: Record<string, number>): Jobs<WorkerDeps> {
  const jobs = readJobs();
  for (const [kind, ms] of Object.entries(slow)) {
    const job = jobs[kind];
    if (!job || !('ask' in job)) throw new Error(`no ask job ${kind} to slow down`);
    jobs[kind] = {
      ask: (deps: WorkerDeps, args: unknown) => {
        busyFor(ms);
        return job.ask(deps, args) as unknown;
      },
    };
  }
  jobs['test.crash'] = {
    ask: () => process.exit(3),
  };
  return jobs;
}
