/**
 * The background jobs an upgrade leaves (db/job-runner.ts): they fill in what filing would have
 * stored, in batches, between turns of the event loop; a runner stopped half-way is followed by
 * one that goes on from the last batch it committed and does no complaint twice; complaints filed
 * meanwhile are covered; a failing batch is tried again; readiness and the figures say how far
 * they are.
 */
import pino from 'pino';
import type { Db, Tx } from '../../db/client';
import { startJobRunner, type FillIn } from '../../db/job-runner';
import { listJobs, preparing, progressOf } from '../../db/jobs';
import { placeKeysFill } from '../../src/complaints/clusters';
import { dueTimesFill } from '../../src/complaints/due-times';
import { createReadiness } from '../../src/ops/readiness';
import { workTimesFill } from '../../src/reports/work-times';
import { workingMsBetween } from '../../src/text/calendar';
import { HOURS } from '../console/world';
import { forgetFillIns } from '../helpers/upgrade';
import { DAY, HOUR, file, openWorld, type World } from '../helpers/world';

let w: World;
afterEach(() => w.close());

const silent = pino({ level: 'silent' });
const hours = { ...HOURS, holidays: new Set<string>() };

/** `n` complaints an hour apart; every third answered two hours after filing, every fifth resolved. */
function fileMany(n: number): void {
  for (let i = 0; i < n; i++) {
    w.clock.advance(HOUR);
    const c = file(w, { council: 'DAR-KIM', place: i % 2 === 0 ? `Kijiji cha Mbande ${i}` : null });
    const reply = i % 3 === 0 ? c.createdAt + 2 * HOUR : null;
    const resolved = i % 5 === 0 ? c.createdAt + 3 * DAY : null;
    w.db.$client
      .prepare(`UPDATE complaints SET first_response_at = ?, resolved_at = ? WHERE id = ?`)
      .run(reply, resolved, c.id);
  }
}

const FILLED = `SELECT id, first_response_due_at AS fr, resolution_due_at AS res, place_key AS place,
  first_response_work_ms AS frWork, resolution_work_ms AS resWork FROM complaints ORDER BY id`;
const filled = (db: Db) => db.$client.prepare(FILLED).all();

const fillIns = (): FillIn[] => [dueTimesFill(w.deps.policy), workTimesFill(hours), placeKeysFill];

/** A fill-in that records the id ranges it was given, and may act on each call. */
function watched(job: FillIn, onCall?: (call: number, tx: Tx) => void) {
  const ranges: [number, number][] = [];
  const fill: FillIn = {
    ...job,
    fill(tx, after, upTo) {
      ranges.push([after, upTo]);
      onCall?.(ranges.length, tx);
      return job.fill(tx, after, upTo);
    },
  };
  return { fill, ranges };
}

