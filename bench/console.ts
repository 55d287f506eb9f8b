/**
 * The console at scale: a national desk with a million complaints (bench/console-seed.ts) in a
 * SQLite file, served by the real server (src/main.ts, in its own process, as `npm start` runs
 * it) on a loopback port. First the pages, one at a time: for an officer covering two councils,
 * an officer covering a region, the region's supervisor and headquarters, the queue on every tab,
 * each filter alone, a number search, deep keyset pages and complaint pages, timed by the
 * server's own request log and by the client (bench/console-latency.ts). Target: p95 < 100 ms of
 * server time for every one. Then the server is restarted as the USSD bench runs it (LOG_LEVEL
 * warn) for USSD hops alone and while 20 console users browse (bench/console-mixed.ts).
 *
 *   tsx bench/console.ts [--complaints 1000000] [--timed 30] [--keep]
 * or `runConsoleBench(opts)` from the bench runner. --keep seeds data/bench/console-N.db once and
 * reuses it (for working on the console; the bench runner always seeds afresh).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/client';
import { seededRandom } from './assignment-seed';
import { deskOf, type Viewer } from './console-cases';
import { ConsoleBrowser, signIn } from './console-client';
import { RequestLog, timeCase, type CaseFigures } from './console-latency';
import { runMixed, type MixedOptions, type MixedRun } from './console-mixed';
import { printConsoleReport, type ConsoleBenchResult } from './console-report';
import { seedYear, type ConsoleSeeded } from './console-seed';
import { RARE_VILLAGE } from './console-seed-text';
import { ROOT, startServer, stopAll, WEBHOOK_TOKEN, type ServerProcess } from './kero-server';
import { phone } from './load';
import { register, sanity } from './ussd-workloads';

export interface ConsoleBenchOptions {
  complaints?: number;
  /** Timed requests per case (default 30), after `warmup` untimed ones (default 3). */
  timed?: number;
  warmup?: number;
  mixed?: Partial<MixedOptions>;
  keep?: boolean;
}

function serve(file: string, logLevel: string): Promise<ServerProcess> {
  const env = { DATABASE_PATH: file, WEBHOOK_TOKEN, DAILY_COMPLAINT_LIMIT: '100000000' };
  return startServer('kero', 'src/main.ts', { ...env, LOG_LEVEL: logLevel }, undefined, 120_000);
}

/** The sign-in code last sent to `phone`, read from the server's SMS outbox. */
export function codeReader(file: string): {
  codeFor: (phone: string) => string | undefined;
  close(): void;
} {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const stmt = db.prepare(
    `SELECT body FROM sms_outbox WHERE to_phone = ? AND template = 'console.code' ORDER BY id DESC LIMIT 1`,
  );
  return {
    codeFor: (phone) =>
      /\d{6}/.exec((stmt.get(phone) as { body: string } | undefined)?.body ?? '')?.[0],
    close: () => db.close(),
  };
}

/**
 * A phone the database has never seen (no citizen, no USSD session), for the sanity filing,
 * whose first screen must be the language one: a kept database remembers earlier runs' phones.
 */
export function newPhone(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const seen = db.prepare(
      `SELECT 1 FROM citizens WHERE phone = @p UNION ALL SELECT 1 FROM ussd_sessions WHERE phone = @p`,
    );
    for (let n = 29_000_000; ; n++) if (seen.get({ p: phone(n) }) === undefined) return phone(n);
  } finally {
    db.close();
  }
}

/** Browsers signed in as these phones, each from its own loopback address. */
export async function signedIn(
  file: string,
  port: number,
  phones: string[],
  subnet: number,
): Promise<ConsoleBrowser[]> {
  const codes = codeReader(file);
  try {
    const browsers: ConsoleBrowser[] = [];
    for (const [i, phone] of phones.entries()) {
      const b = new ConsoleBrowser(port, `127.0.${subnet}.${10 + i}`);
      await signIn(b, phone, codes.codeFor);
      browsers.push(b);
    }
    return browsers;
  } finally {
    codes.close();
  }
}

function seedFile(file: string, complaints: number): ConsoleSeeded & { seconds: number } {
  return seedYear(openDatabase(file), complaints, { seed: 1105 });
}

async function timePages(
  file: string,
  viewers: Viewer[],
  cases: ReturnType<typeof deskOf>['cases'],
  o: { timed: number; warmup: number },
) {
  const server = await serve(file, 'info');
  try {
    const log = new RequestLog(server.child.stdout);
    const browsers = await signedIn(
      file,
      server.port,
      viewers.map((v) => v.phone),
      0,
    );
    const out: CaseFigures[] = [];
    for (const c of cases) {
      const b = browsers[viewers.findIndex((v) => v.label === c.viewer)];
      if (!b) throw new Error(`no browser for ${c.viewer}`);
      const f = await timeCase(b, server, log, c, o);
      out.push(f);
      const p95 = f.serverP95.toFixed(1);
      console.log(`  ${c.viewer}, ${c.label}: server p95 ${p95} ms, ${f.rows} rows`);
    }
    for (const b of browsers) b.close();
    return out;
  } finally {
    await server.stop();
  }
}

export async function runConsoleBench(opts: ConsoleBenchOptions = {}): Promise<ConsoleBenchResult> {
  const complaints = opts.complaints ?? 1_000_000;
  const mixedOptions: MixedOptions = {
    connections: 50,
    durationS: 8,
    warmupS: 2,
    rounds: 2,
    thinkMs: [1000, 0],
    ...opts.mixed,
  };
  const dir = opts.keep
    ? path.join(ROOT, 'data', 'bench')
    : fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-console-'));
  const file = path.join(dir, `console-${complaints}.db`);
  try {
    const reuse = opts.keep === true && fs.existsSync(file);
    if (reuse) console.log(`  reusing ${path.relative(ROOT, file)}`);
    const seeded = reuse ? undefined : seedFile(file, complaints);
    if (seeded)
      console.log(`  seeded in ${seeded.seconds.toFixed(0)} s: ${JSON.stringify(seeded)}`);
    const desk = deskOf(file, Date.now(), RARE_VILLAGE);
    const timing = { timed: opts.timed ?? 30, warmup: opts.warmup ?? 3 };
    const cases = await timePages(file, desk.viewers, desk.cases, timing);
    const server = await serve(file, 'warn');
    let mixed: MixedRun[];
    try {
      await sanity('kero', server.port, newPhone(file));
      await register(server.port, mixedOptions.connections);
      const users = await signedIn(file, server.port, desk.users, 1);
      mixed = await runMixed(server, users, mixedOptions, seededRandom(7));
      for (const b of users) b.close();
    } finally {
      await server.stop();
    }
    return {
      complaints,
      ...(seeded ? { seeded } : {}),
      cases,
      mixed,
      mixedOptions,
      users: desk.users.length,
    };
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      complaints: { type: 'string', default: '1000000' },
      timed: { type: 'string', default: '30' },
      keep: { type: 'boolean', default: false },
    },
  });
  process.once('SIGINT', () => {
    void stopAll().finally(() => process.exit(130));
  });
  runConsoleBench({
    complaints: Number(values.complaints),
    timed: Number(values.timed),
    keep: values.keep,
  }).then(printConsoleReport, async (err: unknown) => {
    console.error(err);
    await stopAll();
    process.exitCode = 1;
  });
}
