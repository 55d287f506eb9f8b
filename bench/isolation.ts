/**
 * Callers first, measured: USSD first screens (bench/ussd-workloads.ts, `connections` keep-alive
 * loops) on a seeded desk (bench/console-seed.ts, 200,000 complaints over 365 days with their
 * rollups, 2,000 staff) served by the real server in its own process, alone and beside
 * (a) 20 console users with no think time over every page kind, (b) 8 Open311 readers walking
 * deep pages, each from its own loopback address, (c) a full CSV export of the queue, (d) all
 * three (bench/isolation-load.ts). Each condition once per round, the order alternating; hops/s,
 * p50/p99, server CPU per hop, the load average when it started, and what the readers got.
 * Target for (d): at least half the hops/s of alone, p99 within 2.5x of alone's.
 *
 *   tsx bench/isolation.ts [--complaints 200000] [--duration 8] [--rounds 2] [--keep]
 * or `runIsolationBench(opts)` from the bench runner (`npm run bench -- --only isolation`).
 * --keep seeds data/bench/isolation-N.db once and reuses it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/client';
import { seededRandom } from './assignment-seed';
import { newPhone, signedIn } from './console';
import { seedYear } from './console-seed';
import {
  consoleUsers,
  csvExport,
  open311Readers,
  type Background,
  type ConsoleUser,
} from './isolation-load';
import {
  CONDITIONS,
  printIsolationReport,
  type Condition,
  type ConditionRun,
  type IsolationOptions,
  type IsolationResult,
} from './isolation-report';
import { ROOT, startServer, stopAll, WEBHOOK_TOKEN, type ServerProcess } from './kero-server';
import { runLoad } from './load';
import { oneHop, register, sanity, USSD_PATH } from './ussd-workloads';

const READERS = 8;

function seed(file: string, complaints: number): number {
  // Its rollup is built at the end (bench/console-seed.ts), so the dashboard reads real figures.
  return seedYear(openDatabase(file), complaints, { seed: 1105 }).seconds;
}

/** 12 officers, 6 supervisors, 2 headquarters (the console bench's mix), and one more HQ. */
function staffOf(file: string) {
  const db = new Database(file, { fileMustExist: true });
  try {
    // A kept database remembers the last run's sign-in codes: their limits would refuse this one.
    db.exec('DELETE FROM console_sign_ins');
    const rows = db
      .prepare(
        `SELECT phone, role, region_code AS regionCode FROM (
           SELECT *, row_number() OVER (PARTITION BY role ORDER BY id) AS k FROM staff)
         WHERE (role = 'officer' AND k <= 12) OR (role = 'supervisor' AND k <= 6) OR (role = 'hq' AND k <= 3)
         ORDER BY role, k`,
      )
      .all() as { phone: string; role: ConsoleUser['role']; regionCode: string | null }[];
    const hq = rows.filter((r) => r.role === 'hq');
    const exporter = hq.at(-1);
    if (!exporter || hq.length < 3) throw new Error('isolation bench: the desk has no 3 HQ staff');
    return { users: rows.filter((r) => r !== exporter), exporter };
  } finally {
    db.close();
  }
}

async function one(
  server: ServerProcess,
  condition: Condition,
  loads: { users: ConsoleUser[]; exporter: ConsoleUser },
  o: IsolationOptions,
  random: (n: number) => number,
): Promise<Omit<ConditionRun, 'round'>> {
  const load = os.loadavg()[0] ?? NaN;
  const wants = (c: Condition) => condition === c || condition === '(d) all';
  const bg: [keyof ConditionRun, Background][] = [];
  if (wants('(a) console')) bg.push(['console', consoleUsers(loads.users, random)]);
  if (wants('(b) open311')) bg.push(['open311', open311Readers(server.port, READERS)]);
  if (wants('(c) csv')) bg.push(['csv', csvExport(loads.exporter.browser)]);
  if (o.warmupS > 0) {
    await runLoad(server.port, USSD_PATH, oneHop(), o.connections, o.warmupS * 1000);
  }
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  for (const [, b] of bg) b.measureFrom(t0, t0 + o.durationS * 1000);
  const ussd = await runLoad(server.port, USSD_PATH, oneHop(), o.connections, o.durationS * 1000);
  const serverCpuS = server.cpuSeconds() - cpu0;
  const tallies = await Promise.all(bg.map(async ([k, b]) => [k, await b.stop()] as const));
  return { condition, ussd, serverCpuS, load, ...Object.fromEntries(tallies) };
}

