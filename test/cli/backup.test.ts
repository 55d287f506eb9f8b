/**
 * `kero backup` as a child process against a database file: the copy, --verify, --force, and the
 * one-line errors.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { verifyBackup } from '../../src/ops/backup';
import {
  CLI_TIMEOUT,
  query,
  seedComplaint,
  seedStaff,
  tempDatabase,
  type TempDatabase,
} from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

const FILED_AT = Date.UTC(2026, 2, 12, 6, 0, 0);

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
  t.use((db) => {
    seedStaff(db, { name: 'Asha Mushi', phone: '0712345678', role: 'officer', region: 'ARU' });
    for (let seed = 1; seed <= 3; seed += 1) {
      seedComplaint(db, { seed, councilCode: 'ARU-ARC', now: FILED_AT + seed * 60_000 });
    }
  });
});
afterAll(() => t.remove());

const outbox = () => query<{ n: number }>(t, 'SELECT count(*) AS n FROM sms_outbox')[0]?.n;

test('when backup runs with --verify, then the copy is written, checked and described', () => {
  const file = path.join(t.dir, 'verified.db');

  const run = t.run(['backup', file, '--verify']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const [written, verified, ...rest] = run.stdout.split('\n');
  const shown = /^Backup written: (.+) \((\d+) bytes, \d+ ms\)$/.exec(written ?? '');
  expect(shown?.slice(1)).toEqual([file, String(statSync(file).size)]);
  expect(verified).toBe(
    `Verified: integrity_check ok; 3 complaints, 1 staff, ${outbox()} SMS in the outbox; ` +
      'newest complaint filed 2026-03-12 09:03:00 EAT',
  );
  expect(rest).toEqual(['']);
  expect(verifyBackup(file)).toMatchObject({ ok: true, complaints: 3, staff: 1 });
});

test('when the file exists, then backup refuses without --force and replaces it with --force', () => {
  const file = path.join(t.dir, 'taken.db');
  writeFileSync(file, 'keep me');

  const refused = t.run(['backup', file]);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toBe(`error: ${file} already exists (--force replaces it)\n`);
  expect(readFileSync(file, 'utf8')).toBe('keep me');

  const forced = t.run(['backup', file, '--force']);
  expect(forced.code).toBe(0);
  expect(forced.stdout).toMatch(/^Backup written: .*taken\.db \(\d+ bytes, \d+ ms\)\n$/);
  expect(verifyBackup(file)).toMatchObject({ ok: true, complaints: 3 });
});

test('when there is no database, then backup says so and creates nothing', () => {
  const missing = path.join(t.dir, 'nowhere', 'kero.db');
  const file = path.join(t.dir, 'from-nothing.db');

  const run = t.run(['backup', file], { DATABASE_PATH: missing });

  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`error: no database at ${missing}\n`);
  expect(existsSync(missing)).toBe(false);
  expect(existsSync(file)).toBe(false);
});

test.each([
  [[], 'error: missing the backup file: kero backup <file>\n'],
  [['a.db', '--fast'], "error: Unknown option '--fast'\n"],
])('when backup is given %j, then one error line and exit 1', (args, stderr) => {
  const run = t.run(['backup', ...args]);

  expect(run.code).toBe(1);
  expect(run.stderr).toBe(stderr);
});
