/**
 * The public figures (/figures) over a million complaints filed over a year
 * (bench/dashboard-seed.ts: replies, resolutions and office times as a working desk has them),
 * through the real app over loopback HTTP with its counts on a real read pool (worker threads on
 * read-only connections, as `npm start` runs them). Two figures, kept apart:
 * - cold: the first request after the kept figures expired (the clock moved on five minutes),
 *   which waits for its counts: a region's one job, the country's 31 in turn;
 * - warm: the requests after it, served from memory (target: p95 under 50 ms).
 * Beside them, 10 readers asking at once for the country's year while nothing is kept: how long
 * they wait and how many counts the workers ran (31 when the misses are read once).
 *
 *   tsx bench/figures.ts [--complaints 1000000] [--db FILE]   (--db: reuse a seeded file)
 * or `runFiguresBench(opts)` from the bench runner (`npm run bench -- --only figures`).
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase, type Db } from '../db/client';
import type { JobRunner } from '../db/reads';
import { menu } from '../menus';
import { parseConfig } from '../src/config';
import { escalationDeps } from '../src/deps';
import { createApp } from '../src/http/app';
import { startReadPool } from '../src/http/read-jobs';
import { DAY_MS } from '../src/text/calendar';
import { seededRandom, seedStaff } from './assignment-seed';
import { seedDashboardComplaints } from './dashboard-seed';
import { percentile } from './load';

export interface FiguresTiming {
  label: string;
  /** Cold: each the first request after the figures expired. */
  cold: { p50Ms: number; p95Ms: number; runs: number };
  /** Warm: served from memory. */
  warm: { p50Ms: number; p95Ms: number; runs: number };
  kb: number;
}

export interface FiguresBenchResult {
  complaints: number;
  seedSeconds: number;
  workers: number;
  rows: FiguresTiming[];
  /** 10 readers at once on the country's year, nothing kept. */
  together: { readers: number; wallMs: number; counts: number };
  worstWarmP95Ms: number;
}

const COLD_RUNS = 5;
const WARM_RUNS = 50;
const HOURS = { startMinute: 8 * 60, endMinute: 16 * 60 + 30, holidays: new Set<string>() };
const POLICY = { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: new Set<string>() };
/** Past the five minutes figures are kept. */
const EXPIRE_MS = 6 * 60_000;

function seed(db: Db, complaints: number): void {
  const now = Date.now();
  const world = seedStaff(db, 2000, now - 365 * DAY_MS);
  seedDashboardComplaints(db, world, {
    count: complaints,
    days: 365,
    now,
    random: seededRandom(21),
    policy: POLICY,
    hours: HOURS,
  });
  db.$client.exec('ANALYZE');
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function timed(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return { ms, bytes: body.length };
}

export async function runFiguresBench(
  o: { complaints?: number; db?: string } = {},
): Promise<FiguresBenchResult> {
  const complaints = o.complaints ?? 1_000_000;
  const dir = o.db ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'kero-figures-'));
  const file = o.db ?? path.join(dir ?? '', 'kero.db');
  const reuse = o.db !== undefined && fs.existsSync(o.db);
  const db = openDatabase(file);
  const t0 = performance.now();
  if (!reuse) seed(db, complaints);
  const seedSeconds = (performance.now() - t0) / 1000;
  const stored = db.$client.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
  console.log(
    `  ${stored} complaints ${reuse ? 'in' : 'seeded into'} ${file} in ${seedSeconds.toFixed(0)} s`,
  );
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.message);
  const sla = escalationDeps(parsed.config, db);
  const logger = pino({ level: 'silent' });
  // As `npm start` sizes it: one fewer than the cores, at least one.
  const workers = Math.max(1, os.availableParallelism() - 1);
  const pool = startReadPool(
    { file, logLevel: 'silent', reference: sla.reference },
    { size: workers, queue: 64, logger },
  );
  let counts = 0;
  const counting: JobRunner = {
    ask: (kind, args, at, signal) => {
      counts += 1;
      return pool.ask(kind, args, at, signal);
    },
    stream: (kind, args, at, signal) => pool.stream(kind, args, at, signal),
  };
  let offset = 0;
  const app = createApp({
    db,
    menu,
    reference: sla.reference,
    sla: sla.policy,
    logger,
    // Moved on past the figures' five minutes to time a cold request again.
    now: () => Date.now() + offset,
    randomInt: seededRandom(1),
    settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30 },
    serviceCodes: [],
    webhookToken: 'bench-token-0123456789',
    reads: counting,
    // One loopback client asks many times: the per-client limit would stop it.
    figuresPerMinute: 1_000_000,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const region = db.$client
      .prepare('SELECT region_code FROM complaints GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as string;
    // The workers load their code once: not part of any figure.
    await timed(`${base}/figures?period=30&region=${region}`);
    const cases: [string, string][] = [];
    for (const days of [30, 90, 365]) {
      cases.push([`country, ${days} days`, `/figures?period=${days}&lang=en`]);
      cases.push([
        `${region} by council, ${days} days`,
        `/figures?period=${days}&region=${region}`,
      ]);
    }
    cases.push(['country CSV, 365 days', '/figures.csv?period=365']);
    const rows: FiguresTiming[] = [];
    for (const [label, url] of cases) {
      const cold: number[] = [];
      let bytes = 0;
      for (let i = 0; i < COLD_RUNS; i++) {
        offset += EXPIRE_MS;
        cold.push((await timed(`${base}${url}`)).ms);
      }
      const warm: number[] = [];
      for (let i = 0; i < 3 + WARM_RUNS; i++) {
        const r = await timed(`${base}${url}`);
        if (i >= 3) warm.push(r.ms);
        bytes = r.bytes;
      }
      const c = sorted(cold);
      const h = sorted(warm);
      const row = {
        label,
        cold: { p50Ms: percentile(c, 50), p95Ms: percentile(c, 95), runs: c.length },
        warm: { p50Ms: percentile(h, 50), p95Ms: percentile(h, 95), runs: h.length },
        kb: bytes / 1024,
      };
      rows.push(row);
      console.log(
        `  ${label.padEnd(28)} cold p50 ${row.cold.p50Ms.toFixed(0)} ms, p95 ${row.cold.p95Ms.toFixed(0)} ms (${COLD_RUNS}) | warm p50 ${row.warm.p50Ms.toFixed(1)} ms, p95 ${row.warm.p95Ms.toFixed(1)} ms (${WARM_RUNS}) | ${row.kb.toFixed(0)} KB`,
      );
    }
    offset += EXPIRE_MS;
    counts = 0;
    const readers = 10;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: readers }, () => timed(`${base}/figures?period=365&lang=en`)),
    );
    const together = { readers, wallMs: performance.now() - t1, counts };
    console.log(
      `  ${readers} readers at once, country 365 days, nothing kept: all answered in ${together.wallMs.toFixed(0)} ms, ${counts} counts run`,
    );
    return {
      complaints: stored,
      seedSeconds,
      workers,
      rows,
      together,
      worstWarmP95Ms: Math.max(...rows.map((r) => r.warm.p95Ms)),
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await pool.stop();
    db.$client.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { complaints: { type: 'string', default: '1000000' }, db: { type: 'string' } },
  });
  runFiguresBench({
    complaints: Number(values.complaints),
    ...(values.db ? { db: values.db } : {}),
  }).then(
    (r) => console.log(`  slowest warm p95 ${r.worstWarmP95Ms.toFixed(1)} ms   (target < 50 ms)`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
