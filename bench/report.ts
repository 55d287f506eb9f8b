/** Prints the bench results: one table row per (workload, server), hop latencies, targets. */
import os from 'node:os';
import type { RunResult } from './load';
import { percentile } from './load';

export interface Row {
  workload: 'one hop' | 'filing session';
  server: 'kero' | 'baseline';
  r: RunResult;
}

export interface Settings {
  connections: number;
  durationS: number;
  warmupS: number;
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

export function printReport(rows: readonly Row[], s: Settings): void {
  const cpu = os.cpus()[0]?.model ?? '?';
  const ncpu = os.availableParallelism();
  console.log(
    `\nnode ${process.version}, ${ncpu} cpu (${cpu}), load average at start ${loadAtStart}`,
  );
  console.log(
    `${s.connections} connections, keep-alive, ${s.durationS} s per run after a ${s.warmupS} s warm-up\n`,
  );
  const head = [
    'workload',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'complaints/s',
    'errors',
    'non2xx',
    'bad',
    'server cpu',
    'gen cpu',
  ];
  const body = rows.map(({ workload, server, r }) => [
    workload,
    server,
    f(rps(r), 0),
    f(percentile(r.latencies, 50), 2),
    f(percentile(r.latencies, 99), 2),
    workload === 'filing session' ? f(perSecond(r)) : '-',
    String(r.errors),
    String(r.non2xx),
    String(r.badBody),
    `${f(r.serverCpuPct ?? NaN, 0)}%`,
    `${f(r.clientCpuPct, 0)}%`,
  ]);
  console.log(table([head, ...body], 2));

  const filing = rows.filter((x) => x.workload === 'filing session');
  const hops = Math.max(0, ...filing.map((x) => x.r.latenciesByHop.length));
  if (hops > 0) {
    console.log('\nfiling session, latency per hop, p50 / p99 ms:');
    const perHop = Array.from({ length: hops }, (_, h) => [
      String(h + 1),
      ...filing.map(({ r }) => {
        const lat = r.latenciesByHop[h] ?? new Float64Array();
        return `${f(percentile(lat, 50), 2)} / ${f(percentile(lat, 99), 2)}`;
      }),
    ]);
    console.log(table([['hop', ...filing.map((x) => x.server)], ...perHop], 1));
  }

  const get = (w: Row['workload'], sv: Row['server']): RunResult | undefined =>
    rows.find((x) => x.workload === w && x.server === sv)?.r;
  const [kh, bh, kf, bf] = [
    get('one hop', 'kero'),
    get('one hop', 'baseline'),
    get('filing session', 'kero'),
    get('filing session', 'baseline'),
  ];
  console.log('');
  if (kh && bh && kf && bf) {
    const [hop, fil] = [rps(kh) / rps(bh), perSecond(kf) / perSecond(bf)];
    const ok = mark(hop >= 1 && fil >= 1);
    console.log(
      `ratio kero/baseline: hop ${f(hop, 2)}x, filing ${f(fil, 2)}x   (target >= 1.0: ${ok})`,
    );
  }
  if (kh && kf) {
    const [p1, p2] = [percentile(kh.latencies, 99), percentile(kf.latencies, 99)];
    const at = s.connections === 50 ? '' : `; this run used ${s.connections}`;
    const ok = mark(p1 < 20 && p2 < 20);
    console.log(
      `kero p99: hop ${f(p1, 2)} ms, filing ${f(p2, 2)} ms   (target < 20 ms at 50 connections: ${ok}${at})`,
    );
  }
  if (kf) {
    const n = perSecond(kf);
    console.log(`kero complaints filed: ${f(n, 0)}/s   (target >= 1,000/s: ${mark(n >= 1000)})`);
  }
  if (s.db) {
    const { stored, completed } = s.db;
    const verdict = stored === completed ? 'match' : 'WARNING: they differ';
    console.log(
      `kero complaints in SQLite: ${stored}, filing sessions completed: ${completed} (${verdict})`,
    );
  }
  const starved = rows.filter(({ r }) => (r.serverCpuPct ?? 100) < 80);
  for (const { workload, server, r } of starved) {
    const pct = f(r.serverCpuPct ?? NaN, 0);
    console.log(
      `NOTE: ${server} used only ${pct}% of a core during "${workload}": it waited on I/O or the machine was busy with other work (load average at start ${loadAtStart})`,
    );
  }
  const failures = rows.reduce((n, { r }) => n + r.errors + r.non2xx + r.badBody, 0);
  if (failures > 0)
    console.log(`WARNING: ${failures} failed requests (columns errors / non2xx / bad)`);
}
