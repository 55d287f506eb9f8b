/**
 * `npm run bench [-- --duration 8 --rounds 3 --connections 50 --warmup 2 --only PARTS]`
 * Kero's USSD webhook vs a ussd-menu-builder + Express baseline, each server in its own process,
 * load generated here on 127.0.0.1. Both servers are started, and take turns: each round measures
 * every workload on both, alternating which goes first, while the other server is stopped
 * (SIGSTOP), so that Kero's timers (SMS dispatcher, checkpoints) run only on Kero's time; the
 * report quotes medians over rounds (a shared 2-core machine drifts; alternating spreads the drift
 * over both). Then the
 * outbox drain rate (bench/outbox.ts) and assignment/escalation at 100,000 open complaints
 * (bench/assignment.ts), Open311 pages over a million complaints (bench/open311.ts) and the
 * console's dashboard over a million complaints (bench/dashboard.ts). PARTS: comma-separated
 * kero, baseline, ussd (both), outbox, assignment, open311, dashboard; default all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { Row, Settings } from './report';
import { printReport } from './report';
import type { ServerProcess } from './kero-server';
import { ROOT, WEBHOOK_TOKEN, startBaseline, startKero, stopAll } from './kero-server';
import type { Scenario } from './load';
import { cumulativeTexts, newAgent, phone, pool, post, runLoad, ussdBody } from './load';
import { runDataBenches } from './data-benches';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});
const durationS = Number(opts.duration);
const connections = Math.trunc(Number(opts.connections));
const warmupS = Number(opts.warmup);
const rounds = Math.trunc(Number(opts.rounds));
const PARTS = ['kero', 'baseline', 'ussd', 'outbox', 'assignment', 'open311', 'dashboard'];
const only = opts.only?.split(',').map((s) => s.trim()) ?? PARTS;
const on = (part: string): boolean =>
  only.includes(part) || (only.includes('ussd') && ['kero', 'baseline'].includes(part));
const valid =
  durationS > 0 &&
  durationS <= 600 &&
  connections >= 1 &&
  connections <= 1000 &&
  rounds >= 1 &&
  rounds <= 20;
if (!valid || !(warmupS >= 0 && warmupS <= 60) || !only.every((p) => PARTS.includes(p))) {
  console.error(
    'usage: npm run bench -- [--duration 1..600] [--rounds 1..20] [--connections 1..1000] [--warmup 0..60] [--only kero,baseline,ussd,outbox,assignment,open311,dashboard]',
  );
  process.exit(2);
}

const USSD_PATH = `/ussd?token=${WEBHOOK_TOKEN}`;
// prettier-ignore
const FILING_REPLIES = ['1', '1', '1', '1', '3', 'Kijiji cha Olasiti', 'Maji hayatoki kijijini tangu wiki iliyopita', '1', '1'];
const FILING_TEXTS = cumulativeTexts(FILING_REPLIES);
const COMPLAINT_NUMBER = /\d{4} ?\d{4}/;
const REGISTERED = Array.from({ length: 1000 }, (_, i) => phone(10_000_000 + i));
const tag = Date.now().toString(36);
let sessionSeq = 0;
let phoneSeq = 20_000_000;
const sessionId = (): string => `ATUid_bench_${tag}_${(sessionSeq++).toString(36)}`;

const oneHop = (): Scenario => {
  let i = 0;
  return {
    expect: ['CON '],
    nextSession: () => [ussdBody(sessionId(), REGISTERED[i++ % REGISTERED.length] ?? '', '')],
  };
};
const filing = (): Scenario => ({
  expect: FILING_TEXTS.map((_, i) => (i === FILING_TEXTS.length - 1 ? 'END ' : 'CON ')),
  finalMatch: COMPLAINT_NUMBER,
  nextSession: () => {
    const [sid, msisdn] = [sessionId(), phone(phoneSeq++)];
    return FILING_TEXTS.map((text) => ussdBody(sid, msisdn, text));
  },
});

/** One filing session, hop by hop; throws (after printing every screen) if it is not the expected sequence. */
async function sanity(name: string, port: number): Promise<void> {
  const agent = newAgent(1);
  const [sid, msisdn] = [sessionId(), phone(phoneSeq++)];
  const screens: string[] = [];
  let problem = '';
  try {
    for (const [i, text] of FILING_TEXTS.entries()) {
      const reply = await post(agent, port, USSD_PATH, ussdBody(sid, msisdn, text), 60_000);
      screens.push(
        `--- hop ${i + 1}, text ${JSON.stringify(text)} -> HTTP ${reply.status}\n${reply.text}`,
      );
      const last = i === FILING_TEXTS.length - 1;
      if (reply.status !== 200) problem = `hop ${i + 1}: HTTP ${reply.status}`;
      else if (!reply.text.startsWith(last ? 'END ' : 'CON '))
        problem = `hop ${i + 1}: expected ${last ? 'END' : 'CON'}`;
      else if (i === 0 && !/Kiswahili/i.test(reply.text))
        problem = 'hop 1: expected the language screen (Kiswahili / English)';
      else if (i === 2 && !/Arusha/.test(reply.text))
        problem = 'hop 3: expected the region list with Arusha';
      else if (last && !COMPLAINT_NUMBER.test(reply.text))
        problem = 'hop 10: no 8-digit complaint number';
      if (problem) break;
    }
  } catch (err) {
    problem = `request failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    agent.destroy();
  }
  if (problem) {
    console.error(
      `\n${name}: the 10-hop filing session is not as expected (${problem}). Screens received:\n${screens.join('\n')}\n`,
    );
    throw new Error(`${name} sanity check failed: ${problem}`);
  }
  console.log(
    `  ${name}: sanity 10-hop session ok -> ${JSON.stringify(screens.at(-1)?.split('\n').slice(1).join(' | '))}`,
  );
}

/** Dials and picks Kiswahili once for each registered phone, then checks the language is remembered. */
async function register(port: number): Promise<void> {
  const agent = newAgent(connections);
  const done = await pool(REGISTERED, Math.min(connections, 10), 180_000, async (msisdn) => {
    const sid = sessionId();
    for (const text of ['', '1']) {
      const reply = await post(agent, port, USSD_PATH, ussdBody(sid, msisdn, text), 60_000).catch(
        (err: unknown) => {
          throw new Error(`registering ${msisdn} (text ${JSON.stringify(text)}): ${String(err)}`);
        },
      );
      if (reply.status !== 200 || !reply.text.startsWith('CON '))
        throw new Error(`registering ${msisdn}: HTTP ${reply.status} ${reply.text}`);
    }
  });
  const again = await post(agent, port, USSD_PATH, ussdBody(sessionId(), REGISTERED[0] ?? '', ''));
  agent.destroy();
  if (done !== REGISTERED.length)
    throw new Error(`registered only ${done} of ${REGISTERED.length} phones in 180 s`);
  const remembered = !/Kiswahili/i.test(again.text);
  console.log(
    `  kero: ${done} phones picked a language${remembered ? '' : ' -- WARNING: first hop still shows the language screen'}`,
  );
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
  await register(kero.server.port);
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
    dashboard: on('dashboard'),
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
