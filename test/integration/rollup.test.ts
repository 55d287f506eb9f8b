/**
 * The one rollup (`complaint_rollup`, db/rollup-sql.ts) always equals a count of the complaints
 * made here in JavaScript, row by row, whatever changes them: filings, lifecycle steps, office
 * times, moves to another council, category, channel or day, deletions, in any order; and when
 * the background job rebuilds it while complaints keep changing. The migration holds the triggers
 * the SQL module prints. The same for `open_deadlines` (migration 0020): always the open complaints
 * with their deadlines, and the dashboard's lateness read from it equals the queue index's.
 */
import pino from 'pino';
import { startJobRunner, type FillIn } from '../../db/job-runner';
import { rollupTriggers } from '../../db/rollup-sql';
import { rollupFill } from '../../src/reports/rollup';
import { dayOf, overdueCells, regionCategoryRows } from '../../src/reports/dashboard-repository';
import { openDeadlinesFill } from '../../src/reports/open-deadlines';
import { recountRollup, storedRollup } from '../../bench/rollup-recount';
import { seededRandomInt } from '../helpers/app';
import { DAY, HOUR, eat, file, openWorld, type World } from '../helpers/world';

let w: World;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-02 08:00') });
});
afterEach(() => w.close());

const COUNCILS = ['DAR-KIM', 'DAR-UBM', 'ARU-ARC', 'DOD-BAD'];

/** Random changes of every kind a complaint can go through, applied to random complaints. */
function changer(random: (n: number) => number, ids: number[]) {
  const db = w.db.$client;
  const at = () => w.clock.now() - random(30) * DAY + random(100) * HOUR;
  const changes: ((id: number) => unknown)[] = [
    (id) => db.prepare(`UPDATE complaints SET status = 'in_progress' WHERE id = ?`).run(id),
    (id) =>
      db
        .prepare(`UPDATE complaints SET first_response_at = created_at + ? WHERE id = ?`)
        .run(random(200) * HOUR, id),
    (id) =>
      db
        .prepare(
          `UPDATE complaints SET status = 'resolved', resolved_at = created_at + ? WHERE id = ?`,
        )
        .run(random(600) * HOUR, id),
    (id) =>
      db
        .prepare(`UPDATE complaints SET status = 'closed', closed_at = ? WHERE id = ?`)
        .run(at(), id),
    (id) =>
      db
        .prepare(
          `UPDATE complaints SET status = 'assigned', resolved_at = NULL, reopen_count = reopen_count + 1 WHERE id = ?`,
        )
        .run(id),
    (id) => db.prepare(`UPDATE complaints SET assignee_id = NULL WHERE id = ?`).run(id),
    (id) => db.prepare(`UPDATE complaints SET rating = ? WHERE id = ?`).run(1 + random(5), id),
    (id) =>
      db
        .prepare(
          `UPDATE complaints SET first_response_work_ms = ?, resolution_work_ms = ? WHERE id = ?`,
        )
        .run(random(40) * HOUR, random(3) === 0 ? null : random(200) * HOUR, id),
    (id) =>
      db
        .prepare(`UPDATE complaints SET first_response_due_at = created_at + ? WHERE id = ?`)
        .run(random(100) * HOUR, id),
    (id) =>
      db
        .prepare(`UPDATE complaints SET resolution_due_at = created_at + ? WHERE id = ?`)
        .run(random(400) * HOUR, id),
    (id) =>
      db
        .prepare(`UPDATE complaints SET region_code = 'MWA', council_code = 'MWA-BUD' WHERE id = ?`)
        .run(id),
    (id) => db.prepare(`UPDATE complaints SET category_code = 'health' WHERE id = ?`).run(id),
    (id) => db.prepare(`UPDATE complaints SET channel = 'sms' WHERE id = ?`).run(id),
    (id) =>
      db.prepare(`UPDATE complaints SET created_at = created_at - ? WHERE id = ?`).run(DAY, id),
    (id) => db.prepare(`UPDATE complaints SET description = 'x' WHERE id = ?`).run(id),
  ];
  const fileOne = () => {
    w.clock.advance(random(20) * HOUR);
    ids.push(file(w, { council: COUNCILS[random(COUNCILS.length)] ?? 'DAR-KIM' }).id);
  };
  const remove = () => {
    const [id] = ids.splice(random(ids.length), 1);
    if (id === undefined) return;
    db.prepare('DELETE FROM complaint_events WHERE complaint_id = ?').run(id);
    db.prepare('DELETE FROM sms_outbox WHERE complaint_id = ?').run(id);
    db.prepare('DELETE FROM complaints WHERE id = ?').run(id);
  };
  return () => {
    const roll = random(40);
    if (roll === 0) remove();
    else if (roll < 4) fileOne();
    else changes[random(changes.length)]?.(ids[random(ids.length)] ?? 0);
  };
}

