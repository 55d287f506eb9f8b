/**
 * `kero restore <file> [--force]`: replaces the database with a verified backup while no server
 * uses it. The backup is copied beside the database and synced first; the current database is
 * checkpointed and kept as `<db>.before-restore-YYYYMMDD-HHMMSS` (UTC); then the copy takes its
 * name. The next server start migrates the restored database as usual.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncPath, messageOf, removeDatabaseFiles, verifyBackup } from '../../ops/backup';
import { utcStamp } from '../../ops/backup-schedule';
import { acquireServerLock } from '../../ops/server-lock';
import { parseCommandArgs, reportErrors, type CliBase } from './args';
import { describeBackupCheck } from './backup-command';

/** A free name for the current database beside it (two restores within a second get -2, -3…). */
function asideName(target: string, now: number): string {
  const base = `${target}.before-restore-${utcStamp(now)}`;
  let name = base;
  for (let n = 2; existsSync(name) || existsSync(`${name}-wal`); n += 1) name = `${base}-${n}`;
  return name;
}

/**
 * Moves the current database to `aside`. Its WAL is first checkpointed into it, so one file
 * holds everything; if that fails (damaged file, another process reading), nothing moves unless
 * `force`, which moves the -wal and -shm along under matching names. Returns a problem or null.
 */
function setAside(target: string, aside: string, force: boolean): string | null {
  let problem: string | null = null;
  try {
    const current = new Database(target, { fileMustExist: true });
    try {
      const [result] = current.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result && result.busy !== 0) problem = 'another process has it open';
    } finally {
      current.close();
    }
  } catch (err) {
    problem = messageOf(err);
  }
  if (problem !== null && !force) {
    return `cannot checkpoint the current database ${target} (${problem}); --force sets it aside as it is`;
  }
  const sidecars = problem === null ? 'delete' : 'keep';
  renameSync(target, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (!existsSync(`${target}${suffix}`)) continue;
    if (sidecars === 'keep') renameSync(`${target}${suffix}`, `${aside}${suffix}`);
    else rmSync(`${target}${suffix}`, { force: true });
  }
  return null;
}

/** Copies `file` beside `target` and syncs it; then swaps it in. Returns the aside name, if any. */
function swapIn(file: string, target: string, now: number, force: boolean) {
  const restoring = `${target}.restoring`;
  const folder = path.dirname(path.resolve(target));
  mkdirSync(folder, { recursive: true });
  removeDatabaseFiles(restoring);
  try {
    copyFileSync(file, restoring);
    fsyncPath(restoring, 'r+');
    const aside = existsSync(target) ? asideName(target, now) : undefined;
    const problem = aside === undefined ? null : setAside(target, aside, force);
    if (problem !== null) return { ok: false as const, problem };
    renameSync(restoring, target);
    fsyncPath(folder, 'r');
    return { ok: true as const, aside };
  } finally {
    removeDatabaseFiles(restoring);
  }
}

/** Restores DATABASE_PATH from a backup; exit 1 with one `error:` line, changing nothing, on refusal. */
export function runRestoreCommand(ctx: CliBase, args: string[]): number {
  const parsed = parseCommandArgs(
    args,
    { force: { type: 'boolean' } },
    { min: 1, max: 1, names: 'the backup file: kero restore <file>' },
  );
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const file = parsed.value.positionals[0] ?? '';
  const force = parsed.value.values.force ?? false;
  const target = ctx.config.DATABASE_PATH;
  if (target === ':memory:') return reportErrors(ctx.io, ['DATABASE_PATH is :memory:']);
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
    return reportErrors(ctx.io, [
      `${file} has a -wal file beside it: open it once with sqlite3 to checkpoint, then restore`,
    ]);
  }
  const check = verifyBackup(file);
  if (!check.ok) return reportErrors(ctx.io, [`${file} is not a usable backup: ${check.problem}`]);
  // Held while the files move, so a server starting meanwhile refuses instead of opening them.
  const lock = acquireServerLock(target, new Date(ctx.now));
  if (!lock.ok) {
    const { pid } = lock.holder;
    return reportErrors(ctx.io, [
      `a Kero server (pid ${pid}) is using ${target}: stop it, then restore (lock ${lock.lockFile})`,
    ]);
  }
  try {
    const swapped = swapIn(file, target, ctx.now, force);
    if (!swapped.ok) return reportErrors(ctx.io, [swapped.problem]);
    ctx.io.out(`Backup ${file}: ${describeBackupCheck(check)}`);
    if (swapped.aside) ctx.io.out(`The previous database is kept as ${swapped.aside}`);
    ctx.io.out(`Restored ${file} to ${target}. The next server start migrates it as usual.`);
    return 0;
  } catch (err) {
    return reportErrors(ctx.io, [`restore failed: ${messageOf(err)}`]);
  } finally {
    lock.release();
  }
}
