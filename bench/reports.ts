/**
 * `kero report` at scale: a million complaints filed over a year (bench/open311-seed.ts) in a
 * temp-file SQLite database; the report for all time, a region, the last 30 and 90 days and a
 * year, timed in process (the CLI's own start-up is not the report's). Beside it, in the same
 * run, the baseline: the single grouped scan of `complaints` the report used before its cells
 * and duration indexes (migration 0010). Target: the unfiltered report in < 300 ms.
 *
 * Then what the rollup and the indexes cost the writes that keep them: 10,000 complaints answered and
 * resolved in one transaction, with them and (rolled back) without them.
 *
 *   tsx bench/reports.ts [--complaints 1000000]
 * or `runReportsBench(opts)` from the bench runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../db/client';
import { complaintReport, type ReportFilters } from '../src/reports/report';
import { startOfTanzanianDay, dayKey, DAY_MS } from '../src/text/calendar';
import { seededRandom } from './assignment-seed';
import { seedOpen311Complaints } from './open311-seed';
import { percentile } from './load';

export interface ReportCase {
  label: string;
  rows: number;
  p50Ms: number;
  p95Ms: number;
  /** Median CPU time of one report: steadier than wall time on a shared machine. */
  cpuMs: number;
  baselineP50Ms: number;
  baselineCpuMs: number;
}

export interface ReportsBenchResult {
  complaints: number;
  seedSeconds: number;
  cases: ReportCase[];
  writes: { n: number; withMs: number; withoutMs: number };
}

/** Wall times, sorted, and the median CPU time (user + system) of `runs` calls of `fn`. */
function timed(runs: number, fn: () => unknown): { wall: number[]; cpuMs: number } {
  fn(); // warm the page cache and the statement cache
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  return { wall: wall.sort((a, b) => a - b), cpuMs: percentile(cpu, 50) };
}

/** The report's query before migration 0010: one grouped scan, durations as JSON arrays. */
function baselineReport(db: Db, f: ReportFilters) {
  const where = sql.join(
    [
      sql`1`,
      ...(f.regionCode ? [sql`region_code = ${f.regionCode}`] : []),
      ...(f.from !== undefined ? [sql`created_at >= ${f.from}`] : []),
      ...(f.until !== undefined ? [sql`created_at < ${f.until}`] : []),
    ],
    sql` AND `,
  );
  const rows = db.all<{ a: string; b: string }>(sql`
    SELECT region_code, category_code, sum(status = 'received'), sum(status = 'assigned'),
      sum(status = 'in_progress'), sum(status = 'resolved'), sum(status = 'closed'), count(*),
      sum(first_response_escalated_at IS NOT NULL OR resolution_escalated_at IS NOT NULL),
      json_group_array(first_response_at - created_at) FILTER (WHERE first_response_at IS NOT NULL) AS a,
      json_group_array(resolved_at - created_at) FILTER (WHERE resolved_at IS NOT NULL) AS b
    FROM complaints NOT INDEXED WHERE ${where} GROUP BY +region_code, category_code
    ORDER BY region_code, category_code`);
  for (const r of rows) {
    Float64Array.from(JSON.parse(r.a) as number[]).sort();
    Float64Array.from(JSON.parse(r.b) as number[]).sort();
  }
  return rows;
}