describe('background jobs after an upgrade', () => {
  test('when an upgrade left deadlines, office times and place keys out, then the jobs store exactly what filing stores', async () => {
    w = openWorld();
    fileMany(400);
    const asFiled = filled(w.db);
    forgetFillIns(w.db);
    expect(preparing(w.db, ['due_times'])).toBe(0);

    const runner = startJobRunner({ db: w.db, jobs: fillIns(), logger: silent, now: w.clock.now });
    await runner.finished;

    const after = filled(w.db) as { frWork: number | null; resWork: number | null }[];
    const noTimes = (rows: object[]) =>
      rows.map((r) => ({ ...r, frWork: undefined, resWork: undefined }));
    expect(noTimes(after)).toEqual(noTimes(asFiled as object[]));
    // Office time, as the console stores it when it replies: the calendar's, not the wall's.
    const times = w.db.$client
      .prepare(
        `SELECT created_at AS c, first_response_at AS fr, resolved_at AS res,
                first_response_work_ms AS frWork, resolution_work_ms AS resWork FROM complaints`,
      )
      .all() as {
      c: number;
      fr: number | null;
      res: number | null;
      frWork: number | null;
      resWork: number | null;
    }[];
    const work = (from: number, to: number | null) =>
      to === null ? null : workingMsBetween(from, to, hours);
    expect(times.map((r) => [r.frWork, r.resWork])).toEqual(
      times.map((r) => [work(r.c, r.fr), work(r.c, r.res)]),
    );
    const replies = times.filter((r) => r.frWork !== null).map((r) => r.frWork);
    expect(replies).toHaveLength(134);
    expect(replies).toContain(2 * HOUR); // filed and answered in office hours
    expect(replies).toContain(0); // filed and answered at night
    expect(listJobs(w.db).every((j) => j.finishedAt !== null)).toBe(true);
    expect(preparing(w.db, ['due_times', 'work_times', 'place_keys'])).toBeNull();
  });

  test('when the runner stops half-way, then the next one goes on from its last batch and does no complaint twice', async () => {
    w = openWorld();
    fileMany(600);
    forgetFillIns(w.db, ['due_times']);
    const stop = { runner: undefined as ReturnType<typeof startJobRunner> | undefined };
    const first = watched(dueTimesFill(w.deps.policy), (call) => {
      if (call === 3) void stop.runner?.stop();
    });
    const runner = startJobRunner({
      db: w.db,
      jobs: [first.fill],
      logger: silent,
      now: w.clock.now,
    });
    stop.runner = runner;
    await runner.finished;

    const [row] = listJobs(w.db);
    expect(row?.finishedAt).toBeNull();
    expect(row?.cursor).toBe(first.ranges[2]?.[1]);
    const halfway = progressOf(row!).percent;
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(100);
    expect(preparing(w.db, ['due_times'])).toBe(halfway);
    const readiness = createReadiness({ db: w.db, file: ':memory:', now: w.clock.now })();
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.jobs).toEqual({ ok: true, detail: `due_times ${halfway} %` });

    const second = watched(dueTimesFill(w.deps.policy));
    await startJobRunner({ db: w.db, jobs: [second.fill], logger: silent, now: w.clock.now })
      .finished;

    const ranges = [...first.ranges, ...second.ranges];
    // Contiguous and disjoint: each range starts where the one before ended, from 0 to the end.
    expect(ranges[0]?.[0]).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.[0]).toBe(ranges[i - 1]?.[1]);
    expect(ranges.at(-1)?.[1]).toBe(600);
    const missing = w.db.$client
      .prepare('SELECT count(*) FROM complaints WHERE first_response_due_at IS NULL')
      .pluck()
      .get();
    expect(missing).toBe(0);
  });

  test('when complaints arrive while a job runs, then it covers them before it finishes', async () => {
    w = openWorld();
    fileMany(50);
    forgetFillIns(w.db, ['place_keys']);
    const job = watched(placeKeysFill, (call, tx) => {
      if (call !== 1) return;
      // An old release's process still writing (a CLI import, say): no key stored.
      const c = file(w, { council: 'DAR-KIM', place: 'Kata ya Makole' });
      tx.$client.prepare('UPDATE complaints SET place_key = NULL WHERE id = ?').run(c.id);
    });
    await startJobRunner({ db: w.db, jobs: [job.fill], logger: silent, now: w.clock.now }).finished;

    const last = w.db.$client
      .prepare('SELECT id, place_key AS k FROM complaints ORDER BY id DESC LIMIT 1')
      .get() as { id: number; k: string };
    expect(last).toEqual({ id: 51, k: 'makole' });
    expect(job.ranges.at(-1)?.[1]).toBe(51);
  });

  test('when a batch fails, then it is logged, tried again, and the job still finishes', async () => {
    w = openWorld();
    fileMany(20);
    forgetFillIns(w.db, ['due_times']);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const job = watched(dueTimesFill(w.deps.policy), (call) => {
      if (call === 1) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    await startJobRunner({ db: w.db, jobs: [job.fill], logger, now: w.clock.now, retryMs: 10 })
      .finished;

    expect(lines.some((l) => l.includes('background job batch failed'))).toBe(true);
    expect(lines.some((l) => l.includes('background job finished'))).toBe(true);
    // The failed batch's range was rolled back and done again.
    expect(job.ranges[0]).toEqual(job.ranges[1]);
    expect(preparing(w.db, ['due_times'])).toBeNull();
  });

  test('when the server stops while a failing job waits a minute to try again, then it stops at once', async () => {
    w = openWorld();
    fileMany(5);
    forgetFillIns(w.db, ['due_times']);
    const failing: FillIn = {
      ...dueTimesFill(w.deps.policy),
      fill() {
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      },
    };
    const runner = startJobRunner({
      db: w.db,
      jobs: [failing],
      logger: silent,
      now: w.clock.now,
      retryMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, 50));
    const hung = new Promise((r) => setTimeout(() => r('still waiting'), 5000).unref());
    await expect(Promise.race([runner.stop().then(() => 'stopped'), hung])).resolves.toBe(
      'stopped',
    );
    expect(preparing(w.db, ['due_times'])).toBe(0);
  });

  test('when a job this version does not know waits, then it is left alone and the others run', async () => {
    w = openWorld();
    fileMany(10);
    forgetFillIns(w.db, ['place_keys']);
    w.db.$client.exec(`INSERT INTO background_jobs (name) VALUES ('from_a_later_release')`);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    await startJobRunner({ db: w.db, jobs: fillIns(), logger, now: w.clock.now }).finished;

    const rows = Object.fromEntries(listJobs(w.db).map((j) => [j.name, j.finishedAt !== null]));
    expect(rows).toEqual({
      due_times: true,
      work_times: true,
      place_keys: true,
      rollup: true,
      open_deadlines: true,
      from_a_later_release: false,
    });
    expect(lines.some((l) => l.includes('unknown to this version'))).toBe(true);
  });

  test('when a database is new, then its jobs start finished and nothing runs', async () => {
    w = openWorld();
    expect(listJobs(w.db).map(progressOf)).toEqual(
      ['due_times', 'work_times', 'place_keys', 'rollup', 'open_deadlines'].map((name) => ({
        name,
        done: true,
        percent: 100,
      })),
    );
    const job = watched(dueTimesFill(w.deps.policy));
    await startJobRunner({ db: w.db, jobs: [job.fill], logger: silent, now: w.clock.now }).finished;
    expect(job.ranges).toEqual([]);
  });
});
