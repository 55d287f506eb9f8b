/**
 * An upgrade at 200,000 complaints, from outside (bench/upgrade.ts): the previous release's
 * database (migrated to 0015, nothing a later migration or job fills in stored) and `npm start`
 * on it. USSD must answer within 5 s of the start, first screens during the background jobs must
 * keep a p99 within twice that of the same server once they have finished, every job must
 * finish, and the rollup they built must equal a count of the complaints.
 */
import { runUpgrade, type UpgradeRun } from '../../bench/upgrade';
import { printFigures } from './figures';

const COMPLAINTS = 200_000;

test('when the current release starts on a year-old database of 200,000 complaints, then USSD answers at once and the background work neither slows it nor counts wrong', async () => {
  const r: UpgradeRun = await runUpgrade({ complaints: COMPLAINTS });
  printFigures('upgrade', {
    complaints: r.complaints,
    migrationsMs: r.migrations.map((m) => `${m.tag}:${m.ms}`).join('/'),
    firstAnswerMs: r.firstAnswerMs,
    jobs: r.jobs.map((j) => `${j.job}:${(j.ms / 1000).toFixed(1)}s`).join('/'),
    jobsSeconds: r.jobsSeconds.toFixed(1),
    duringHopsPerS: r.during.perSecond,
    duringP99Ms: r.during.p99Ms.toFixed(1),
    idleHopsPerS: r.idle.perSecond,
    idleP99Ms: r.idle.p99Ms.toFixed(1),
    rollupRows: r.rollupRows,
  });

  expect(r.firstAnswerMs).toBeLessThanOrEqual(5000);
  expect(r.jobs.map((j) => j.job)).toEqual([
    'due_times',
    'work_times',
    'place_keys',
    'rollup',
    'open_deadlines',
  ]);
  expect(r.during.hops).toBeGreaterThan(0);
  expect(r.during.p99Ms).toBeLessThanOrEqual(2 * r.idle.p99Ms);
  expect(r.rollupMismatches).toBe(0);
  expect(r.rollupRows).toBeGreaterThan(10_000);
}, 900_000);
