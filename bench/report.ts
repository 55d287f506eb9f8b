/**
 * Prints the bench results: per (workload, server) the median over rounds of every figure, the
 * per-round ratios kero/baseline and their median, hop latencies, and the targets.
 */
import os from 'node:os';
import type { RunResult } from './load';
import { percentile } from './load';

export interface Row {
  workload: 'one hop' | 'filing session';
  server: 'kero' | 'baseline';
  round: number;
  r: RunResult;
}

export interface Settings {
  connections: number;
  durationS: number;
  warmupS: number;
  rounds: number;
  /** Complaints in Kero's SQLite vs filing sessions completed against it (all runs). */
  db?: { stored: number; completed: number };
}

/** Taken when the bench starts (this module is imported first thing), before any server runs. */
const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** Left-aligns the first `left` columns and right-aligns the rest, each to its widest cell. */
export function table(cells: string[][], left: number): string {
  const widths = (cells[0] ?? []).map((_, c) =>
    Math.max(...cells.map((row) => (row[c] ?? '').length)),
  );
  const line = (row: string[]): string =>
    row
      .map((s, c) => (c < left ? s.padEnd(widths[c] ?? 0) : s.padStart(widths[c] ?? 0)))
      .join('  ');
  return cells.map(line).join('\n');
}

const rps = (r: RunResult): number => r.requests / r.elapsedS;
const perSecond = (r: RunResult): number => r.completed / r.elapsedS;
/** Server CPU time per request, in microseconds: steadier than req/s on a noisy machine. */
const cpuPerRequest = (r: RunResult): number => ((r.serverCpuPct ?? NaN) / 100 / rps(r)) * 1e6;

export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const WORKLOADS: Row['workload'][] = ['one hop', 'filing session'];
const SERVERS: Row['server'][] = ['kero', 'baseline'];

function runsOf(rows: readonly Row[], w: Row['workload'], sv: Row['server']): RunResult[] {
  return rows.filter((x) => x.workload === w && x.server === sv).map((x) => x.r);
}

/** Per round, the ratio of `figure` kero/baseline; rounds missing either server are skipped. */
function roundRatios(rows: readonly Row[], w: Row['workload'], figure: (r: RunResult) => number) {
  const rounds = [...new Set(rows.map((x) => x.round))].sort((a, b) => a - b);
  return rounds.flatMap((round) => {
    const find = (sv: Row['server']) =>
      rows.find((x) => x.workload === w && x.server === sv && x.round === round)?.r;
    const [k, b] = [find('kero'), find('baseline')];
    return k && b ? [figure(k) / figure(b)] : [];
  });
}

