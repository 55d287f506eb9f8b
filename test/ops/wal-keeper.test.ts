/**
 * Who checkpoints the WAL while the server runs. Without replication, Kero's checkpoint worker
 * (db/checkpointer.ts, tested in test/integration/); with REPLICATION=litestream, nobody on
 * Kero's side: no worker, automatic checkpoints off from the moment the database opens, busy
 * timeout at least Litestream's 5 s, so a WAL written and left idle stays whole for Litestream.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { openDatabase, type Db } from '../../db/client';
import { parseConfig, walCheckpointsOf, type Config } from '../../src/config';
import { startWalKeeper, type WalKeeper } from '../../src/ops/wal-keeper';
import { freePort, tempDir } from '../sim/processes';

const logger = pino({ level: 'silent' });
const temp = tempDir();
let db: Db | undefined;
let keeper: WalKeeper | undefined;

afterEach(async () => {
  await keeper?.stop();
  db?.$client.close();
  keeper = undefined;
  db = undefined;
});
afterAll(() => temp.remove());

async function configFor(file: string, replication: string): Promise<Config> {
  const port = await freePort(); // nothing listens there: Litestream "not answering"
  const parsed = parseConfig({
    DATABASE_PATH: file,
    REPLICATION: replication,
    LITESTREAM_METRICS_URL: `http://127.0.0.1:${port}/metrics`,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}

/** About 4 MB of WAL, then idle. */
function writeBurst(d: Db): void {
  d.$client.exec('CREATE TABLE burst (b BLOB)');
  const insert = d.$client.prepare('INSERT INTO burst VALUES (randomblob(4000))');
  for (let i = 0; i < 1000; i++) insert.run();
}

const walBytes = (file: string) => statSync(`${file}-wal`).size;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('when REPLICATION=litestream, then Kero never checkpoints: no worker, autocheckpoint 0, busy timeout 5 s, the idle WAL stays whole', async () => {
  const file = path.join(temp.dir, 'litestream.db');
  const config = await configFor(file, 'litestream');
  db = openDatabase(file, walCheckpointsOf(config));
  keeper = startWalKeeper(config, db, logger);

  expect(keeper.readiness.checkpointer).toBeUndefined();
  expect(keeper.readiness.replication?.check()).toMatchObject({ ok: true, warn: true });
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  expect(db.$client.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
  writeBurst(db);
  const written = walBytes(file);
  // Without replication the worker truncates a WAL left idle within two of its 1 s intervals
  // (test/integration/checkpointer.test.ts, test/integration/writer-lock.test.ts).
  await sleep(2500);

  expect(written).toBeGreaterThan(4_000_000);
  expect(walBytes(file)).toBe(written);
  // A 4 MB burst synced to disk and a 2.5 s wait: jest's 5 s default is too short on a busy box.
}, 20_000);
