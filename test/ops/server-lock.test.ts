/**
 * The server lock (src/ops/server-lock.ts) on real files: taken, refused while its holder lives,
 * taken over from a dead process, released only by its owner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processIdentity } from '../../src/ops/process-identity';
import {
  acquireServerLock,
  isProcessAlive,
  lockFileOf,
  serverLockHolder,
  type LockResult,
} from '../../src/ops/server-lock';

const STARTED = new Date(Date.UTC(2026, 2, 12, 6, 0, 0));

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kero-lock-'));
  dbPath = path.join(dir, 'data', 'kero.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has exited (and been reaped): nothing answers to it any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

const taken = (result: LockResult) => {
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('acquireServerLock', () => {
  test('when no lock exists, then the lock file is created (folder too) naming this process', () => {
    const lock = taken(acquireServerLock(dbPath, STARTED));

    const identity = processIdentity(process.pid);
    expect(identity?.bootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isSafeInteger(identity?.startTicks)).toBe(true);
    expect(JSON.parse(readFileSync(`${dbPath}.lock`, 'utf8'))).toEqual({
      pid: process.pid,
      startedAt: '2026-03-12T06:00:00.000Z',
      ...identity,
    });
    expect(serverLockHolder(dbPath)).toEqual({
      pid: process.pid,
      startedAt: STARTED.toISOString(),
      ...identity,
    });
    lock.release();
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
    expect(serverLockHolder(dbPath)).toBeUndefined();
  });

  test('when a live process holds the lock, then it is refused with the path and that pid, and the lock is untouched', () => {
    const first = taken(acquireServerLock(dbPath, STARTED));
    const before = readFileSync(lockFileOf(dbPath), 'utf8');

    const second = acquireServerLock(dbPath, new Date(STARTED.getTime() + 1000));

    expect(second).toMatchObject({
      ok: false,
      holder: { pid: process.pid, startedAt: '2026-03-12T06:00:00.000Z' },
      lockFile: `${dbPath}.lock`,
    });
    expect(second.ok ? '' : second.message).toContain(`pid ${process.pid}`);
    expect(second.ok ? '' : second.message).toContain(`${dbPath}.lock`);
    expect(readFileSync(lockFileOf(dbPath), 'utf8')).toBe(before);
    first.release();
  });

  test('when the lock names a process that is gone (kill -9), then it is taken over', () => {
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    mkdirSync(path.dirname(dbPath), { recursive: true });
    writeFileSync(lockFileOf(dbPath), JSON.stringify({ pid, startedAt: 'yesterday' }));
    expect(serverLockHolder(dbPath)).toBeUndefined();

    const lock = taken(acquireServerLock(dbPath, STARTED));

    expect(JSON.parse(readFileSync(lockFileOf(dbPath), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    lock.release();
  });

  test('when the lock file holds no pid at all, then it is treated as stale and taken over', () => {
    mkdirSync(path.dirname(dbPath), { recursive: true });
    writeFileSync(lockFileOf(dbPath), 'not json');

    expect(serverLockHolder(dbPath)).toBeUndefined();
    expect(acquireServerLock(dbPath, STARTED).ok).toBe(true);
  });

  test('when another process has taken the lock over, then releasing the old one leaves it alone', () => {
    const lock = taken(acquireServerLock(dbPath, STARTED));
    const theirs = JSON.stringify({ pid: process.ppid, startedAt: 'later' });
    writeFileSync(lockFileOf(dbPath), theirs);

    lock.release();
    lock.release();

    expect(readFileSync(lockFileOf(dbPath), 'utf8')).toBe(theirs);
  });

  test('when the database is :memory:, then there is no lock file and no holder', () => {
    const lock = taken(acquireServerLock(':memory:', STARTED));

    expect(taken(acquireServerLock(':memory:', STARTED)).ok).toBe(true);
    expect(serverLockHolder(':memory:')).toBeUndefined();
    expect(existsSync(':memory:.lock')).toBe(false);
    lock.release();
  });
});
