/**
 * `kero backup <file> [--verify] [--force]`: a consistent copy of the database taken while the
 * server keeps running (SQLite's online backup API), checked afterwards with --verify.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  ALL_PAGES,
  backupDatabase,
  messageOf,
  verifyBackup,
  type BackupCheck,
} from '../../ops/backup';
import { tanzanianDateTime } from '../../text/calendar';
import { parseCommandArgs, reportErrors, type CliBase } from './args';

/** One line on a verified backup: the integrity answer, the row counts, the newest complaint. */
export function describeBackupCheck(check: Extract<BackupCheck, { ok: true }>): string {
  const newest =
    check.newestComplaintAt === null
      ? 'no complaints'
      : `newest complaint filed ${tanzanianDateTime(check.newestComplaintAt)}`;
  return (
    `integrity_check ok; ${check.complaints} complaints, ${check.staff} staff, ` +
    `${check.smsOutbox} SMS in the outbox; ${newest}`
  );
}

/** Copies DATABASE_PATH to the file given; exit 1 with one `error:` line on any failure. */
export async function runBackupCommand(ctx: CliBase, args: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { verify: { type: 'boolean' }, force: { type: 'boolean' } },
    { min: 1, max: 1, names: 'the backup file: kero backup <file>' },
  );
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const file = parsed.value.positionals[0] ?? '';
  const { verify = false, force = false } = parsed.value.values;
  const source = ctx.config.DATABASE_PATH;
  if (source === ':memory:') return reportErrors(ctx.io, ['DATABASE_PATH is :memory:']);
  if (!existsSync(source)) return reportErrors(ctx.io, [`no database at ${source}`]);
  if (!force && existsSync(file)) {
    return reportErrors(ctx.io, [`${file} already exists (--force replaces it)`]);
  }
  let sqlite: Database.Database;
  try {
    // Read-only: the backup only reads; WAL lets the server go on writing meanwhile.
    sqlite = new Database(source, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    return reportErrors(ctx.io, [`cannot open the database ${source}: ${messageOf(err)}`]);
  }
  try {
    const done = await backupDatabase({ $client: sqlite }, file, {
      overwrite: force,
      pagesPerStep: ALL_PAGES,
    });
    ctx.io.out(`Backup written: ${done.file} (${done.bytes} bytes, ${done.ms} ms)`);
  } catch (err) {
    return reportErrors(ctx.io, [`backup of ${source} failed: ${messageOf(err)}`]);
  } finally {
    sqlite.close();
  }
  if (!verify) return 0;
  const check = verifyBackup(file);
  if (!check.ok) return reportErrors(ctx.io, [`${file} failed verification: ${check.problem}`]);
  ctx.io.out(`Verified: ${describeBackupCheck(check)}`);
  return 0;
}
