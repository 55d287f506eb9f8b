/**
 * One Kero server per database file. The server holds `<database>.lock`, a file naming its process
 * id, from before it opens the database until it exits; a second server on the same file, or a
 * restore, sees a live holder and refuses. A lock left by a server killed with -9 names a process
 * that no longer exists, or a zombie (killed, not yet reaped), or another process that was given
 * the same pid since: the next server takes it over.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processIdentity, processState } from './process-identity';

/** What a lock file holds. */
export interface LockOwner {
  pid: number;
  /** When the holder took the lock (ISO 8601), so that a reused pid can be told apart by hand. */
  startedAt: string;
  /** The holder's boot and start tick (Linux): a process that reused its pid has another tick. */
  bootId?: string;
  startTicks?: number;
}

export type LockResult =
  | { ok: true; release: () => void }
  | { ok: false; holder: LockOwner; lockFile: string; message: string };

/** Pure. The lock file of a database file: `<dbPath>.lock`. */
export const lockFileOf = (dbPath: string) => `${dbPath}.lock`;

/** Whether a process with this id exists (EPERM: it does, but belongs to another user). */
function signalZeroAnswers(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process a lock names still runs: it exists, is not a zombie (signal 0 succeeds on
 * a killed process its parent has not reaped yet, for seconds after a kill -9) and, when the lock
 * recorded its boot and start tick, is that same process and not a later one given its pid.
 */
export function isProcessAlive(
  pid: number,
  owner?: Pick<LockOwner, 'bootId' | 'startTicks'>,
): boolean {
  const state = processState(pid);
  if (state.kind === 'zombie') return false;
  if (state.kind === 'unknown') return signalZeroAnswers(pid);
  if (owner?.bootId === undefined || owner.startTicks === undefined) return true;
  const now = processIdentity(pid);
  return now === undefined || (now.bootId === owner.bootId && now.startTicks === owner.startTicks);
}

const holderAlive = (owner: LockOwner) => isProcessAlive(owner.pid, owner);

function readOwner(lockFile: string): { text: string; owner: LockOwner | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    return { text, owner: ownerOf(parsed) };
  } catch {
    return { text, owner: undefined };
  }
}

/** A lock's owner from its parsed JSON, or undefined when it names no valid pid. */
function ownerOf({
  pid,
  startedAt,
  bootId,
  startTicks,
}: Partial<LockOwner>): LockOwner | undefined {
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const identified = typeof bootId === 'string' && Number.isSafeInteger(startTicks);
  return { pid, startedAt: String(startedAt), ...(identified ? { bootId, startTicks } : {}) };
}

/**
 * Creates the lock file with its whole content at once: written under a private name, then
 * hard-linked to the lock name, which fails if that name exists (like open's 'wx' flag, but a
 * reader never sees a lock file that is still empty).
 */
function tryCreate(lockFile: string, text: string): boolean {
  const temp = `${lockFile}.${process.pid}.tmp`;
  try {
    // Inside the try: a write that fails (a full disk) must not leave the temp file behind.
    writeFileSync(temp, text, { flag: 'w' });
    linkSync(temp, lockFile);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Takes the lock of `dbPath` for this process (creating the database's folder if needed), or says
 * which live process holds it. A lock naming a dead process (or no process) is taken over. No lock
 * for ':memory:'. The release function removes the file only while it is still ours; it may be
 * called more than once.
 */
export function acquireServerLock(dbPath: string, startedAt: Date): LockResult {
  if (dbPath === ':memory:') return { ok: true, release: () => undefined };
  const lockFile = lockFileOf(dbPath);
  mkdirSync(path.dirname(path.resolve(lockFile)), { recursive: true });
  const mine: LockOwner = {
    pid: process.pid,
    startedAt: startedAt.toISOString(),
    ...processIdentity(process.pid),
  };
  const text = `${JSON.stringify(mine)}\n`;
  // Twice at most: the second try follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(lockFile, text))
      return { ok: true, release: () => releaseIfMine(lockFile, text) };
    const found = readOwner(lockFile);
    if (found?.owner && holderAlive(found.owner)) {
      return {
        ok: false,
        holder: found.owner,
        lockFile,
        message: heldMessage(lockFile, found.owner),
      };
    }
    // Stale: remove it only if it is still the stale one we read (another starter may have won).
    if (found && readOwner(lockFile)?.text === found.text) rmSync(lockFile, { force: true });
  }
  const holder = readOwner(lockFile)?.owner ?? { pid: 0, startedAt: 'unknown' };
  return { ok: false, holder, lockFile, message: heldMessage(lockFile, holder) };
}

function heldMessage(lockFile: string, owner: LockOwner): string {
  return (
    `the database is in use by another Kero server (pid ${owner.pid}, since ${owner.startedAt}; ` +
    `lock ${lockFile}). If no such server runs, delete the lock file.`
  );
}

function releaseIfMine(lockFile: string, text: string): void {
  try {
    if (readFileSync(lockFile, 'utf8') === text) unlinkSync(lockFile);
  } catch {
    // Gone already, or unreadable: nothing of ours to remove.
  }
}

/** The live process holding the lock of `dbPath`, if any: undefined for no lock or a stale one. */
export function serverLockHolder(dbPath: string): LockOwner | undefined {
  if (dbPath === ':memory:') return undefined;
  const owner = readOwner(lockFileOf(dbPath))?.owner;
  return owner && holderAlive(owner) ? owner : undefined;
}
