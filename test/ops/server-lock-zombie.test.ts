/**
 * The server lock against what kill -9 leaves behind on Linux: a zombie that signal 0 still finds
 * until its parent reaps it, and a pid handed to another process since.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processIdentity } from '../../src/ops/process-identity';
import { acquireServerLock, lockFileOf, serverLockHolder } from '../../src/ops/server-lock';

const ROOT = path.resolve(__dirname, '../..');

let dir: string;
let dbPath: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kero-lock-zombie-'));
  dbPath = path.join(dir, 'kero.db');
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const stateOf = (pid: number) =>
  /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];

/** Resolves with the first stdout line matching `pattern`. */
function lineOf(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    child.once('exit', () => reject(new Error(`exited before ${String(pattern)}: ${out}`)));
  });
}

async function untilZombie(pid: number): Promise<void> {
  while (stateOf(pid) !== 'Z') await new Promise((r) => setTimeout(r, 20));
}

test('when the lock holder was killed with -9 and its parent has not reaped it, then the next acquire takes the lock', async () => {
  // The shell starts the holder, then becomes `sleep`, which never waits for its children: the
  // killed holder stays a zombie until the test ends the sleep.
  const holderCmd = `node --import tsx test/ops/lock-holder.ts '${dbPath}'`;
  const parent = spawn('sh', ['-c', `${holderCmd} & exec sleep 600`], { cwd: ROOT });
  children.push(parent);
  const pid = Number((await lineOf(parent, /locked (\d+)\n/))[1]);
  expect(serverLockHolder(dbPath)?.pid).toBe(pid);

  process.kill(pid, 'SIGKILL');
  await untilZombie(pid);
  expect(() => process.kill(pid, 0)).not.toThrow(); // signal 0 alone would call it alive

  const lock = acquireServerLock(dbPath, new Date());
  expect(lock.ok).toBe(true);
  expect(JSON.parse(readFileSync(lockFileOf(dbPath), 'utf8'))).toMatchObject({ pid: process.pid });
  if (lock.ok) lock.release();
}, 60_000);

describe('when the pid in the lock belongs to a live process', () => {
  let pid: number;
  beforeEach(async () => {
    const sleeper = spawn('sh', ['-c', 'echo up; exec sleep 600']);
    children.push(sleeper);
    await lineOf(sleeper, /up\n/);
    pid = sleeper.pid ?? 0;
    mkdirSync(path.dirname(dbPath), { recursive: true });
  });
  const writeLock = (extra: object) =>
    writeFileSync(lockFileOf(dbPath), JSON.stringify({ pid, startedAt: 'earlier', ...extra }));

  test('that started after the lock was taken (a reused pid), then the lock is taken over', () => {
    const identity = processIdentity(pid);
    if (!identity) throw new Error('no /proc identity for a live process');
    writeLock({ bootId: identity.bootId, startTicks: identity.startTicks - 1 });

    expect(serverLockHolder(dbPath)).toBeUndefined();
    expect(acquireServerLock(dbPath, new Date()).ok).toBe(true);
  });

  test('that was started in another boot, then the lock is taken over', () => {
    const identity = processIdentity(pid);
    if (!identity) throw new Error('no /proc identity for a live process');
    writeLock({ bootId: 'another-boot', startTicks: identity.startTicks });

    expect(acquireServerLock(dbPath, new Date()).ok).toBe(true);
  });

  test('that is the very process which took it, then the lock is refused', () => {
    writeLock({ ...processIdentity(pid) });

    const result = acquireServerLock(dbPath, new Date());

    expect(result).toMatchObject({ ok: false, holder: { pid } });
  });

  test('and the lock predates start ticks (no identity), then the lock is refused', () => {
    writeLock({});

    expect(acquireServerLock(dbPath, new Date())).toMatchObject({ ok: false, holder: { pid } });
  });
});
