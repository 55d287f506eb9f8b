/**
 * An upgrade at scale, from outside, as an operator does it: the previous release's database
 * (./upgrade-seed.ts) and `npm start` on it. Measured: how long each new migration takes (on a
 * copy), how long from the start until USSD answers, USSD first screens (20 connections) while
 * the background jobs run and once they have finished, each job's time (from the server's log),
 * and whether the rollup the jobs built equals a count of the complaints. Used by `npm run
 * bench -- --only upgrade` (1,000,000 complaints) and the reliability suite (200,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { openReadOnly } from '../db/client';
import { cpuSecondsOf, freePort, ROOT, WEBHOOK_TOKEN } from './kero-server';
import { percentile, runLoad, ussdBody } from './load';
import { recountRollup, storedRollup } from './rollup-recount';
import { PREVIOUS_RELEASE, seedPreviousRelease, timeMigrations } from './upgrade-seed';
import { oneHop, USSD_PATH } from './ussd-workloads';

export interface Hops {
  hops: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The slowest hop. */
  maxMs: number;
  /** Server CPU (user + system) per hop, µs. */
  cpuUs: number;
}

export interface JobTime {
  job: string;
  ms: number;
  changed: number;
  batches: number;
  /** The job's longest batch: the longest it held the event loop. */
  longestBatchMs: number;
}

export interface UpgradeRun {
  complaints: number;
  seedSeconds: number;
  migrations: { tag: string; ms: number }[];
  /** From the spawn of `src/main.ts` to the first USSD answer. */
  firstAnswerMs: number;
  jobs: JobTime[];
  /** From the first answer until every job had finished. */
  jobsSeconds: number;
  /**
   * The server's longest event-loop delay while the jobs ran (Node's monitorEventLoopDelay, as
   * /metrics reports it: read once after the first answer, which resets it, then at the end).
   */
  loopMaxMs: number;
  /** The same over the measurement afterwards, with the jobs done: the box's own noise. */
  idleLoopMaxMs: number;
  during: Hops;
  idle: Hops;
  /** Rows where the rollup differs from a count of the complaints (0: equal). */
  rollupMismatches: number;
  rollupRows: number;
  errors: string[];
}

const CONNECTIONS = 20;
const WINDOW_MS = 2000;

function post(port: number, body: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: USSD_PATH,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        timeout: 2000,
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(res.statusCode === 200 ? text : ''));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(''));
    req.end(body);
  });
}

function readyJobs(port: number): Promise<{ name: string; done: boolean; percent: number }[]> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/readyz', agent: false, timeout: 5000 }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          try {
            resolve((JSON.parse(text) as { jobs?: [] }).jobs ?? []);
          } catch {
            resolve([]);
          }
        });
      })
      .on('error', () => resolve([]));
  });
}

/** /metrics' longest event-loop delay since the last read (prom-client resets it), ms. */
function loopMaxMs(port: number): Promise<number> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/metrics', agent: false, timeout: 5000 }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          const line = /^kero_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text);
          resolve(line ? Number(line[1]) * 1000 : NaN);
        });
      })
      .on('error', () => resolve(NaN));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** USSD first screens for `windows` windows of 2 s (or until `until` says stop). */
async function hops(
  port: number,
  pid: number,
  until: () => Promise<boolean>,
  minWindows = 1,
): Promise<Hops> {
  const all: number[] = [];
  let seconds = 0;
  const cpu0 = cpuSecondsOf(pid);
  for (let w = 0; ; w++) {
    const r = await runLoad(port, USSD_PATH, oneHop(), CONNECTIONS, WINDOW_MS);
    for (const ms of r.latencies) all.push(ms);
    seconds += r.elapsedS;
    if (w + 1 >= minWindows && (await until())) break;
  }
  const sorted = Float64Array.from(all).sort();
  return {
    hops: sorted.length,
    perSecond: Math.round(sorted.length / seconds),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? NaN,
    cpuUs: Math.round(((cpuSecondsOf(pid) - cpu0) * 1e6) / Math.max(1, sorted.length)),
  };
}

function spawnKero(file: string, port: number, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'a');
  return spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ENV_FILE: 'off',
      DATABASE_PATH: file,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEBHOOK_TOKEN,
      DAILY_COMPLAINT_LIMIT: '100000000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
}

/**
 * The jobs' times from the server's log, read a line at a time: a request line per hop makes it
 * hundreds of megabytes at a million complaints, past what one string may hold.
 */
async function jobTimes(logFile: string): Promise<JobTime[]> {
  const times: JobTime[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(logFile) });
  for await (const line of lines) {
    if (line.includes('"background job finished"')) times.push(JSON.parse(line) as JobTime);
  }
  return times;
}

