/**
 * USSD hops in this process, for the place-match bench (bench/place-match.ts) to set beside a
 * match: the handler as the server runs it (src/ussd/handler.ts: session read, engine step,
 * render, session write) on a temp-file database migrated and seeded as a server's, hops in
 * transactions of 32 as the group commit makes them, each hop timed inside its transaction and
 * the transaction's COMMIT (synced to disk) given apart, per hop. Two hops: a first dial from a
 * phone whose language is known (what the HTTP bench's "one hop" sends), and the hop that types
 * a ward's name at the place step (the match inside it, on indexes already built).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDatabase, type Db } from '../db/client';
import { menu } from '../menus';
import { upsertCitizen } from '../src/complaints/repository';
import { parseConfig } from '../src/config';
import { slaPolicyOf } from '../src/deps';
import type { Places } from '../src/reference/places';
import { loadReferenceData } from '../src/reference/repository';
import type { ReferenceData } from '../src/reference/types';
import { handleHop } from '../src/ussd/handler';
import type { UssdDeps, UssdRequest } from '../src/ussd/hop';
import { seededRandom } from './assignment-seed';
import { cumulativeTexts, NETWORK_CODE, percentile, phone, SERVICE_CODE } from './load';

/** Times of one kind of call, in microseconds. */
export interface Timings {
  label: string;
  n: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

export function timings(label: string, us: readonly number[]): Timings {
  const sorted = Float64Array.from(us).sort();
  return {
    label,
    n: us.length,
    meanUs: us.reduce((a, b) => a + b, 0) / us.length,
    p50Us: percentile(sorted, 50),
    p99Us: percentile(sorted, 99),
    maxUs: sorted[sorted.length - 1] ?? NaN,
  };
}

const BATCH = 32;
const WARMUP = 256;
const SESSIONS = 2048;

/** Main menu to the place step of `council`: File, its region, itself, the first category. */
function repliesTo(reference: ReferenceData, council: string): string[] {
  const regions = reference.pickerRegions;
  const r = regions.findIndex((x) =>
    reference.councilsByRegion.get(x.code)?.some((c) => c.code === council),
  );
  const councils = reference.councilsByRegion.get(regions[r]?.code ?? '') ?? [];
  const c = councils.findIndex((x) => x.code === council);
  if (r < 0 || c < 0) throw new Error(`${council} is not offered`);
  return ['1', String(r + 1), String(c + 1), '1'];
}

/** Where each hop leads: the place typed, to the description (or a choice of several places). */
// prettier-ignore
const LEADS = [['main'], ['file.region'], ['file.council'], ['file.category'], ['file.place'], ['file.description', 'file.place.choose']];

/**
 * One hop of each session in one transaction, each timed into `out` and checked to lead to one of
 * `screens`; returns the COMMIT's time, per hop.
 */
function hopBatch(
  deps: UssdDeps,
  reqs: UssdRequest[],
  screens: readonly string[],
  out: number[] | undefined,
): number {
  const sqlite = deps.db.$client;
  sqlite.exec('BEGIN IMMEDIATE');
  for (const req of reqs) {
    const t0 = performance.now();
    const hop = handleHop(deps, req);
    out?.push((performance.now() - t0) * 1000);
    if (!hop.body.startsWith('CON ') || !screens.includes(hop.screen)) {
      throw new Error(`hop ${JSON.stringify(req.text)} answered ${hop.screen}: ${hop.body}`);
    }
  }
  const t0 = performance.now();
  sqlite.exec('COMMIT');
  return ((performance.now() - t0) * 1000) / reqs.length;
}

function measure(db: Db, places: Places, wards: readonly [string, string][]): Timings[] {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.message);
  const deps: UssdDeps = {
    db,
    menu,
    reference: loadReferenceData(db),
    places,
    logger: pino({ level: 'silent' }),
    now: () => Date.now(),
    randomInt: seededRandom(7),
    sla: slaPolicyOf(parsed.config),
    settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30 },
  };
  const sessions = Array.from({ length: WARMUP + SESSIONS }, (_, i) => {
    const [council = '', name = ''] = wards[i % wards.length] ?? [];
    const texts = cumulativeTexts([...repliesTo(deps.reference, council), name]);
    return { phone: phone(30_000_000 + i), sessionId: `ATUid_place_${i}`, texts };
  });
  const now = Date.now();
  db.$client.transaction(() => {
    for (const s of sessions) upsertCitizen(db, s.phone, 'sw', now);
  })();
  const firstDial: number[] = [];
  const typing: number[] = [];
  const commits: number[] = [];
  for (let b = 0; b < sessions.length; b += BATCH) {
    const batch = sessions.slice(b, b + BATCH);
    const timed = b >= WARMUP;
    const hops = LEADS.length;
    for (let hop = 0; hop < hops; hop++) {
      const reqs = batch.map((s) => ({
        sessionId: s.sessionId,
        serviceCode: SERVICE_CODE,
        phoneNumber: s.phone,
        networkCode: NETWORK_CODE,
        text: s.texts[hop] ?? '',
      }));
      const out = !timed
        ? undefined
        : hop === 0
          ? firstDial
          : hop === hops - 1
            ? typing
            : undefined;
      const commit = hopBatch(deps, reqs, LEADS[hop] ?? [], out);
      if (out) commits.push(commit);
    }
  }
  return [
    timings('USSD hop: first dial', firstDial),
    timings('USSD hop: typing the place', typing),
    timings('  COMMIT of 32 hops, per hop', commits),
  ];
}

/** The hops, each session typing one of `wards` (council, name) in turn. */
export function runHopBench(places: Places, wards: readonly [string, string][]): Timings[] {
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-place-hops-'));
  try {
    const db = openDatabase(path.join(dir, 'hops.db'));
    try {
      return measure(db, places, wards);
    } finally {
      db.$client.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
