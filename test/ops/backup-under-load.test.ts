/**
 * The promise of a backup: taken while callers keep filing complaints through POST /ussd (the
 * real handler, group commit and a real database file), it holds every complaint whose number
 * was shown to a caller before the backup started, and it opens again as a database.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../db/client';
import { backupDatabase, verifyBackup } from '../../src/ops/backup';
import { loadReferenceData } from '../../src/reference/repository';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone } from '../helpers/at-ussd';
import { chooseLanguage, fileComplaint } from '../helpers/ussd-paths';

jest.setTimeout(30_000);

const FILERS = 6;
/** Numbers shown before the backup starts; enough to fill several pages of each table. */
const FILED_BEFORE = 60;

let dir: string;
let db: Db;
let t: TestApp;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kero-backup-load-'));
  db = openDatabase(path.join(dir, 'kero.db'));
  t = makeTestApp({
    db,
    reference: loadReferenceData(db),
    settings: { dailyComplaintLimit: 1_000_000, draftResumeMinutes: 30 },
  });
});
afterAll(() => {
  t.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The complaint numbers stored in a database file, opened as a server would open it. */
function numbersIn(file: string): Set<string> {
  const restored = openDatabase(file);
  try {
    const rows = restored.$client.prepare('SELECT number FROM complaints').pluck().all();
    return new Set(rows as string[]);
  } finally {
    restored.$client.close();
  }
}

test('when a backup is taken under filing load, then it restores with every complaint filed before it', async () => {
  const shown: string[] = [];
  const unexpected: string[] = [];
  let filing = true;
  const filer = async (i: number) => {
    const phone = atPhone(t.app, { phone: `+2557120000${String(i).padStart(2, '0')}` });
    await chooseLanguage(phone, 'en');
    while (filing) {
      const end = await fileComplaint(phone, { description: `Maji hayatoki ${i}` });
      const number = /Complaint number: (\d{4}) (\d{4})/.exec(end);
      if (number) shown.push(`${number[1]}${number[2]}`);
      else unexpected.push(end);
    }
  };
  const filers = Array.from({ length: FILERS }, (_, i) => filer(i));

  await until(() => shown.length >= FILED_BEFORE);
  const before = [...shown];
  // One page per step: the copy spans many turns of the event loop, and filings go on between.
  const backup = await backupDatabase(db, path.join(dir, 'backup.db'), { pagesPerStep: 1 });
  const during = shown.length - before.length;
  filing = false;
  await Promise.all(filers);

  expect(unexpected).toEqual([]);
  expect(during).toBeGreaterThan(0);
  const check = verifyBackup(backup.file);
  expect(check).toMatchObject({ ok: true });
  expect(check.ok && check.complaints).toBeGreaterThanOrEqual(before.length);
  // A restore puts this file in place and the next start opens it: do the same with a copy.
  const restored = path.join(dir, 'restored.db');
  copyFileSync(backup.file, restored);
  const inBackup = numbersIn(restored);
  expect(before.filter((n) => !inBackup.has(n))).toEqual([]);
  expect(numbersIn(path.join(dir, 'kero.db')).size).toBe(shown.length);
});
