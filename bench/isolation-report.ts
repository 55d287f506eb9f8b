/**
 * Prints the isolation bench (bench/isolation.ts): per condition, medians over rounds of the USSD
 * figures and their ratios to USSD alone, server CPU per hop, the load average at each start,
 * then what the readers beside got (requests/s, latency, answers by status), and the target.
 */
import os from 'node:os';
import type { Tally } from './isolation-load';
import { percentile as nearestRank, type RunResult } from './load';
import { median, table } from './report';

/** What bench/isolation.ts measured. */
export interface IsolationOptions {
  complaints: number;
  durationS: number;
  warmupS: number;
  rounds: number;
  connections: number;
  keep: boolean;
  /** More server environment (READ_WORKERS=2, say). */
  env?: Record<string, string>;
}

export const CONDITIONS = ['alone', '(a) console', '(b) open311', '(c) csv', '(d) all'] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface ConditionRun {
  condition: Condition;
  round: number;
  ussd: RunResult;
  serverCpuS: number;
  /** 1-minute load average as the condition started. */
  load: number;
  console?: Tally;
  open311?: Tally;
  csv?: Tally;
}

export interface IsolationResult {
  options: IsolationOptions;
  users: number;
  readers: number;
  seededS?: number;
  startS: number;
  runs: ConditionRun[];
}

const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '-');
const hops = (r: ConditionRun) => r.ussd.requests / r.ussd.elapsedS;
const p = (r: ConditionRun, q: number) => nearestRank(r.ussd.latencies, q);

function statuses(t: Tally[]): string {
  const all: Record<string, number> = {};
  for (const x of t) for (const [k, n] of Object.entries(x.byStatus)) all[k] = (all[k] ?? 0) + n;
  const errors = t.reduce((n, x) => n + x.errors, 0);
  const parts = Object.entries(all).map(([k, n]) => `${k}:${n}`);
  return [...parts, ...(errors > 0 ? [`errors:${errors}`] : [])].join(' ') || '-';
}

function readers(runs: ConditionRun[], key: 'console' | 'open311' | 'csv'): string[] | undefined {
  const t = runs.flatMap((r) => (r[key] ? [r[key]] : []));
  if (t.length === 0) return undefined;
  const seconds = runs.reduce((s, r) => s + r.ussd.elapsedS, 0);
  const ms = t.flatMap((x) => x.ms).sort((a, b) => a - b);
  const mb = t.reduce((n, x) => n + x.bytes, 0) / 1e6;
  return [
    key,
    f(t.reduce((n, x) => n + x.requests, 0) / seconds, 1),
    f(nearestRank(ms, 50), 0),
    f(nearestRank(ms, 95), 0),
    f(mb / seconds, 2),
    statuses(t),
  ];
}

export function printIsolationReport(r: IsolationResult): void {
  const o = r.options;
  const cpu = os.cpus()[0]?.model ?? '?';
  console.log(
    `\nisolation: ${o.complaints} complaints (365 days), USSD first screens on ${o.connections} connections; ` +
      `${o.rounds} rounds of ${o.warmupS} s warm-up + ${o.durationS} s per condition, medians over rounds; ` +
      `server start ${f(r.startS, 0)} s${r.seededS === undefined ? ', kept database' : `, seeded in ${f(r.seededS, 0)} s`}; ` +
      `node ${process.version}, ${os.availableParallelism()} cpu ${cpu}` +
      (o.env && Object.keys(o.env).length > 0 ? `; env ${JSON.stringify(o.env)}` : ''),
  );
  const of = (c: string) => r.runs.filter((x) => x.condition === c);
  const alone = of('alone');
  const base = { hops: median(alone.map(hops)), p99: median(alone.map((x) => p(x, 99))) };
  const head = [
    'condition',
    'hops/s',
    'x alone',
    'p50 ms',
    'p99 ms',
    'x alone',
    'cpu %',
    'cpu us/hop',
    'load',
  ];
  const body = CONDITIONS.map((c) => {
    const rs = of(c);
    const h = median(rs.map(hops));
    const p99 = median(rs.map((x) => p(x, 99)));
    return [
      c,
      f(h, 0),
      f(h / base.hops, 2),
      f(median(rs.map((x) => p(x, 50))), 2),
      f(p99, 2),
      f(p99 / base.p99, 2),
      f(median(rs.map((x) => (x.serverCpuS / x.ussd.elapsedS) * 100)), 0),
      f(median(rs.map((x) => (x.serverCpuS / x.ussd.requests) * 1e6)), 0),
      rs.map((x) => f(x.load, 2)).join(' '),
    ];
  });
  console.log(table([head, ...body], 1));
  console.log('(cpu: the server process, every thread; cpu us/hop: all of it divided by the hops)');
  const beside = [
    readers(r.runs, 'console'),
    readers(r.runs, 'open311'),
    readers(r.runs, 'csv'),
  ].flatMap((x) => (x ? [x] : []));
  const head2 = ['beside', 'req/s', 'p50 ms', 'p95 ms', 'MB/s', 'answers by status (all rounds)'];
  console.log(`\n${table([head2, ...beside], 1)}`);
  console.log(
    `(${r.users} console users, ${r.readers} Open311 readers, 1 CSV export; their times include waiting in the server's queue)`,
  );
  const all = of('(d) all');
  const ratio = median(all.map(hops)) / base.hops;
  const p99ratio = median(all.map((x) => p(x, 99))) / base.p99;
  const ok = ratio >= 0.5 && p99ratio <= 2.5;
  console.log(
    `isolation (d): ${f(ratio * 100, 0)} % of alone's hops/s, p99 ${f(p99ratio, 2)}x alone's   ` +
      `(target >= 50 %, <= 2.5x: ${ok ? 'PASS' : 'FAIL'})`,
  );
}
