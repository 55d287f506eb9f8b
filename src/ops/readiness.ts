/**
 * Readiness (GET /readyz): whether this server can do its work now, check by check, so that a
 * load balancer stops sending callers to a server that would fail them and an operator sees
 * which part is broken. Liveness (GET /healthz) is only "the process answers".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client';
import { listJobs, progressOf, type JobProgress } from '../../db/jobs';
import type { DispatcherHealth } from '../sms/dispatcher';

export interface Check {
  ok: boolean;
  /** What is wrong (or what was seen), in words. */
  detail: string;
  /** Something to look at that does not stop the server's work (a replica behind): still ok. */
  warn?: boolean;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, Check>;
  /** The background jobs an upgrade left, and how far each is (they never make it unready). */
  jobs: JobProgress[];
}

export interface ReadinessOptions {
  db: Db;
  /** The database file (':memory:' skips the disk and WAL checks). */
  file: string;
  now: () => number;
  dispatcher?: { health(): DispatcherHealth };
  checkpointer?: { alive(): boolean };
  /** The read workers (db/read-pool.ts): console pages and Open311 need at least one. */
  reads?: { health(): { workers: number; size: number; queued: number } };
  /** REPLICATION=litestream: the replicas' lag (src/ops/replication.ts); never unready. */
  replication?: { check(): Check };
  /** Below this much free space on the database's disk, not ready (default 100 MB). */
  minFreeBytes?: number;
  /** A WAL larger than this means checkpoints are not keeping up (default 256 MB). */
  maxWalBytes?: number;
  /** SMS failing for longer than this: not ready (default 15 min). */
  smsFailingMs?: number;
}

const MB = 1024 * 1024;

/** The message of anything thrown (native addons' errors may come from another realm). */
const messageOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);

/** A write the way a USSD hop writes: one IMMEDIATE transaction, committed (synced) to disk. */
function databaseCheck(db: Db, now: number): Check {
  try {
    if (db.$client.inTransaction) return { ok: true, detail: 'busy in a transaction' };
    const write = db.$client.prepare(
      "INSERT INTO settings (key, value) VALUES ('readyz_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    db.$client.transaction(() => write.run(String(now))).immediate();
    const { n } = db.$client.prepare('SELECT count(*) AS n FROM regions').get() as { n: number };
    return n > 0
      ? { ok: true, detail: 'a write committed' }
      : { ok: false, detail: 'reference data missing (no regions)' };
  } catch (err) {
    return {
      ok: false,
      detail: `a write failed: ${messageOf(err)}`,
    };
  }
}

function diskCheck(file: string, minFree: number): Check {
  try {
    const s = fs.statfsSync(path.dirname(path.resolve(file)));
    const free = s.bavail * s.bsize;
    const detail = `${Math.floor(free / MB)} MB free (needs ${Math.floor(minFree / MB)} MB)`;
    return { ok: free >= minFree, detail };
  } catch (err) {
    return { ok: false, detail: `cannot read free space: ${messageOf(err)}` };
  }
}

function walCheck(file: string, maxBytes: number): Check {
  let size = 0;
  try {
    size = fs.statSync(`${file}-wal`).size;
  } catch {
    // No WAL file yet: nothing written since the last close.
  }
  const detail = `WAL ${Math.round(size / MB)} MB (at most ${Math.round(maxBytes / MB)} MB)`;
  return { ok: size <= maxBytes, detail };
}

function smsCheck(health: DispatcherHealth, now: number, failingMs: number): Check {
  if (health.failingSince === null) return { ok: true, detail: 'sending' };
  const minutes = Math.floor((now - health.failingSince) / 60_000);
  const detail = `failing for ${minutes} min (${health.state}): ${health.reason ?? 'unknown'}`;
  return { ok: now - health.failingSince <= failingMs, detail };
}

/** The jobs' progress; undefined when the database cannot be read (its own check says why). */
function jobsOf(db: Db): JobProgress[] | undefined {
  try {
    return listJobs(db).map(progressOf);
  } catch {
    return undefined;
  }
}

/**
 * Background jobs keep the server ready: USSD, SMS and the console work while they run; only
 * figures that depend on them say they are being prepared.
 */
function jobsCheck(jobs: readonly JobProgress[]): Check {
  const open = jobs.filter((j) => !j.done);
  if (open.length === 0) return { ok: true, detail: 'all finished' };
  return { ok: true, detail: open.map((j) => `${j.name} ${j.percent} %`).join(', ') };
}

/** Builds the readiness check; every call runs every check. */
export function createReadiness(o: ReadinessOptions): () => Readiness {
  const onDisk = o.file !== ':memory:';
  return () => {
    const now = o.now();
    const checks: Record<string, Check> = { database: databaseCheck(o.db, now) };
    if (onDisk) {
      checks.disk = diskCheck(o.file, o.minFreeBytes ?? 100 * MB);
      checks.wal = walCheck(o.file, o.maxWalBytes ?? 256 * MB);
    }
    if (o.checkpointer) {
      const alive = o.checkpointer.alive();
      checks.checkpointer = { ok: alive, detail: alive ? 'running' : 'the worker stopped' };
    }
    if (o.reads) {
      const { workers, size, queued } = o.reads.health();
      const detail = `${workers} of ${size} read workers running, ${queued} reads waiting`;
      checks.reads = { ok: workers > 0, detail };
    }
    if (o.replication) checks.replication = o.replication.check();
    if (o.dispatcher) {
      checks.sms = smsCheck(o.dispatcher.health(), now, o.smsFailingMs ?? 15 * 60_000);
    }
    const jobs = jobsOf(o.db);
    if (jobs) checks.jobs = jobsCheck(jobs);
    return { ready: Object.values(checks).every((c) => c.ok), checks, jobs: jobs ?? [] };
  };
}
