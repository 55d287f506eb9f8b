/**
 * Assignment and escalation at scale: the same 2,000 staff over the 26 mainland regions, first on
 * an otherwise empty database (A), then with 100,000 open complaints assigned among them (B), each
 * in a temp-file SQLite database. Filing (with assignment) runs through the real service, one
 * transaction per complaint as the USSD handler does; escalation is one `runEscalations` pass with
 * 5% of the open complaints past their first-response deadline, then a second pass with none due.
 * Target: filing p50 on B within 2x of A.
 *
 *   tsx bench/assignment.ts [--staff 2000] [--complaints 100000] [--filings 2000]
 * or `runAssignmentBench(opts)` from the bench runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inTransaction, openDatabase } from '../db/client';
import { runEscalations } from '../src/complaints/escalation';
import { fileComplaint } from '../src/complaints/filing';
import { parseConfig } from '../src/config';
import { escalationDeps } from '../src/deps';
import { loadReferenceData } from '../src/reference/repository';
import {
  DAY,
  citizenPhone,
  makeOverdue,
  numberSource,
  pick,
  seedComplaints,
} from './assignment-seed';
import { seededRandom, seedStaff } from './assignment-seed';
import { table } from './report';
import { percentile } from './load';

export interface AssignmentBenchOptions {
  /** Staff in both databases (default 2,000). */
  staff?: number;
  /** Open complaints in database B (default 100,000). */
  complaints?: number;
  /** Timed filings per database (default 2,000), after `warmup` untimed ones (default 200). */
  filings?: number;
  warmup?: number;
  /** Every n-th open complaint is made overdue before escalation (default 20, i.e. 5%). */
  overdueEvery?: number;
  print?: (line: string) => void;
}

export interface DbFigures {
  label: string;
  openAtStart: number;
  seedSeconds: number;
  filingsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  overdue: number;
  escalated: number;
  escalationMs: number;
  secondEscalated: number;
  secondEscalationMs: number;
}

export interface AssignmentBenchResult {
  empty: DbFigures;
  loaded: DbFigures;
  /** Filing p50 of B over A (target <= 2). */
  p50Ratio: number;
}

const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

function measure(
  file: string,
  label: string,
  open: number,
  o: Required<Omit<AssignmentBenchOptions, 'print'>>,
): DbFigures {
  const db = openDatabase(file);
  try {
    const now = Date.now();
    const random = seededRandom(open + 1);
    const nextNumber = numberSource(random);
    const citizens = Math.max(1_000, Math.floor(open / 2));
    const seed0 = process.hrtime.bigint();
    const world = seedStaff(db, o.staff, now - 30 * DAY);
    if (open > 0) seedComplaints(db, world, { count: open, citizens, now, random }, nextNumber);
    const seedSeconds = msSince(seed0) / 1000;
    const reference = loadReferenceData(db);
    const fileOne = (): void => {
      const region = pick(world.regions, random);
      inTransaction(db, (tx) =>
        fileComplaint(tx, reference, {
          phone: citizenPhone(random(citizens)),
          number: nextNumber(),
          draft: {
            regionCode: region.code,
            councilCode: pick(region.councils, random),
            categoryCode: pick(world.categories, random),
            place: 'Kijiji cha Olasiti',
            description: 'Maji hayatoki kijijini tangu wiki iliyopita.',
            anonymous: false,
          },
          language: 'sw',
          serviceCode: '*384*1234#',
          filedBy: { source: 'ussd' },
          policy: { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: new Set() },
          now,
        }),
      );
    };
    for (let i = 0; i < o.warmup; i++) fileOne();
    const samples = new Float64Array(o.filings);
    const all0 = process.hrtime.bigint();
    for (let i = 0; i < o.filings; i++) {
      const t0 = process.hrtime.bigint();
      fileOne();
      samples[i] = msSince(t0);
    }
    const filingsPerSecond = o.filings / (msSince(all0) / 1000);
    samples.sort();

    const overdue = makeOverdue(db, o.overdueEvery, now);
    const parsed = parseConfig({});
    if (!parsed.ok) throw new Error(parsed.message);
    const deps = escalationDeps(parsed.config, db, () => now + 60_000);
    const e0 = process.hrtime.bigint();
    const escalated = runEscalations(deps).length;
    const escalationMs = msSince(e0);
    const e1 = process.hrtime.bigint();
    const secondEscalated = runEscalations(deps).length;
    const secondEscalationMs = msSince(e1);
    return {
      label,
      openAtStart: open,
      seedSeconds,
      filingsPerSecond,
      p50Ms: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
      overdue,
      escalated,
      escalationMs,
      secondEscalated,
      secondEscalationMs,
    };
  } finally {
    db.$client.close();
  }
}

export function runAssignmentBench(opts: AssignmentBenchOptions = {}): AssignmentBenchResult {
  const o = {
    staff: opts.staff ?? 2_000,
    complaints: opts.complaints ?? 100_000,
    filings: opts.filings ?? 2_000,
    warmup: opts.warmup ?? 200,
    overdueEvery: opts.overdueEvery ?? 20,
  };
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-bench-assign-'));
  try {
    const empty = measure(path.join(dir, 'a.db'), 'A empty', 0, o);
    const loaded = measure(path.join(dir, 'b.db'), 'B loaded', o.complaints, o);
    const p50Ratio = loaded.p50Ms / empty.p50Ms;
    const f = (n: number, d = 2): string => n.toFixed(d);
    const head = ['database', 'open', 'seed s', 'filings/s', 'p50 ms', 'p99 ms', 'overdue'];
    head.push('escalated', 'escalation ms', '2nd run', '2nd run ms');
    const row = (x: DbFigures): string[] => [
      x.label,
      String(x.openAtStart),
      f(x.seedSeconds, 1),
      f(x.filingsPerSecond, 0),
      f(x.p50Ms, 3),
      f(x.p99Ms, 3),
      String(x.overdue),
      String(x.escalated),
      f(x.escalationMs, 1),
      String(x.secondEscalated),
      f(x.secondEscalationMs, 1),
    ];
    print(
      `assignment: ${o.staff} staff, ${o.filings} timed filings per database after ${o.warmup} untimed, ` +
        `1 in ${o.overdueEvery} open complaints overdue before escalation`,
    );
    print(table([head, row(empty), row(loaded)], 1));
    const ok = p50Ratio <= 2 ? 'PASS' : 'FAIL';
    print(
      `assignment: filing p50 ratio B/A ${f(p50Ratio)}x (p99 ${f(loaded.p99Ms / empty.p99Ms)}x)   (target <= 2x: ${ok})`,
    );
    return { empty, loaded, p50Ratio };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      staff: { type: 'string', default: '2000' },
      complaints: { type: 'string', default: '100000' },
      filings: { type: 'string', default: '2000' },
    },
  });
  try {
    runAssignmentBench({
      staff: Number(values.staff),
      complaints: Number(values.complaints),
      filings: Number(values.filings),
    });
  } catch (err) {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  }
}
