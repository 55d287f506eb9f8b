/**
 * Open311 at scale: a million complaints filed over 180 days (bench/open311-seed.ts) in a
 * temp-file SQLite database, then GET /open311/v2/requests.json pages through the real app over
 * loopback HTTP: the default page, full pages of 1,000 near the start and deep in the 90-day
 * window, filtered pages, one request by number. Target: a page in under 100 ms (p95). Beside
 * them the public status page, /status, by number and mistyped (target: under 50 ms).
 *
 *   tsx bench/open311.ts [--complaints 1000000]
 * or `runOpen311Bench(opts)` from the bench runner.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase, type Db } from '../db/client';
import { menu } from '../menus';
import { parseConfig } from '../src/config';
import { escalationDeps } from '../src/deps';
import { createApp } from '../src/http/app';
import { seededRandom } from './assignment-seed';
import { seedOpen311Complaints } from './open311-seed';
import { percentile } from './load';

export interface Open311Figures {
  label: string;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  kb: number;
}

export interface Open311BenchResult {
  complaints: number;
  seedSeconds: number;
  rows: Open311Figures[];
  /** The slowest p95 of all workloads (target < 100 ms). */
  worstP95Ms: number;
}

const TIMED = 30;
const WARMUP = 3;

async function time(
  base: string,
  label: string,
  url: string,
  expected = 200,
): Promise<Open311Figures> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + TIMED; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`);
    const body = await res.text();
    if (res.status !== expected)
      throw new Error(`${url}: HTTP ${res.status} ${body.slice(0, 200)}`);
    if (i >= WARMUP) times.push(performance.now() - t0);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return {
    label,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    requests: TIMED,
    kb: bytes / 1024,
  };
}

/** The real app on `db` with Open311 on, listening on a free loopback port. */
async function serve(db: Db): Promise<Server> {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.message);
  const sla = escalationDeps(parsed.config, db);
  const app = createApp({
    db,
    menu,
    reference: sla.reference,
    sla: sla.policy,
    logger: pino({ level: 'silent' }),
    now: () => Date.now(),
    randomInt: seededRandom(1),
    settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30 },
    serviceCodes: [],
    webhookToken: 'bench-token-0123456789',
    open311: { descriptions: false, policy: sla.policy },
    // One loopback client asks many times: the public pages' per-client limits would stop it.
    statusPerMinute: 1_000_000,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}

async function measureAll(base: string, sample: string): Promise<Open311Figures[]> {
  const r = '/requests.json';
  const cases: [string, string][] = [
    ['default page (100)', r],
    ['page_size=1000, page 1', `${r}?page_size=1000`],
    ['page_size=1000, page 400', `${r}?page_size=1000&page=400`],
    ['status=open, 1000', `${r}?status=open&page_size=1000`],
    ['service_code=water, 1000', `${r}?service_code=water&page_size=1000`],
    ['closed corruption, 1000', `${r}?status=closed&service_code=corruption&page_size=1000`],
    ['one request by number', `/requests/${sample}.json`],
  ];
  const rows: Open311Figures[] = [];
  for (const [label, url] of cases) rows.push(await time(base, label, url));
  // The public status page (issue 21): one complaint by number, and a mistyped one (target 50 ms).
  const site = base.replace(/\/open311\/v2$/, '');
  const mistyped = sample.slice(0, 7) + String((Number(sample[7]) + 1) % 10);
  rows.push(await time(site, '/status by number', `/status?lang=en&number=${sample}`));
  rows.push(await time(site, '/status mistyped', `/status?number=${mistyped}`, 400));
  return rows;
}

export async function runOpen311Bench(complaints = 1_000_000): Promise<Open311BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-open311-'));
  const db = openDatabase(path.join(dir, 'kero.db'));
  let server: Server | undefined;
  try {
    const t0 = performance.now();
    const random = seededRandom(311);
    const sample = seedOpen311Complaints(db, {
      count: complaints,
      days: 180,
      now: Date.now(),
      random,
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    server = await serve(db);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`;
    const rows = await measureAll(base, sample);
    return { complaints, seedSeconds, rows, worstP95Ms: Math.max(...rows.map((x) => x.p95Ms)) };
  } finally {
    const open = server;
    if (open) await new Promise((resolve) => open.close(resolve));
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { complaints: { type: 'string', default: '1000000' } } });
  runOpen311Bench(Number(values.complaints)).then(
    (result) => {
      for (const x of result.rows) {
        console.log(
          `${x.label.padEnd(28)} p50 ${x.p50Ms.toFixed(1)} ms  p95 ${x.p95Ms.toFixed(1)} ms  ${x.kb.toFixed(0)} KB`,
        );
      }
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
