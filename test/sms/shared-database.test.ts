/**
 * Two dispatchers, each with its own connection to ONE SQLite file, draining at the same time
 * against the fake AT server: every row is claimed by exactly one of them and sent exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../db/client';
import { createDispatcher } from '../../src/sms/dispatcher';
import { atReply, startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { testClock, T0 } from '../helpers/app';
import { allRows, atGatewayFor, queueMessages, silent } from './support';

let fake: FakeAtServer;
let dir: string;
let dbs: Db[] = [];
beforeAll(async () => {
  fake = await startFakeAtServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-outbox-'));
});
afterEach(() => {
  for (const db of dbs) db.$client.close();
  dbs = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

test('when two dispatchers drain one database file together, then every row is sent exactly once', async () => {
  const file = path.join(dir, 'kero.db');
  dbs = [openDatabase(file), openDatabase(file)];
  const [one, two] = dbs as [Db, Db];
  const N = 120;
  queueMessages(one, N, T0);
  // A little latency so that both dispatchers have sends in flight at the same time.
  fake.reply((req) => ({ ...atReply.sent(req), delayMs: 2 }));
  const clock = testClock(T0 + 1_000);
  const dispatcherOn = (db: Db) =>
    createDispatcher({
      db,
      gateway: atGatewayFor(fake),
      now: clock.now,
      random: () => 0.5,
      logger: silent,
      concurrency: 5,
      maxAttempts: 3,
      leaseMs: 60_000,
    });

  const [a, b] = await Promise.all([dispatcherOn(one).drainOnce(), dispatcherOn(two).drainOnce()]);

  expect(a.sent + b.sent).toBe(N);
  expect(a.sent).toBeGreaterThan(0);
  expect(b.sent).toBeGreaterThan(0);
  const counts = fake.countByMessage();
  expect(counts.size).toBe(N);
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  const rows = allRows(two);
  expect(rows.filter((r) => r.status === 'sent' && r.attempts === 1)).toHaveLength(N);
  expect(new Set(rows.map((r) => r.messageId)).size).toBe(N);
}, 30_000);
