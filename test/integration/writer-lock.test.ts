/**
 * Another connection holding SQLite's writer lock (a checkpoint, Litestream, an admin command in
 * another process): USSD hops wait for it without holding the event loop, and only a hold longer
 * than a hop's budget fails them, with "please try again". The checkpoint worker itself holds the
 * lock only to copy a few frames (db/checkpointer.ts). Background jobs do not wait for it at all:
 * they rest and try again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { startCheckpointer, type CheckpointAction } from '../../db/checkpointer';
import { openDatabase, type Db } from '../../db/client';
import { createGroupCommit } from '../../db/group-commit';
import { startJobRunner } from '../../db/job-runner';
import { menu } from '../../menus';
import { loadReferenceData } from '../../src/reference/repository';
import { createUssdGroupCommit } from '../../src/ussd/group-commit';
import { DEFAULT_SLA, seededRandomInt, T0 } from '../helpers/app';

let dir: string;
let file: string;
let db: Db;
let other: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-writer-lock-'));
  file = path.join(dir, 'kero.db');
  db = openDatabase(file);
  other = new Database(file);
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  if (db.$client.open) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts turns of the event loop (a 10 ms interval) while `during` runs. */
async function ticksDuring<T>(during: Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  try {
    return { value: await during, ticks };
  } finally {
    clearInterval(timer);
  }
}

/** Holds the writer lock on the other connection for `ms`, then commits. */
async function holdWriterLock(ms: number): Promise<void> {
  other.exec('BEGIN IMMEDIATE');
  await sleep(ms);
  other.exec('COMMIT');
}

const hop = (n: number) => ({
  sessionId: `ATUid_lock_${n}`,
  serviceCode: '*384*1234#',
  phoneNumber: `+2557123460${String(n).padStart(2, '0')}`,
  networkCode: '64004',
  text: '',
});

test('when another connection holds the writer lock longer than the busy timeout, then hops wait for it with the event loop free and are answered', async () => {
  // The server's connection waits 5 s; this one 0.5 s, so that a 1.2 s hold is longer than the
  // whole wait, as a 6 s hold would be on the server (where hops failed with SQLITE_BUSY).
  db.$client.pragma('busy_timeout = 500');
  const commits = createUssdGroupCommit({
    db,
    menu,
    reference: loadReferenceData(db),
    logger: pino({ level: 'silent' }),
    now: () => T0,
    randomInt: seededRandomInt(),
    sla: DEFAULT_SLA,
    settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30 },
  });
  const held = holdWriterLock(1200);
  const answers = Promise.all(
    [1, 2, 3].map((n) => new Promise<string>((resolve) => commits.submit(hop(n), resolve))),
  );
  const { value, ticks } = await ticksDuring(Promise.all([answers, held]));

  // The language choice of a first dial, for all three: not the error screen.
  for (const body of value[0]) expect(body).toMatch(/^CON .*Kiswahili/s);
  const stored = other.prepare('SELECT count(*) FROM ussd_sessions').pluck().get();
  expect(stored).toBe(3);
  // 1.2 s of 10 ms ticks: the loop turned all along (blocked in BEGIN it would not have).
  expect(ticks).toBeGreaterThan(40);
});

test('when the lock is held past the budget, then the waiting items fail with SQLITE_BUSY and the next one commits', async () => {
  const commits = createGroupCommit(
    db,
    (n: number) =>
      db.$client.prepare(`INSERT INTO settings (key, value) VALUES (?, 'x')`).run(`k${n}`),
    128,
    undefined,
    { lockWaitMs: 10, budgetMs: 200 },
  );
  const held = holdWriterLock(600);
  const failed = await commits.submit(1).then(
    () => 'committed',
    (err: { code?: string }) => err.code,
  );
  await held;
  await commits.submit(2);

  expect(failed).toBe('SQLITE_BUSY');
  const keys = other.prepare(`SELECT key FROM settings WHERE key IN ('k1', 'k2')`).pluck().all();
  expect(keys).toEqual(['k2']);
});

test('when readers kept the WAL from being reset, then the worker restarts it only with a few frames left to copy', async () => {
  const actions: CheckpointAction[] = [];
  const checkpointer = startCheckpointer(db, file, {
    intervalMs: 10,
    restartFrames: 64,
    maxCopyFrames: 32,
    logger: pino({ level: 'silent' }),
    onCheckpoint: (a) => actions.push(a),
  });
  const insert = db.$client.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
  const reader = new Database(file, { readonly: true });
  try {
    // A reader pinned to an old snapshot: nothing after it can be copied, the WAL grows.
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM settings').get();
    for (let i = 0; i < 400; i++) {
      insert.run(`pad${i}`, 'x'.repeat(8000));
      if (i % 20 === 0) await sleep(5);
    }
    reader.exec('COMMIT');
    for (let i = 0; i < 200 && !actions.some((a) => !a.busy); i++) await sleep(20);
  } finally {
    reader.close();
    await checkpointer.stop();
  }

  expect(actions.some((a) => !a.busy)).toBe(true);
  for (const a of actions.filter((x) => x.mode === 'RESTART'))
    expect(a.left).toBeLessThanOrEqual(32);
  const n = other.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'pad%'`).pluck().get();
  expect(n).toBe(400);
});

test('when a background job finds the writer lock taken, then it rests with the event loop free, tries again, and finishes once the lock is free', async () => {
  db.$client.exec(`INSERT INTO background_jobs (name) VALUES ('probe')`);
  const lines: string[] = [];
  const held = holdWriterLock(300);
  const runner = startJobRunner({
    db,
    jobs: [{ name: 'probe', what: 'a probe', fill: () => 0 }],
    logger: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }),
    now: () => T0,
  });
  const { ticks } = await ticksDuring(Promise.all([runner.finished, held]));

  const finished = other
    .prepare(`SELECT finished_at FROM background_jobs WHERE name = 'probe'`)
    .pluck()
    .get();
  expect(finished).toBe(T0);
  // 300 ms of 10 ms ticks: the loop turned while the job waited (in SQLite's busy handler it
  // would not have), and a lock taken for a moment is not a failure.
  expect(ticks).toBeGreaterThan(15);
  expect(lines.filter((l) => l.includes('background job batch failed'))).toEqual([]);
});