export function printReport(rows: readonly Row[], s: Settings): void {
  const cpu = os.cpus()[0]?.model ?? '?';
  const ncpu = os.availableParallelism();
  console.log(
    `\nnode ${process.version}, ${ncpu} cpu (${cpu}), load average at start ${loadAtStart}`,
  );
  console.log(
    `${s.connections} connections, keep-alive, ${s.rounds} rounds of ${s.durationS} s per server and workload after a ${s.warmupS} s warm-up; medians over rounds\n`,
  );
  const head = [
    'workload',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'complaints/s',
    'server cpu',
    'cpu us/req',
    'gen cpu',
    'errors',
    'non2xx',
    'bad',
  ];
  const body = WORKLOADS.flatMap((w) =>
    SERVERS.flatMap((sv) => {
      const runs = runsOf(rows, w, sv);
      if (runs.length === 0) return [];
      const med = (fig: (r: RunResult) => number) => median(runs.map(fig));
      const sum = (fig: (r: RunResult) => number) => runs.reduce((n, r) => n + fig(r), 0);
      return [
        [
          w,
          sv,
          f(med(rps), 0),
          f(
            med((r) => percentile(r.latencies, 50)),
            2,
          ),
          f(
            med((r) => percentile(r.latencies, 99)),
            2,
          ),
          w === 'filing session' ? f(med(perSecond)) : '-',
          `${f(
            med((r) => r.serverCpuPct ?? NaN),
            0,
          )}%`,
          f(med(cpuPerRequest), 0),
          `${f(
            med((r) => r.clientCpuPct),
            0,
          )}%`,
          String(sum((r) => r.errors)),
          String(sum((r) => r.non2xx)),
          String(sum((r) => r.badBody)),
        ],
      ];
    }),
  );
  console.log(table([head, ...body], 2));

  const filing = SERVERS.map((sv) => ({ sv, runs: runsOf(rows, 'filing session', sv) })).filter(
    (x) => x.runs.length > 0,
  );
  const hops = Math.max(0, ...filing.flatMap((x) => x.runs.map((r) => r.latenciesByHop.length)));
  if (hops > 0) {
    console.log('\nfiling session, latency per hop over all rounds, p50 / p99 ms:');
    const perHop = Array.from({ length: hops }, (_, h) => [
      String(h + 1),
      ...filing.map(({ runs }) => {
        const lat = Float64Array.from(runs.flatMap((r) => [...(r.latenciesByHop[h] ?? [])])).sort();
        return `${f(percentile(lat, 50), 2)} / ${f(percentile(lat, 99), 2)}`;
      }),
    ]);
    console.log(table([['hop', ...filing.map((x) => x.sv)], ...perHop], 1));
  }

  console.log('');
  const list = (xs: number[]) => xs.map((x) => `${f(x, 2)}x`).join(' ');
  const [hopRatios, filingRatios] = [
    roundRatios(rows, 'one hop', rps),
    roundRatios(rows, 'filing session', perSecond),
  ];
  if (hopRatios.length > 0 && filingRatios.length > 0) {
    const [hop, fil] = [median(hopRatios), median(filingRatios)];
    console.log(
      `ratio kero/baseline, median of rounds: hop ${f(hop, 2)}x (${list(hopRatios)}), filing ${f(fil, 2)}x (${list(filingRatios)})   (target >= 1.0: ${mark(hop >= 1 && fil >= 1)})`,
    );
    const cpuRatios = WORKLOADS.map((w) => median(roundRatios(rows, w, cpuPerRequest)));
    console.log(
      `server cpu per request kero/baseline, median of rounds: hop ${f(cpuRatios[0] ?? NaN, 2)}x, filing ${f(cpuRatios[1] ?? NaN, 2)}x   (below 1.0: kero does a request with less cpu)`,
    );
  }
  const [kh, kf] = [runsOf(rows, 'one hop', 'kero'), runsOf(rows, 'filing session', 'kero')];
  if (kh.length > 0 && kf.length > 0) {
    const p99 = (runs: RunResult[]) => median(runs.map((r) => percentile(r.latencies, 99)));
    const [p1, p2] = [p99(kh), p99(kf)];
    const at = s.connections === 50 ? '' : `; this run used ${s.connections}`;
    console.log(
      `kero p99, median of rounds: hop ${f(p1, 2)} ms, filing ${f(p2, 2)} ms   (target < 20 ms at 50 connections: ${mark(p1 < 20 && p2 < 20)}${at})`,
    );
  }
  if (kf.length > 0) {
    const n = median(kf.map(perSecond));
    console.log(
      `kero complaints filed, median of rounds: ${f(n, 0)}/s   (target >= 1,000/s: ${mark(n >= 1000)})`,
    );
  }
  if (s.db) {
    const { stored, completed } = s.db;
    const verdict = stored === completed ? 'match' : 'WARNING: they differ';
    console.log(
      `kero complaints in SQLite: ${stored}, filing sessions completed: ${completed} (${verdict})`,
    );
  }
  const starved = rows.filter(({ r }) => (r.serverCpuPct ?? 100) < 80);
  for (const { workload, server, round, r } of starved) {
    const pct = f(r.serverCpuPct ?? NaN, 0);
    console.log(
      `NOTE: ${server} used only ${pct}% of a core during "${workload}" (round ${round}): it waited on I/O or the machine was busy with other work (load average at start ${loadAtStart})`,
    );
  }
  const failures = rows.reduce((n, { r }) => n + r.errors + r.non2xx + r.badBody, 0);
  if (failures > 0)
    console.log(`WARNING: ${failures} failed requests (columns errors / non2xx / bad)`);
}
