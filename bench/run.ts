/**
 * `npm run bench [-- --duration 8 --rounds 3 --connections 50 --warmup 2 --only PARTS]`
 * Kero's USSD webhook vs a ussd-menu-builder + Express baseline, each server in its own process,
 * load generated here on 127.0.0.1. Both servers are started, and take turns: each round measures
 * every workload on both, alternating which goes first, while the other server is stopped
 * (SIGSTOP), so that Kero's timers (SMS dispatcher, checkpoints) run only on Kero's time; the
 * report quotes medians over rounds (a shared 2-core machine drifts; alternating spreads the drift
 * over both). Then the
 * outbox drain rate (bench/outbox.ts) and assignment/escalation at 100,000 open complaints
 * (bench/assignment.ts), Open311 pages over a million complaints (bench/open311.ts),
 * `kero report` over a million (bench/reports.ts), the console over a million complaints:
 * queue and complaint pages, and USSD hops alone and beside 20 console users (bench/console.ts;
 * --console-complaints N for another size), and the console's dashboard over a million
 * (bench/dashboard.ts), the public figures over a million, cold and warm (bench/figures.ts),
 * USSD first screens beside console users, Open311 readers and a CSV
 * export on a seeded desk (bench/isolation.ts; --complaints N, default 200,000), what the rollup
 * costs each write (bench/write-cost.ts), recognising a typed ward or village beside a USSD hop
 * in process (bench/place-match.ts) and an upgrade of a database of a million complaints
 * from the previous release (bench/upgrade.ts: --upgrade-complaints N for another size). PARTS:
 * comma-separated kero, baseline, ussd (both), outbox, assignment, open311, report, console,
 * dashboard, figures, isolation, writes, place-match, upgrade; default all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { Row, Settings } from './report';
import { printReport } from './report';
import type { ServerProcess } from './kero-server';
import { ROOT, startBaseline, startKero, stopAll } from './kero-server';
import type { Scenario } from './load';
import { runLoad } from './load';
import { filing, oneHop, register, sanity, USSD_PATH } from './ussd-workloads';
import { runDataBenches } from './data-benches';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string' },
    'console-complaints': { type: 'string', default: '1000000' },
    'upgrade-complaints': { type: 'string', default: '1000000' },
    complaints: { type: 'string', default: '200000' },
  },
});
const durationS = Number(opts.duration);
const connections = Math.trunc(Number(opts.connections));
const warmupS = Number(opts.warmup);
const rounds = Math.trunc(Number(opts.rounds));
const consoleComplaints = Math.trunc(Number(opts['console-complaints']));
const upgradeComplaints = Math.trunc(Number(opts['upgrade-complaints']));
const isolationComplaints = Math.trunc(Number(opts.complaints));
// prettier-ignore
const PARTS = ['kero', 'baseline', 'ussd', 'outbox', 'assignment', 'open311', 'report', 'console', 'dashboard', 'figures', 'isolation', 'writes', 'place-match', 'upgrade'];
const only = opts.only?.split(',').map((s) => s.trim()) ?? PARTS;
const on = (part: string): boolean =>
  only.includes(part) || (only.includes('ussd') && ['kero', 'baseline'].includes(part));
const valid =
  durationS > 0 &&
  durationS <= 600 &&
  connections >= 1 &&
  connections <= 1000 &&
  rounds >= 1 &&
  rounds <= 20 &&
  consoleComplaints >= 1000 &&
  consoleComplaints <= 10_000_000 &&
  upgradeComplaints >= 1000 &&
  upgradeComplaints <= 10_000_000 &&
  isolationComplaints >= 1000 &&
  isolationComplaints <= 10_000_000;
if (!valid || !(warmupS >= 0 && warmupS <= 60) || !only.every((p) => PARTS.includes(p))) {
  console.error(
    'usage: npm run bench -- [--duration 1..600] [--rounds 1..20] [--connections 1..1000] [--warmup 0..60] [--only kero,baseline,ussd,outbox,assignment,open311,report,console,dashboard,figures,isolation,writes,place-match,upgrade] [--console-complaints 1000..10000000] [--complaints 1000..10000000] [--upgrade-complaints 1000..10000000]',
  );
  process.exit(2);
}

const rows: Row[] = [];
let keroFiled = 0;
let db: Settings['db'];

async function measure(
  server: Row['server'],
  proc: ServerProcess,
  workload: Row['workload'],
  make: () => Scenario,
  round: number,
): Promise<void> {
  const port = proc.port;
  const counts = server === 'kero' && workload === 'filing session';
  if (warmupS > 0) {
    const w = await runLoad(port, USSD_PATH, make(), connections, warmupS * 1000);
    if (counts) keroFiled += w.completed;
  }
  const cpu0 = proc.cpuSeconds();
  const r = await runLoad(port, USSD_PATH, make(), connections, durationS * 1000);
  r.serverCpuPct = ((proc.cpuSeconds() - cpu0) / r.elapsedS) * 100;
  if (counts) keroFiled += r.completed;
  rows.push({ workload, server, round, r });
  const problem = r.firstProblem ? `; first problem: ${r.firstProblem}` : '';
  const rate = Math.round(r.requests / r.elapsedS);
  console.log(`  round ${round}: ${server} ${workload}: ${rate} req/s${problem}`);
}

async function startKeroChecked(): Promise<{ server: ServerProcess; dbPath: string }> {
  if (!fs.existsSync(path.join(ROOT, 'src', 'main.ts')))
    throw new Error('src/main.ts does not exist yet: Kero cannot be started');
  const kero = await startKero();
  await sanity('kero', kero.server.port);
  keroFiled = 1;
  await register(kero.server.port, connections);
  return kero;
}

function countStored(dbPath: string): void {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number };
    db = { stored: row.n, completed: keroFiled };
  } finally {
    sqlite.close();
  }
  console.log(`  kero: ${db.stored} complaints in SQLite, ${keroFiled} filing sessions completed`);
}

/** Every round measures each workload on each server, alternating which server goes first. */
async function benchUssd(): Promise<void> {
  const servers: { name: Row['server']; proc: ServerProcess }[] = [];
  let kero: { server: ServerProcess; dbPath: string } | undefined;
  try {
    if (on('kero')) {
      kero = await startKeroChecked();
      servers.push({ name: 'kero', proc: kero.server });
    }
    if (on('baseline')) {
      const baseline = await startBaseline();
      servers.push({ name: 'baseline', proc: baseline });
      await sanity('baseline', baseline.port);
    }
    const workloads: [Row['workload'], () => Scenario][] = [
      ['one hop', oneHop],
      ['filing session', filing],
    ];
    // Only the server being measured runs: the other is stopped (SIGSTOP) meanwhile.
    for (const { proc } of servers) proc.pause();
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 === 1 ? servers : [...servers].reverse();
      for (const [workload, make] of workloads) {
        for (const { name, proc } of order) {
          proc.resume();
          try {
            await measure(name, proc, workload, make, round);
          } finally {
            proc.pause();
          }
        }
      }
    }
    for (const { proc } of servers) proc.resume();
    if (kero) countStored(kero.dbPath);
  } finally {
    await stopAll();
  }
}

async function main(): Promise<void> {
  if (on('kero') || on('baseline')) {
    console.log(
      `Kero USSD bench: ${connections} connections, ${rounds} rounds of ${warmupS} s warm-up + ${durationS} s per server and workload`,
    );
    await benchUssd();
    printReport(rows, { connections, durationS, warmupS, rounds, db });
  }
  await runDataBenches({
    outbox: on('outbox'),
    assignment: on('assignment'),
    open311: on('open311'),
    report: on('report'),
    console: on('console') ? { complaints: consoleComplaints } : undefined,
    dashboard: on('dashboard'),
    figures: on('figures'),
    writes: on('writes'),
    placeMatch: on('place-match'),
    upgrade: on('upgrade') ? { complaints: upgradeComplaints } : undefined,
    isolation: on('isolation') ? { complaints: isolationComplaints } : undefined,
  });
}

process.once('SIGINT', () => {
  void stopAll().finally(() => process.exit(130));
});
main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAll();
  process.exitCode = 1;
});
