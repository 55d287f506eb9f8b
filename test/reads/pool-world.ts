/**
 * The console's test world on a database file (a read worker cannot open `:memory:`), with two
 * apps over it: `inThread`, whose reads run on the test's own connection as every other test
 * has them, and `pooled`, whose console pages, exports and Open311 answers go through a real
 * read pool (db/read-pool.ts) of worker threads on read-only connections. Both share the
 * connection for writes and the clock; the pool's jobs run at the clock's time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createReadPool, type ReadPool } from '../../db/read-pool';
import { inThreadRunner, type JobRunner } from '../../db/reads';
import { createApp } from '../../src/http/app';
import { readSettings, workerDepsOf } from '../../src/http/read-jobs';
import type { Open311Settings } from '../../src/open311/georeport';
import {
  askCode,
  lastCodeTo,
  openConsoleWorld,
  typeCode,
  type ConsoleWorld,
} from '../console/world';
import { slowReadJobs } from './slow-jobs';

export const OPEN311: Open311Settings = {
  descriptions: false,
  // The next-page links name it, not the test server's port.
  publicUrl: 'https://kero.example.go.tz',
  policy: { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: new Set() },
};

export interface PoolWorld extends ConsoleWorld {
  dbFile: string;
  pool: ReadPool;
  /** Reads on this thread (the default of every other test). */
  inThread: Express;
  /** Reads through the pool. */
  pooled: Express;
  /** An app whose reads run on this thread with the same slow jobs as the pool's. */
  appWith(reads: JobRunner): Express;
  slowHere: JobRunner;
  /** The session cookie of `phone`, signed in the way a person does. */
  cookieOf(phone: string): Promise<string>;
  /** Stops the pool, closes the database, removes its folder. */
  stop(): Promise<void>;
}

export interface PoolOptions {
  size?: number;
  queue?: number;
  /** Jobs made artificially slow (ms), e.g. `{ 'console.dashboard': 1500 }`. */
  slow?: Record<string, number>;
}

export function openPoolWorld(o: PoolOptions = {}): PoolWorld {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-reads-'));
  const file = path.join(dir, 'kero.db');
  const w = openConsoleWorld({}, file);
  const logger = pino({ level: 'silent' });
  const settings = { ...readSettings(file, 'silent', w.console, OPEN311), slow: o.slow ?? {} };
  const pool = createReadPool({
    entry: require.resolve('./slow-read-worker'),
    data: settings,
    size: o.size ?? 2,
    queue: o.queue ?? 16,
    logger,
  });
  const appWith = (reads?: JobRunner) =>
    createApp({ ...w.deps, open311: OPEN311, ...(reads ? { reads } : {}) });
  const slowHere = inThreadRunner(slowReadJobs(o.slow ?? {}), workerDepsOf(w.db, settings, logger));
  return {
    ...w,
    dbFile: file,
    pool,
    inThread: appWith(),
    pooled: appWith(pool),
    appWith,
    slowHere,
    async cookieOf(phone) {
      const agent = request.agent(this.pooled);
      await askCode(w, agent, phone);
      const code = lastCodeTo(w, phone);
      if (!code) throw new Error(`no code sent to ${phone}`);
      const done = await typeCode(agent, code);
      const cookies = ([] as string[]).concat(done.headers['set-cookie'] ?? []);
      const session = cookies.find((c) => c.startsWith('kero_session='));
      if (!session) throw new Error(`sign-in of ${phone} failed: ${done.status}`);
      return session.split(';')[0] ?? '';
    },
    async stop() {
      await pool.stop();
      w.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
