/**
 * Background WAL checkpoints (db/checkpointer.ts): while the worker runs, the server's connection
 * never checkpoints on commit, and the worker moves the WAL into the database file; when it stops
 * or fails, checkpoints on commit come back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startCheckpointer } from '../../db/checkpointer';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES, type Db } from '../../db/client';

let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-checkpoint-'));
  file = path.join(dir, 'kero.db');
  db = openDatabase(file);
});
afterEach(() => {
  if (db.$client.open) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const autoCheckpoint = () => db.$client.pragma('wal_autocheckpoint', { simple: true });
const size = (f: string) => fs.statSync(f).size;

async function until(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}

describe('background checkpoints', () => {
  test('when the worker runs, then commits do not checkpoint and the worker moves the WAL into the database file', async () => {
    const before = size(file);
    expect(size(`${file}-wal`)).toBeGreaterThan(0);

    const checkpointer = startCheckpointer(db, file, {
      intervalMs: 20,
      logger: pino({ level: 'silent' }),
    });
    expect(autoCheckpoint()).toBe(0);
    const moved = await until(() => size(file) > before);
    await checkpointer.stop();

    expect(moved).toBe(true);
    expect(autoCheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
    const regions = db.$client.prepare('SELECT count(*) AS n FROM regions').get() as { n: number };
    expect(regions.n).toBe(31);
  });

  test('when the worker cannot open the database, then it is logged and commits checkpoint again', async () => {
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });

    startCheckpointer(db, path.join(dir, 'missing.db'), { intervalMs: 20, logger });

    expect(await until(() => autoCheckpoint() === WAL_AUTOCHECKPOINT_PAGES)).toBe(true);
    expect(errors.join('')).toMatch(/checkpoint worker/);
  });
});