/** 10,000 open complaints answered and resolved, in one transaction rolled back. */
function resolveMany(db: Db, dropFirst: boolean): number {
  const sqlite = db.$client;
  const ids = (
    sqlite
      .prepare(`SELECT id FROM complaints WHERE resolved_at IS NULL ORDER BY id LIMIT 10000`)
      .all() as { id: number }[]
  ).map((r) => r.id);
  const answer = sqlite.prepare(
    `UPDATE complaints SET first_response_at = coalesce(first_response_at, created_at + 3600000), status = 'in_progress' WHERE id = ?`,
  );
  const resolve = sqlite.prepare(
    `UPDATE complaints SET resolved_at = created_at + 86400000, status = 'resolved' WHERE id = ?`,
  );
  sqlite.exec('BEGIN');
  try {
    if (dropFirst) {
      const triggers = sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'complaint_rollup_%'`,
        )
        .pluck()
        .all() as string[];
      for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t}`);
      for (const i of [
        'response_time',
        'all_response_time',
        'resolution_time',
        'all_resolution_time',
      ])
        sqlite.exec(`DROP INDEX complaints_${i}_idx`);
    }
    const t0 = performance.now();
    for (const id of ids) {
      answer.run(id);
      resolve.run(id);
    }
    return performance.now() - t0;
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

export function runReportsBench(
  opts: { complaints?: number; runs?: number } = {},
): ReportsBenchResult {
  const complaints = opts.complaints ?? 1_000_000;
  const runs = opts.runs ?? 20;
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-reports-'));
  try {
    const db = openDatabase(path.join(dir, 'reports.db'));
    const now = Date.now();
    const t0 = performance.now();
    seedOpen311Complaints(db, { count: complaints, days: 365, now, random: seededRandom(311) });
    const seedSeconds = (performance.now() - t0) / 1000;
    // As a running server's checkpointer keeps it (db/checkpointer.ts): the seed's pages out of
    // the write-ahead log and into the database file, where reads find them directly.
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const today = startOfTanzanianDay(dayKey(now)) ?? 0;
    const cases: [string, ReportFilters][] = [
      ['all time, all regions', { now }],
      ['all time, region DAR', { now, regionCode: 'DAR' }],
      ['last 30 days', { now, from: today - 29 * DAY_MS, until: today + DAY_MS }],
      ['last 90 days', { now, from: today - 89 * DAY_MS, until: today + DAY_MS }],
      ['last 365 days', { now, from: today - 364 * DAY_MS, until: today + DAY_MS }],
    ];
    const out: ReportCase[] = [];
    for (const [label, f] of cases) {
      const kero = timed(runs, () => complaintReport(db, f));
      const base = timed(3, () => baselineReport(db, f));
      const c: ReportCase = {
        label,
        rows: complaintReport(db, f).rows.length,
        p50Ms: percentile(kero.wall, 50),
        p95Ms: percentile(kero.wall, 95),
        cpuMs: kero.cpuMs,
        baselineP50Ms: percentile(base.wall, 50),
        baselineCpuMs: base.cpuMs,
      };
      out.push(c);
      console.log(`  ${line(c)}`);
    }
    const writes = { n: 10_000, withMs: resolveMany(db, false), withoutMs: resolveMany(db, true) };
    db.$client.close();
    return { complaints, seedSeconds, cases: out, writes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const line = (c: ReportCase) =>
  `${c.label.padEnd(22)} ${String(c.rows).padStart(4)} rows  p50 ${c.p50Ms.toFixed(1)} ms, p95 ${c.p95Ms.toFixed(1)} ms, CPU ${c.cpuMs.toFixed(1)} ms   baseline (one scan): p50 ${c.baselineP50Ms.toFixed(0)} ms, CPU ${c.baselineCpuMs.toFixed(0)} ms`;

export function printReportsBench(r: ReportsBenchResult): void {
  console.log(`report (${r.complaints} complaints, seeded in ${r.seedSeconds.toFixed(0)} s):`);
  for (const c of r.cases) console.log(`  ${line(c)}`);
  const all = r.cases[0];
  if (all) {
    const ok = all.p95Ms < 300;
    console.log(
      `  unfiltered p95 ${all.p95Ms.toFixed(1)} ms   (target < 300 ms: ${ok ? 'PASS' : 'FAIL'})`,
    );
  }
  const w = r.writes;
  console.log(
    `  ${w.n} complaints answered and resolved: ${w.withMs.toFixed(0)} ms with the rollup's triggers and the report's duration indexes, ${w.withoutMs.toFixed(0)} ms without (${((w.withMs / w.n) * 1000).toFixed(0)} vs ${((w.withoutMs / w.n) * 1000).toFixed(0)} µs a complaint)`,
  );
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { complaints: { type: 'string', default: '1000000' } },
  });
  printReportsBench(runReportsBench({ complaints: Number(values.complaints) }));
}
