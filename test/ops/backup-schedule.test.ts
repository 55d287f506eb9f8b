/**
 * Scheduled backups (src/ops/backup-schedule.ts) with a short injected interval and a clock that
 * moves an hour per backup: names, retention, logging, errors, stopping.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDatabase, type Db } from '../../db/client';
import { verifyBackup } from '../../src/ops/backup';
import {
  backupFileName,
  startBackupSchedule,
  type BackupSchedule,
} from '../../src/ops/backup-schedule';

const T0 = Date.UTC(2026, 2, 12, 6, 0, 0);
const HOUR = 60 * 60 * 1000;

interface LogLine {
  level: number;
  msg: string;
  file?: string;
  bytes?: number;
  ms?: number;
  pruned?: string[];
}

let dir: string;
let backups: string;
let db: Db;
let lines: LogLine[];
let schedule: BackupSchedule | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kero-schedule-'));
  backups = path.join(dir, 'backups');
  db = openDatabase(path.join(dir, 'kero.db'));
  lines = [];
  schedule = undefined;
});
afterEach(async () => {
  await schedule?.stop();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const logger = () =>
  pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );

/** A clock that reads T0, T0 + 1 h, T0 + 2 h… one step per backup named. */
function hourlyClock(): () => number {
  let calls = 0;
  return () => T0 + HOUR * calls++;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const written = () => lines.filter((l) => l.msg === 'backup written');
const listed = () => readdirSync(backups).sort();

test('when a moment is named, then it is kero-YYYYMMDD-HHMMSS.db in UTC', () => {
  expect(backupFileName(Date.UTC(2026, 11, 31, 21, 5, 9))).toBe('kero-20261231-210509.db');
});

test('when five backups have run with keep 3, then the newest three remain and other files are left alone', async () => {
  mkdirSync(backups);
  writeFileSync(path.join(backups, 'notes.txt'), 'mine');
  writeFileSync(path.join(backups, 'kero-before-upgrade.db'), 'mine too');
  writeFileSync(path.join(backups, 'kero-20200101-000000.db.partial'), 'left by a crash');

  schedule = startBackupSchedule({
    db,
    dir: backups,
    everyHours: 24,
    keep: 3,
    logger: logger(),
    now: hourlyClock(),
    intervalMs: 20,
  });
  await until(() => written().length >= 5);
  await schedule.stop();

  expect(listed()).toEqual([
    'kero-20260312-080000.db',
    'kero-20260312-090000.db',
    'kero-20260312-100000.db',
    'kero-before-upgrade.db',
    'notes.txt',
  ]);
  expect(verifyBackup(path.join(backups, 'kero-20260312-100000.db'))).toMatchObject({ ok: true });
  const fifth = written()[4];
  expect(fifth).toMatchObject({
    level: 30,
    file: path.join(backups, 'kero-20260312-100000.db'),
    pruned: ['kero-20260312-070000.db'],
  });
  expect(fifth?.bytes).toBeGreaterThan(100_000);
  expect(fifth?.ms).toBeGreaterThanOrEqual(0);
  expect(written()[0]?.pruned).toEqual(['kero-20200101-000000.db.partial']);
});

test('when the schedule starts, then the first backup waits one interval', async () => {
  schedule = startBackupSchedule({
    db,
    dir: backups,
    everyHours: 24,
    keep: 3,
    logger: logger(),
    now: hourlyClock(),
    intervalMs: 300,
  });

  await new Promise((r) => setTimeout(r, 100));
  expect(written()).toEqual([]);
  await until(() => written().length === 1);
  expect(listed()).toEqual(['kero-20260312-060000.db']);
});

test('when the backup folder cannot be created, then each failure is logged and the schedule goes on', async () => {
  writeFileSync(backups, 'a file where the folder should be');

  schedule = startBackupSchedule({
    db,
    dir: backups,
    everyHours: 24,
    keep: 3,
    logger: logger(),
    now: hourlyClock(),
    intervalMs: 10,
  });
  await until(() => lines.filter((l) => l.msg === 'backup failed').length >= 2);

  expect(lines.find((l) => l.msg === 'backup failed')).toMatchObject({
    level: 50,
    file: path.join(backups, 'kero-20260312-060000.db'),
  });
  expect(written()).toEqual([]);
});

test('when stopped, then no further backup is written and no partial file is left', async () => {
  schedule = startBackupSchedule({
    db,
    dir: backups,
    everyHours: 24,
    keep: 10,
    logger: logger(),
    now: hourlyClock(),
    intervalMs: 5,
  });
  await until(() => written().length >= 1);

  await schedule.stop();
  const after = listed();
  await new Promise((r) => setTimeout(r, 100));

  expect(listed()).toEqual(after);
  expect(after.every((name) => /^kero-\d{8}-\d{6}\.db$/.test(name))).toBe(true);
  expect(after.length).toBeGreaterThanOrEqual(1);
});