/** The log's last `bytes` bytes. */
function logTail(logFile: string, bytes = 3000): string {
  if (!fs.existsSync(logFile)) return '';
  const fd = fs.openSync(logFile, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(bytes, size));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    return tail.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Seeds, times the migrations, starts the server on the old database and measures. */
export async function runUpgrade(o: { complaints: number; dir?: string }): Promise<UpgradeRun> {
  const dir = fs.mkdtempSync(
    path.join(o.dir ?? process.env.BENCH_TMP ?? os.tmpdir(), 'kero-upgrade-'),
  );
  const file = path.join(dir, 'kero.db');
  const logFile = path.join(dir, 'kero.log');
  const errors: string[] = [];
  let child: ChildProcess | undefined;
  try {
    const seeded = seedPreviousRelease(file, o.complaints);
    fs.copyFileSync(file, path.join(dir, 'copy.db'));
    const migrations = timeMigrations(path.join(dir, 'copy.db'), PREVIOUS_RELEASE);
    fs.rmSync(path.join(dir, 'copy.db'));
    const port = await freePort();
    const t0 = performance.now();
    child = spawnKero(file, port, logFile);
    const pid = child.pid ?? 0;
    let firstAnswerMs = NaN;
    for (let i = 0; performance.now() - t0 < 60_000; i++) {
      const body = await post(port, ussdBody(`ATUid_upgrade_${i}`, '+255799000001', ''));
      if (body.startsWith('CON ')) {
        firstAnswerMs = Math.round(performance.now() - t0);
        break;
      }
      await sleep(50);
    }
    if (Number.isNaN(firstAnswerMs)) throw new Error('USSD did not answer within 60 s');
    const tJobs = performance.now();
    await loopMaxMs(port);
    const allDone = async () => (await readyJobs(port)).every((j) => j.done);
    const during = await hops(port, pid, allDone);
    const jobsSeconds = (performance.now() - tJobs) / 1000;
    const loopMax = await loopMaxMs(port);
    const idle = await hops(port, pid, () => Promise.resolve(true), 3);
    const idleLoopMax = await loopMaxMs(port);
    process.kill(-pid, 'SIGTERM');
    await new Promise((r) => child?.once('exit', r));
    child = undefined;
    const db = openReadOnly(file);
    let rollupMismatches: number;
    let rollupRows: number;
    try {
      const want = recountRollup(db);
      const have = new Set(storedRollup(db));
      rollupRows = want.length;
      rollupMismatches =
        want.filter((r) => !have.has(r)).length + Math.max(0, have.size - want.length);
    } finally {
      db.$client.close();
    }
    return {
      complaints: o.complaints,
      seedSeconds: seeded.seconds,
      migrations,
      firstAnswerMs,
      jobs: await jobTimes(logFile),
      jobsSeconds,
      loopMaxMs: loopMax,
      idleLoopMaxMs: idleLoopMax,
      during,
      idle,
      rollupMismatches,
      rollupRows,
      errors,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${message}\nserver log:\n${logTail(logFile)}`);
  } finally {
    if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    if (process.env.KEEP_UPGRADE_LOG) fs.copyFileSync(logFile, process.env.KEEP_UPGRADE_LOG);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures, one line each. */
export function printUpgrade(r: UpgradeRun): void {
  const n = r.complaints.toLocaleString('en');
  const h = (x: Hops) =>
    `${x.perSecond} hops/s, p50 ${x.p50Ms.toFixed(1)} ms, p99 ${x.p99Ms.toFixed(1)} ms, max ${x.maxMs.toFixed(1)} ms, ${x.cpuUs} us CPU/hop`;
  console.log(
    `  seeded the previous release with ${n} complaints in ${r.seedSeconds.toFixed(0)} s`,
  );
  for (const m of r.migrations) console.log(`  migration ${m.tag}: ${m.ms} ms`);
  console.log(
    `  npm start -> first USSD answer: ${(r.firstAnswerMs / 1000).toFixed(2)} s (target 5 s)`,
  );
  for (const j of r.jobs) {
    console.log(
      `  job ${j.job}: ${(j.ms / 1000).toFixed(1)} s, ${j.batches} batches (longest ${j.longestBatchMs} ms), ${j.changed} rows`,
    );
  }
  console.log(`  jobs done ${r.jobsSeconds.toFixed(1)} s after the first answer`);
  console.log(`  USSD first screens during the jobs: ${h(r.during)}`);
  console.log(
    `  longest event-loop delay (/metrics) while the jobs ran: ${r.loopMaxMs.toFixed(1)} ms, afterwards ${r.idleLoopMaxMs.toFixed(1)} ms`,
  );
  console.log(`  USSD first screens afterwards:      ${h(r.idle)}`);
  const ratio = r.during.p99Ms / r.idle.p99Ms;
  console.log(`  p99 during / afterwards: ${ratio.toFixed(2)}x (target <= 2x)`);
  console.log(
    `  rollup vs a count of the complaints: ${r.rollupMismatches === 0 ? 'equal' : `${r.rollupMismatches} rows differ`} (${r.rollupRows} rows)`,
  );
}

if (require.main === module) {
  const complaints = Number(process.argv[2] ?? 200_000);
  void runUpgrade({ complaints }).then(printUpgrade, (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