export async function runIsolationBench(o: IsolationOptions): Promise<IsolationResult> {
  const dir = o.keep
    ? path.join(ROOT, 'data', 'bench')
    : fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-isolation-'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `isolation-${o.complaints}.db`);
  try {
    const reuse = o.keep && fs.existsSync(file);
    const seededS = reuse ? undefined : seed(file, o.complaints);
    if (seededS !== undefined) console.log(`  seeded in ${seededS.toFixed(0)} s`);
    const staff = staffOf(file);
    const t0 = performance.now();
    const env = { DATABASE_PATH: file, WEBHOOK_TOKEN, DAILY_COMPLAINT_LIMIT: '100000000' };
    // The first start on a new seed stores the office times of every answered complaint.
    const server = await startServer(
      'kero',
      'src/main.ts',
      { ...env, LOG_LEVEL: 'warn', ...o.env },
      undefined,
      600_000,
    );
    const startS = (performance.now() - t0) / 1000;
    try {
      await sanity('kero', server.port, newPhone(file));
      await register(server.port, o.connections);
      const browsers = await signedIn(
        file,
        server.port,
        staff.users.map((u) => u.phone),
        2,
      );
      const users = staff.users.map((u, i) => ({
        ...u,
        browser: browsers[i] as ConsoleUser['browser'],
      }));
      const [csvBrowser] = await signedIn(file, server.port, [staff.exporter.phone], 3);
      if (!csvBrowser) throw new Error('isolation bench: the exporter did not sign in');
      const loads = { users, exporter: { ...staff.exporter, browser: csvBrowser } };
      const runs: ConditionRun[] = [];
      const random = seededRandom(18);
      for (let round = 1; round <= o.rounds; round++) {
        const order = round % 2 === 1 ? CONDITIONS : [...CONDITIONS].reverse();
        for (const condition of order) {
          const r = await one(server, condition, loads, o, random);
          runs.push({ ...r, round });
          const rps = Math.round(r.ussd.requests / r.ussd.elapsedS);
          console.log(`  round ${round}: ${condition}: ${rps} hops/s (load ${r.load.toFixed(2)})`);
        }
      }
      for (const b of [...browsers, csvBrowser]) b.close();
      return {
        options: o,
        users: users.length,
        readers: READERS,
        startS,
        runs,
        ...(seededS === undefined ? {} : { seededS }),
      };
    } finally {
      await server.stop();
    }
  } finally {
    if (!o.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const ISOLATION_DEFAULTS: IsolationOptions = {
  complaints: 200_000,
  durationS: 8,
  warmupS: 2,
  rounds: 2,
  connections: 20,
  keep: false,
};

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      complaints: { type: 'string', default: String(ISOLATION_DEFAULTS.complaints) },
      duration: { type: 'string', default: String(ISOLATION_DEFAULTS.durationS) },
      rounds: { type: 'string', default: String(ISOLATION_DEFAULTS.rounds) },
      keep: { type: 'boolean', default: false },
      env: { type: 'string', multiple: true, default: [] },
    },
  });
  const env = Object.fromEntries(values.env.map((kv) => kv.split('=', 2) as [string, string]));
  process.once('SIGINT', () => {
    void stopAll().finally(() => process.exit(130));
  });
  runIsolationBench({
    ...ISOLATION_DEFAULTS,
    complaints: Number(values.complaints),
    durationS: Number(values.duration),
    rounds: Number(values.rounds),
    keep: values.keep,
    env,
  }).then(printIsolationReport, async (err: unknown) => {
    console.error(err);
    await stopAll();
    process.exitCode = 1;
  });
}
