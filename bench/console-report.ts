/**
 * Prints the console bench: every page case per staff member (server p50/p95 from the server's
 * request log, client p95, server CPU per request, size, rows), the slowest against the 100 ms
 * target, and the mixed load's conditions side by side (medians over rounds).
 */
import os from 'node:os';
import { percentile, type CaseFigures } from './console-latency';
import type { MixedOptions, MixedRun } from './console-mixed';
import type { ConsoleSeeded } from './console-seed';
import { percentile as sortedPercentile } from './load';
import { median, table } from './report';

const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '-');
const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
export const TARGET_MS = 100;

/** What the console bench (bench/console.ts) measured. */
export interface ConsoleBenchResult {
  complaints: number;
  /** Undefined when a kept database was reused. */
  seeded?: ConsoleSeeded & { seconds: number };
  cases: CaseFigures[];
  mixed: MixedRun[];
  mixedOptions: MixedOptions;
  users: number;
}

function printPages(r: ConsoleBenchResult): void {
  const head = [
    'staff member',
    'page',
    'server p50',
    'p95',
    'client p95',
    'cpu ms/req',
    'KB',
    'rows',
    '',
  ];
  const body = r.cases.map((c) => [
    c.viewer,
    c.label,
    f(c.serverP50),
    f(c.serverP95),
    f(c.clientP95),
    f(c.cpuMsPerRequest),
    f(c.kb, 0),
    String(c.rows),
    c.serverP95 < TARGET_MS ? '' : 'FAIL',
  ]);
  console.log(table([head, ...body], 2));
}

function printMixed(runs: MixedRun[], r: ConsoleBenchResult): void {
  const o = r.mixedOptions;
  console.log(
    `\nUSSD one hop (${o.connections} connections) with and without ${r.users} console users; ` +
      `${o.rounds} rounds of ${o.warmupS} s warm-up + ${o.durationS} s, medians over rounds:`,
  );
  const head = [
    'condition',
    'hops/s',
    'p50 ms',
    'p99 ms',
    'server cpu',
    'cpu us/req',
    'console req/s',
    'console p50',
    'p95',
    'errors',
  ];
  const conditions = [...new Set(runs.map((x) => x.condition))];
  const body = conditions.map((condition) => {
    const rs = runs.filter((x) => x.condition === condition);
    const med = (fig: (x: MixedRun) => number) => median(rs.map(fig));
    const all = (x: MixedRun) => x.ussd.requests + x.consoleRequests;
    const errors = rs.reduce(
      (n, x) => n + x.ussd.errors + x.ussd.non2xx + x.ussd.badBody + x.consoleErrors,
      0,
    );
    const consoleMs = rs.flatMap((x) => x.consoleMs);
    const users = rs.some((x) => x.consoleRequests > 0);
    return [
      condition,
      f(
        med((x) => x.ussd.requests / x.ussd.elapsedS),
        0,
      ),
      f(
        med((x) => sortedPercentile(x.ussd.latencies, 50)),
        2,
      ),
      f(
        med((x) => sortedPercentile(x.ussd.latencies, 99)),
        2,
      ),
      `${f(
        med((x) => (x.serverCpuS / x.ussd.elapsedS) * 100),
        0,
      )}%`,
      f(
        med((x) => (x.serverCpuS / all(x)) * 1e6),
        0,
      ),
      users
        ? f(
            med((x) => x.consoleRequests / x.ussd.elapsedS),
            1,
          )
        : '-',
      users ? f(percentile(consoleMs, 50), 0) : '-',
      users ? f(percentile(consoleMs, 95), 0) : '-',
      String(errors),
    ];
  });
  console.log(table([head, ...body], 1));
  console.log(
    "(cpu us/req: server CPU over USSD and console requests together; console times are the clients', queueing included)",
  );
}

export function printConsoleReport(r: ConsoleBenchResult): void {
  const cpu = os.cpus()[0]?.model ?? '?';
  const seeded = r.seeded
    ? `seeded in ${f(r.seeded.seconds, 0)} s: ${r.seeded.open} open, ${r.seeded.events} events, ${r.seeded.sms} SMS`
    : 'a kept database';
  console.log(
    `\nconsole (${r.complaints} complaints over 365 days, ${seeded}; node ${process.version}, ${os.availableParallelism()} cpu ${cpu}):`,
  );
  printPages(r);
  const worst = r.cases.reduce((a, b) => (b.serverP95 > a.serverP95 ? b : a));
  const failed = r.cases.filter((c) => !(c.serverP95 < TARGET_MS));
  console.log(
    `console pages: slowest server p95 ${f(worst.serverP95)} ms (${worst.viewer}, ${worst.label}); ` +
      `${failed.length} of ${r.cases.length} at or over ${TARGET_MS} ms   (target p95 < ${TARGET_MS} ms every page: ${mark(failed.length === 0)})`,
  );
  printMixed(r.mixed, r);
}
