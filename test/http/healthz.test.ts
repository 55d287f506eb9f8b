/**
 * GET /healthz (liveness: the process answers) and GET /readyz (readiness: the database takes a
 * write, the disk has room, the WAL is not stuck, SMS are not failing for long, the checkpoint
 * worker lives; a replica behind only warns), each a JSON body naming what failed. No token, no
 * USSD framing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openDatabase } from '../../db/client';
import { createReadiness, type Readiness } from '../../src/ops/readiness';
import type { DispatcherHealth } from '../../src/sms/dispatcher';
import { makeTestApp, T0, type TestApp } from '../helpers/app';

let t: TestApp;
afterEach(() => t.close());

const MINUTE = 60_000;

/** GET /readyz's body, typed. */
const readyz = async (app: TestApp['app']) => {
  const res = await request(app).get('/readyz');
  return { status: res.status, body: res.body as Readiness & { status: string } };
};

describe('GET /healthz', () => {
  test('when the process answers, then it is 200 {status: ok}', async () => {
    t = makeTestApp();
    const res = await request(t.app).get('/healthz');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('when the database is closed, then it is still 200: liveness is not readiness', async () => {
    t = makeTestApp();
    t.db.$client.close();
    expect((await request(t.app).get('/healthz')).status).toBe(200);
  });
});

describe('GET /readyz', () => {
  test('when the database takes a write, then it is 200 and says so', async () => {
    t = makeTestApp();
    const res = await request(t.app).get('/readyz');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      ready: true,
      checks: {
        database: { ok: true, detail: 'a write committed' },
        jobs: { ok: true, detail: 'all finished' },
      },
      jobs: ['due_times', 'work_times', 'place_keys', 'rollup', 'open_deadlines'].map((name) => ({
        name,
        done: true,
        percent: 100,
      })),
    });
  });

  test('when the database is closed, then it is 503 naming the database', async () => {
    t = makeTestApp();
    t.db.$client.close();
    const res = await readyz(t.app);

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'not ready', ready: false });
    expect(res.body.checks.database).toEqual({
      ok: false,
      detail: 'a write failed: The database connection is not open',
    });
  });

  test('when the reference data is gone, then it is 503', async () => {
    t = makeTestApp();
    t.db.$client.pragma('foreign_keys = OFF');
    t.db.$client.exec('DELETE FROM councils; DELETE FROM regions');

    const res = await readyz(t.app);

    expect(res.status).toBe(503);
    expect(res.body.checks.database?.detail).toBe('reference data missing (no regions)');
  });

  test('when the database cannot grow (full), then the write fails and it is 503', async () => {
    t = makeTestApp();
    // Stand-in for a full disk: SQLite answers SQLITE_FULL once the file may not grow.
    const pages = t.db.$client.pragma('page_count', { simple: true }) as number;
    t.db.$client.pragma(`max_page_count = ${pages}`);
    const pad = t.db.$client.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    let i = 0;
    for (const size of [2000, 200, 20, 1]) {
      for (;;) {
        try {
          pad.run(`pad${i++}`, 'x'.repeat(size));
        } catch {
          break;
        }
      }
    }

    const res = await readyz(t.app);

    expect(res.status).toBe(503);
    expect(res.body.checks.database?.detail).toMatch(/^a write failed: database or disk is full/);
  });
});

describe('GET /readyz with REPLICATION=litestream', () => {
  test('when Litestream does not answer, then the replication check warns and the server stays ready (200)', async () => {
    const detail =
      'litestream not answering at http://127.0.0.1:9090/metrics for 7 s: ECONNREFUSED';
    t = makeTestApp((db, clock) => ({
      readiness: createReadiness({
        db,
        file: ':memory:',
        now: clock.now,
        replication: { check: () => ({ ok: true, warn: true, detail }) },
      }),
    }));
    const res = await readyz(t.app);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', ready: true });
    expect(res.body.checks.replication).toEqual({ ok: true, warn: true, detail });
  });
});

describe('the checks of a server on a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-readyz-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function readinessOn(o: {
    minFreeBytes?: number;
    maxWalBytes?: number;
    health?: DispatcherHealth;
    alive?: boolean;
    now?: number;
    workers?: number;
  }) {
    const file = path.join(dir, 'kero.db');
    const db = openDatabase(file);
    const check = createReadiness({
      db,
      file,
      now: () => o.now ?? T0,
      dispatcher: {
        health: () =>
          o.health ?? { state: 'closed', failingSince: null, reason: null, lastSentAt: null },
      },
      checkpointer: { alive: () => o.alive ?? true },
      ...(o.workers === undefined
        ? {}
        : { reads: { health: () => ({ workers: o.workers ?? 0, size: 2, queued: 3 }) } }),
      ...(o.minFreeBytes === undefined ? {} : { minFreeBytes: o.minFreeBytes }),
      ...(o.maxWalBytes === undefined ? {} : { maxWalBytes: o.maxWalBytes }),
    });
    try {
      return check();
    } finally {
      db.$client.close();
    }
  }

  test('when everything works, then every check is ok', () => {
    const r = readinessOn({});
    expect(r.ready).toBe(true);
    expect(Object.keys(r.checks)).toEqual([
      'database',
      'disk',
      'wal',
      'checkpointer',
      'sms',
      'jobs',
    ]);
    expect(r.checks.disk?.detail).toMatch(/^\d+ MB free \(needs 100 MB\)$/);
  });

  test('when the disk has less free space than required, then it is not ready and says how much', () => {
    const r = readinessOn({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(r.ready).toBe(false);
    expect(r.checks.disk?.ok).toBe(false);
  });

  test('when the WAL has grown past its bound, then checkpoints are stuck: not ready', () => {
    const r = readinessOn({ maxWalBytes: 0 });
    expect(r.checks.wal?.ok).toBe(false);
    expect(r.checks.wal?.detail).toMatch(/^WAL \d+ MB \(at most 0 MB\)$/);
  });

  test('when the checkpoint worker stopped, then it is not ready', () => {
    const r = readinessOn({ alive: false });
    expect(r.checks.checkpointer).toEqual({ ok: false, detail: 'the worker stopped' });
  });

  test('when no read worker runs, then it is not ready (console pages and Open311 would wait)', () => {
    expect(readinessOn({ workers: 1 }).checks.reads).toEqual({
      ok: true,
      detail: '1 of 2 read workers running, 3 reads waiting',
    });
    const r = readinessOn({ workers: 0 });
    expect(r.ready).toBe(false);
    expect(r.checks.reads?.ok).toBe(false);
  });

  test('when SMS have been failing for 15 minutes or less, then it is ready; longer, not', () => {
    const failing = (since: number): DispatcherHealth => ({
      state: 'open',
      failingSince: since,
      reason: 'HTTP 503',
      lastSentAt: null,
    });
    expect(readinessOn({ health: failing(T0 - 15 * MINUTE) }).ready).toBe(true);
    const r = readinessOn({ health: failing(T0 - 16 * MINUTE) });
    expect(r.ready).toBe(false);
    expect(r.checks.sms).toEqual({ ok: false, detail: 'failing for 16 min (open): HTTP 503' });
  });
});
