/**
 * The one rollup (`complaint_rollup`, db/rollup-sql.ts) always equals a count of the complaints
 * made here in JavaScript, row by row, whatever changes them: filings, lifecycle steps, office
 * times, moves to another council, category, channel or day, deletions, in any order; and when
 * the background job rebuilds it while complaints keep changing. The migration holds the triggers
 * the SQL module prints.
 */
import pino from 'pino';
import { startJobRunner, type FillIn } from '../../db/job-runner';
import { rollupTriggers } from '../../db/rollup-sql';
import { rollupFill } from '../../src/reports/rollup';
import { seededRandomInt } from '../helpers/app';
import { DAY, HOUR, eat, file, openWorld, type World } from '../helpers/world';

let w: World;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-02 08:00') });
});
afterEach(() => w.close());

interface Complaint {
  id: number;
  status: string;
  region_code: string;
  council_code: string;
  category_code: string;
  channel: string;
  assignee_id: number | null;
  created_at: number;
  first_response_at: number | null;
  first_response_due_at: number | null;
  resolved_at: number | null;
  resolution_due_at: number | null;
  rating: number | null;
  reopen_count: number;
  first_response_work_ms: number | null;
  resolution_work_ms: number | null;
}

const COUNTERS = [
  'n',
  'st_received',
  'st_assigned',
  'st_in_progress',
  'st_resolved',
  'st_closed',
  'unattended',
  'answered',
  'fr_met',
  'fr_late',
  'resolved_ever',
  'res_met',
  'res_late',
  'late',
  'ever_done',
  'reopened',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
] as const;

const dayOf = (ms: number) => Math.floor((ms + 3 * HOUR) / DAY);
const hoursOf = (ms: number) => Math.floor((ms + HOUR - 1) / HOUR);

/** What one complaint counts, written again from the rollup's definitions. */
function countersOf(c: Complaint): number[] {
  const open = ['received', 'assigned', 'in_progress'].includes(c.status);
  const answer = c.first_response_at ?? c.resolved_at;
  const due = (at: number | null, deadline: number | null) =>
    at === null || deadline === null ? null : at <= deadline;
  const frOnTime = due(answer, c.first_response_due_at);
  const resOnTime = due(c.resolved_at, c.resolution_due_at);
  const values: Record<(typeof COUNTERS)[number], boolean | number> = {
    n: 1,
    st_received: c.status === 'received',
    st_assigned: c.status === 'assigned',
    st_in_progress: c.status === 'in_progress',
    st_resolved: c.status === 'resolved',
    st_closed: c.status === 'closed',
    unattended: open && c.assignee_id === null,
    answered: c.first_response_at !== null,
    fr_met: frOnTime === true,
    fr_late: frOnTime === false,
    resolved_ever: c.resolved_at !== null,
    res_met: resOnTime === true,
    res_late: resOnTime === false,
    late: frOnTime === false || resOnTime === false,
    ever_done: c.resolved_at !== null || c.reopen_count > 0,
    reopened: c.reopen_count > 0,
    r1: c.rating === 1,
    r2: c.rating === 2,
    r3: c.rating === 3,
    r4: c.rating === 4,
    r5: c.rating === 5,
  };
  return COUNTERS.map((k) => Number(values[k]));
}

/** The rollup a count of every complaint gives, as sorted "key: counters" lines. */
function recount(): string[] {
  const rows = w.db.$client.prepare('SELECT * FROM complaints').all() as Complaint[];
  const sums = new Map<string, number[]>();
  const add = (key: (string | number)[], values: number[]) => {
    const k = key.join('|');
    const sum = sums.get(k) ?? COUNTERS.map(() => 0);
    values.forEach((v, i) => (sum[i] = (sum[i] ?? 0) + v));
    sums.set(k, sum);
  };
  const one = COUNTERS.map((_, i) => (i === 0 ? 1 : 0));
  for (const c of rows) {
    const values = countersOf(c);
    const day = dayOf(c.created_at);
    add(['c', day, c.region_code, c.council_code, c.category_code, c.channel, 0], values);
    add(['rc', day, c.region_code, '', c.category_code, '', 0], values);
    add(['ch', day, '', '', '', c.channel, 0], values);
    if (c.resolved_at !== null && ['resolved', 'closed'].includes(c.status)) {
      add(['res', dayOf(c.resolved_at), c.region_code, '', '', '', 0], one);
    }
    if (c.first_response_work_ms !== null) {
      add(['hfr', day, '', '', '', '', hoursOf(c.first_response_work_ms)], one);
    }
    if (c.resolution_work_ms !== null) {
      add(['hres', day, '', '', '', '', hoursOf(c.resolution_work_ms)], one);
    }
  }
  return [...sums.entries()].map(([k, v]) => `${k}: ${v.join(' ')}`).sort();
}

/** The rollup's rows that count something, as the same lines. */
function stored(): string[] {
  const keys = 'kind, day, region, council, category, channel, hours';
  return (
    w.db.$client
      .prepare(`SELECT ${keys}, ${COUNTERS.join(', ')} FROM complaint_rollup`)
      .raw()
      .all() as (string | number)[][]
  )
    .filter((r) => r.slice(7).some((v) => v !== 0))
    .map((r) => `${r.slice(0, 7).join('|')}: ${r.slice(7).join(' ')}`)
    .sort();
}

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

    const counted = recount();
    expect(counted.length).toBeGreaterThan(100);
    expect(stored()).toEqual(counted);
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
    let batches = 0;
    const counted: FillIn = {
      ...rollupFill,
      fill(tx, after, upTo) {
        batches++;
        return rollupFill.fill(tx, after, upTo);
      },
    };
    // Changes between the batches, as callers make them, to complaints on both sides of the
    // job's cursor (and new ones past its target).
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

    expect(batches).toBeGreaterThan(3);
    expect(stored()).toEqual(recount());
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
