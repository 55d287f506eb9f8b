/**
 * `kero restore` as a child process: the database is replaced by a verified backup and the old
 * one kept aside; a database in use, a damaged or foreign backup are refused with nothing changed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/client';
import { backupDatabase } from '../../src/ops/backup';
import { tanzanianDateTime } from '../../src/text/calendar';
import {
  complaintNumber,
  CLI_TIMEOUT,
  seedComplaint,
  tempDatabase,
  type TempDatabase,
} from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
let backup: string;
beforeEach(async () => {
  t = tempDatabase();
  backup = path.join(t.dir, 'backup.db');
  const db = openDatabase(t.file);
  try {
    for (const seed of [1, 2]) seedComplaint(db, { seed, councilCode: 'ARU-ARC' });
    await backupDatabase(db, backup);
    // Filed after the backup: the restore takes the database back to before it.
    seedComplaint(db, { seed: 3, councilCode: 'ARU-ARC' });
  } finally {
    db.$client.close();
  }
});
afterEach(() => t.remove());

const numbersIn = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare('SELECT number FROM complaints ORDER BY number').pluck().all();
  } finally {
    sqlite.close();
  }
};
const outboxIn = (file: string) => readOne(file, 'SELECT count(*) FROM sms_outbox') as number;
const newestIn = (file: string) =>
  readOne(file, 'SELECT max(created_at) FROM complaints') as number;

function readOne(file: string, sqlText: string): unknown {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare(sqlText).pluck().get();
  } finally {
    sqlite.close();
  }
}

const [first, second, third] = [1, 2, 3].map(complaintNumber);

/** Every file in the folder with its bytes: to show that a refusal changed nothing. */
const snapshot = () =>
  Object.fromEntries(
    readdirSync(t.dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(t.dir, name)).toString('base64')]),
  );

test('when no server runs, then the backup replaces the database and the old one is kept aside', () => {
  const run = t.run(['restore', backup]);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const aside = readdirSync(t.dir).filter((n) => n.startsWith('kero.db.before-restore-'));
  expect(aside).toEqual([expect.stringMatching(/^kero\.db\.before-restore-\d{8}-\d{6}$/)]);
  expect(readdirSync(t.dir).sort()).toEqual(['backup.db', 'kero.db', aside[0]]);
  expect(run.stdout.split('\n')).toEqual([
    `Backup ${backup}: integrity_check ok; 2 complaints, 0 staff, ${outboxIn(backup)} SMS in ` +
      `the outbox; newest complaint filed ${tanzanianDateTime(newestIn(backup))}`,
    `The previous database is kept as ${path.join(t.dir, aside[0] ?? '')}`,
    `Restored ${backup} to ${t.file}. The next server start migrates it as usual.`,
    '',
  ]);
  expect(numbersIn(t.file)).toEqual([first, second]);
  expect(numbersIn(path.join(t.dir, aside[0] ?? ''))).toEqual([first, second, third]);
  // The next start opens it as usual: migrations (none pending here) and the seed run again.
  expect(t.use((db) => db.$client.prepare('SELECT count(*) FROM complaints').pluck().get())).toBe(
    2,
  );
});

test('when a live process holds the server lock, then restore names its pid and changes nothing', () => {
  writeFileSync(`${t.file}.lock`, JSON.stringify({ pid: process.pid, startedAt: 'now' }));
  const before = snapshot();

  const run = t.run(['restore', backup]);

  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    `error: a Kero server (pid ${process.pid}) is using ${t.file}: stop it, then restore (lock ${t.file}.lock)\n`,
  );
  expect(snapshot()).toEqual(before);
});

test.each([
  ['is not SQLite', 'notes.db', () => 'hello '.repeat(500), 'file is not a database'],
  [
    'is cut short',
    'half.db',
    () => readFileSync(path.join(t.dir, 'backup.db')).subarray(0, 4096 * 3),
    'database disk image is malformed',
  ],
])(
  'when the backup %s, then restore refuses and the database is untouched',
  (_, name, bytes, problem) => {
    const file = path.join(t.dir, name);
    writeFileSync(file, bytes());
    const before = snapshot();

    const run = t.run(['restore', file]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${file} is not a usable backup: ${problem}\n`);
    expect(snapshot()).toEqual(before);
    expect(numbersIn(t.file)).toEqual([first, second, third]);
  },
);

test('when there is no database yet, then the backup becomes it', () => {
  const fresh = path.join(t.dir, 'new', 'kero.db');

  const run = t.run(['restore', backup], { DATABASE_PATH: fresh });

  expect(run.code).toBe(0);
  expect(run.stdout).not.toContain('kept as');
  expect(numbersIn(fresh)).toEqual([first, second]);
  expect(existsSync(`${fresh}.lock`)).toBe(false);
  expect(existsSync(`${fresh}.restoring`)).toBe(false);
});

test('when the current database is damaged, then restore refuses to move it without --force, and keeps it aside with --force', () => {
  writeFileSync(t.file, 'not a database any more '.repeat(200));
  const before = snapshot();

  const refused = t.run(['restore', backup]);

  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe(
    `error: cannot checkpoint the current database ${t.file} (file is not a database); ` +
      '--force sets it aside as it is\n',
  );
  expect(snapshot()).toEqual(before);

  const forced = t.run(['restore', backup, '--force']);

  expect(forced.code).toBe(0);
  expect(numbersIn(t.file)).toEqual([first, second]);
  const aside = readdirSync(t.dir).filter((n) => n.startsWith('kero.db.before-restore-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(path.join(t.dir, aside[0] ?? ''), 'utf8')).toMatch(
    /^not a database any more/,
  );
});
