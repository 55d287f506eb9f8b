/**
 * Backups of a database file (src/ops/backup.ts): the copy is complete, one self-contained file,
 * never left half-written under its final name; verification reads it back and refuses damage.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../db/client';
import { backupDatabase, verifyBackup } from '../../src/ops/backup';
import { seedComplaint, seedStaff } from '../cli/kero-cli';

const FILED_AT = Date.UTC(2026, 2, 12, 6, 0, 0);

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kero-backup-'));
  db = openDatabase(path.join(dir, 'kero.db'));
  seedStaff(db, { name: 'Asha Mushi', phone: '0712345678', role: 'officer', region: 'ARU' });
  for (let seed = 1; seed <= 3; seed += 1) {
    seedComplaint(db, { seed, councilCode: 'ARU-ARC', now: FILED_AT + seed * 1000 });
  }
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const outboxRows = () => db.$client.prepare('SELECT count(*) FROM sms_outbox').pluck().get();

describe('backupDatabase and verifyBackup', () => {
  test('when a file database is backed up, then the copy verifies with its counts and newest complaint', async () => {
    const file = path.join(dir, 'copy.db');

    const result = await backupDatabase(db, file);

    expect(result.file).toBe(file);
    expect(result.bytes).toBe(statSync(file).size);
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(verifyBackup(file)).toEqual({
      ok: true,
      complaints: 3,
      staff: 1,
      smsOutbox: outboxRows(),
      newestComplaintAt: FILED_AT + 3000,
    });
  });

  test('when the copy is done, then it is one file in rollback-journal mode and nothing partial is left', async () => {
    const file = path.join(dir, 'copy.db');

    await backupDatabase(db, file);
    verifyBackup(file);

    expect(readdirSync(dir).filter((n) => n.startsWith('copy.db'))).toEqual(['copy.db']);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  test('when the destination exists, then it is refused and left as it was, unless overwrite is set', async () => {
    const file = path.join(dir, 'copy.db');
    writeFileSync(file, 'precious');

    await expect(backupDatabase(db, file)).rejects.toThrow(`${file} already exists`);
    expect(verifyBackup(file)).toEqual({ ok: false, problem: 'file is not a database' });

    await backupDatabase(db, file, { overwrite: true });
    expect(verifyBackup(file)).toMatchObject({ ok: true, complaints: 3 });
  });

  test('when the destination is the database itself, then it is refused even with overwrite', async () => {
    await expect(
      backupDatabase(db, path.join(dir, 'kero.db'), { overwrite: true }),
    ).rejects.toThrow('is the database itself');
    expect(db.$client.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(3);
  });

  test('when the copy is aborted, then it rejects and neither the file nor a partial one is left', async () => {
    const file = path.join(dir, 'copy.db');
    const cancel = new AbortController();
    cancel.abort();

    await expect(
      backupDatabase(db, file, { signal: cancel.signal, pagesPerStep: 1 }),
    ).rejects.toThrow('backup cancelled');
    expect(readdirSync(dir).filter((n) => n.startsWith('copy.db'))).toEqual([]);
  });

  test.each([
    ['missing', () => path.join(dir, 'none.db'), 'no such file'],
    [
      'not SQLite',
      () => {
        writeFileSync(path.join(dir, 'text.db'), 'hello '.repeat(1000));
        return path.join(dir, 'text.db');
      },
      'file is not a database',
    ],
    [
      'SQLite but not Kero',
      () => {
        const other = new Database(path.join(dir, 'other.db'));
        other.exec('CREATE TABLE notes (body TEXT)');
        other.close();
        return path.join(dir, 'other.db');
      },
      'not a Kero database (no complaints, staff, sms_outbox table)',
    ],
  ])('when the file is %s, then verification says why', (_, make, problem) => {
    expect(verifyBackup(make())).toEqual({ ok: false, problem });
  });

  test('when an index of the copy no longer matches its table, then integrity_check fails verification', async () => {
    const file = path.join(dir, 'copy.db');
    await backupDatabase(db, file);
    const copy = new Database(file);
    copy.exec('CREATE INDEX probe ON complaints(description)');
    // The index's definition now says another column: every row is missing from it.
    copy.unsafeMode(true);
    copy.pragma('writable_schema = ON');
    copy
      .prepare(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX probe ON complaints(number)' WHERE name = 'probe'",
      )
      .run();
    copy.close();

    expect(verifyBackup(file)).toEqual({
      ok: false,
      problem:
        'integrity_check: row 1 missing from index probe; row 2 missing from index probe; row 3 missing from index probe',
    });
  });

  test('when the copy is garbled on disk, then verification fails instead of throwing', async () => {
    const file = path.join(dir, 'copy.db');
    await backupDatabase(db, file);
    const bytes = readFileSync(file);
    bytes.fill(0xff, 4096 * 2, bytes.length);
    writeFileSync(file, bytes);

    expect(verifyBackup(file)).toEqual({ ok: false, problem: 'database disk image is malformed' });
  });
});