/**
 * Runs `job` to the end in small batches while complaints keep changing between the batches, as
 * callers change them, on both sides of the job's cursor (and new ones past its target). Returns
 * how many batches it took.
 */
async function runWhileChanging(job: FillIn, change: () => void): Promise<number> {
  let batches = 0;
  const counted: FillIn = {
    ...job,
    fill(tx, after, upTo) {
      batches++;
      return job.fill(tx, after, upTo);
    },
  };
  let running = true;
  const meanwhile = () => {
    if (!running) return;
    for (let i = 0; i < 3; i++) change();
    setImmediate(meanwhile);
  };
  setImmediate(meanwhile);
  const logger = pino({ level: 'silent' });
  await startJobRunner({ db: w.db, jobs: [counted], logger, now: w.clock.now, batchMs: 0.5 })
    .finished;
  running = false;
  return batches;
}

describe('the one rollup', () => {
  it('when complaints change in every way, then it equals a count of them', () => {
    const random = seededRandomInt(2026);
    const ids: number[] = [];
    const change = changer(random, ids);
    for (let i = 0; i < 60; i++) {
      w.clock.advance(random(20) * HOUR);
      ids.push(file(w, { council: COUNCILS[random(COUNCILS.length)] ?? 'DAR-KIM' }).id);
    }
    for (let i = 0; i < 600; i++) change();

    const counted = recountRollup(w.db);
    expect(counted.length).toBeGreaterThan(100);
    expect(storedRollup(w.db)).toEqual(counted);
  });

  it('when the background job rebuilds it while complaints keep changing, then it equals a count of them', async () => {
    const random = seededRandomInt(17);
    const ids: number[] = [];
    const change = changer(random, ids);
    for (let i = 0; i < 400; i++) {
      w.clock.advance(random(20) * HOUR);
      ids.push(file(w, { council: COUNCILS[random(COUNCILS.length)] ?? 'DAR-KIM' }).id);
    }
    // An upgrade: the rollup empty, its job not yet run.
    w.db.$client.exec(`DELETE FROM complaint_rollup;
      UPDATE background_jobs SET cursor = 0, target = 0, finished_at = NULL WHERE name = 'rollup'`);
    expect(await runWhileChanging(rollupFill, change)).toBeGreaterThan(3);
    expect(storedRollup(w.db)).toEqual(recountRollup(w.db));
  });

  it('when a period is read as whole weeks and the days at its ends, then it counts what its days count', () => {
    const random = seededRandomInt(7);
    const ids: number[] = [];
    const change = changer(random, ids);
    for (let i = 0; i < 150; i++) {
      w.clock.advance(random(12) * HOUR);
      ids.push(file(w, { council: COUNCILS[random(COUNCILS.length)] ?? 'DAR-KIM' }).id);
    }
    for (let i = 0; i < 300; i++) change();
    const counters = 'sum(n), sum(st_resolved), sum(fr_late), sum(late), sum(r5)';
    const cells = (source: string) =>
      w.db.$client
        .prepare(
          `SELECT region, category, ${counters} FROM (${source})
            GROUP BY region, category ORDER BY region, category`,
        )
        .raw()
        .all();
    const daysAlone = (from?: number, until?: number) =>
      `SELECT * FROM complaint_rollup WHERE kind = 'rc'
        ${from === undefined ? '' : `AND day >= ${from}`} ${until === undefined ? '' : `AND day < ${until}`}`;
    const first = dayOf(eat('2026-03-02 08:00')) - 3;
    const last = dayOf(w.clock.now()) + 2;
    const periods: [number | undefined, number | undefined][] = [
      [undefined, undefined],
      [first + 5, undefined],
      [undefined, last - 9],
    ];
    for (let i = 0; i < 40; i++) {
      const from = first + random(last - first);
      periods.push([from, from + 1 + random(40)]);
    }
    let weeksRead = 0;
    for (const [from, until] of periods) {
      const source = regionCategoryRows('*', { from, until });
      if (source.includes(`'rcw'`)) weeksRead++;
      expect([from, until, cells(source)]).toEqual([from, until, cells(daysAlone(from, until))]);
    }
    expect(weeksRead).toBeGreaterThan(20);
    const filed = (cells(daysAlone()) as number[][]).reduce((n, row) => n + (row[2] ?? 0), 0);
    expect(filed).toBe(ids.length);
  });

  it('when the database is migrated, then its triggers are the ones db/rollup-sql.ts writes', () => {
    const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
    const inDb = (
      w.db.$client
        .prepare(
          `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'complaints'
          AND name LIKE 'complaint_rollup_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[]
    ).map(normal);
    const written = rollupTriggers()
      .split('--> statement-breakpoint')
      .map((s) => normal(s).replace(/;$/, ''))
      .sort();
    expect(inDb).toEqual(written);
    expect(inDb).toHaveLength(7);
  });
});

describe('open_deadlines', () => {
  const stored = () =>
    w.db.$client.prepare('SELECT * FROM open_deadlines ORDER BY complaint_id').all();
  const expected = () =>
    w.db.$client
      .prepare(
        `SELECT region_code AS region, category_code AS category, channel,
                council_code AS council, id AS complaint_id, due_at, created_at,
                first_response_at IS NULL AS unanswered, resolution_due_at
           FROM complaints WHERE due_at IS NOT NULL ORDER BY id`,
      )
      .all();
  const fileMany = (random: (n: number) => number, ids: number[], n: number) => {
    for (let i = 0; i < n; i++) {
      w.clock.advance(random(20) * HOUR);
      ids.push(file(w, { council: COUNCILS[random(COUNCILS.length)] ?? 'DAR-KIM' }).id);
    }
  };

  it('when complaints change in every way, then it holds the open ones with their deadlines', () => {
    const random = seededRandomInt(2027);
    const ids: number[] = [];
    const change = changer(random, ids);
    fileMany(random, ids, 60);
    expect(stored()).toHaveLength(60);
    for (let i = 0; i < 600; i++) change();

    const open = expected();
    expect(open.length).toBeGreaterThan(10);
    expect(open.length).toBeLessThan(ids.length);
    expect(stored()).toEqual(open);
  });

  it('when the background job copies them while complaints keep changing, then it holds the open ones', async () => {
    const random = seededRandomInt(18);
    const ids: number[] = [];
    const change = changer(random, ids);
    fileMany(random, ids, 400);
    // An upgrade: the table empty, its job not yet run.
    w.db.$client.exec(`DELETE FROM open_deadlines;
      UPDATE background_jobs SET cursor = 0, target = 0, finished_at = NULL
       WHERE name = 'open_deadlines'`);
    expect(await runWhileChanging(openDeadlinesFill, change)).toBeGreaterThan(3);
    expect(stored()).toEqual(expected());
  });

  it('when lateness is read from it, then it equals the count from the queue index at any moment', () => {
    const random = seededRandomInt(31);
    const ids: number[] = [];
    const change = changer(random, ids);
    fileMany(random, ids, 200);
    for (let i = 0; i < 300; i++) change();
    const sorted = (cells: object[]) =>
      cells.map((c) => JSON.stringify(c, Object.keys(c).sort())).sort();
    const start = eat('2026-03-02 08:00');
    let late = 0;
    for (let i = 0; i < 30; i++) {
      const now = start + random(200) * DAY;
      const from = start - 5 * DAY + random(120) * DAY;
      const window = { from, until: from + (1 + random(120)) * DAY };
      for (const region of [undefined, 'DAR', 'MWA']) {
        const read = overdueCells(w.db, region, window, now, true);
        expect(sorted(read)).toEqual(sorted(overdueCells(w.db, region, window, now, false)));
        late += read.length;
      }
    }
    expect(late).toBeGreaterThan(50);
  });
});
