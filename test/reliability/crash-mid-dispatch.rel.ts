/**
 * A crash mid-dispatch: ROWS messages queued in sms_outbox (inserted through SQLite while no server
 * runs), the server sending them through the real SDK to a fake AT that takes AT_DELAY_MS per
 * message, so that SMS_CONCURRENCY sends are in flight at any moment; SIGKILL to the server's
 * process group halfway; a restart on the same file. Delivery is at least once: a message AT
 * accepted whose outcome the dead process had not recorded goes again, so there may be duplicates,
 * but never more than the sends in flight at the kill, and never a message lost or failed.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { phone } from '../../bench/load';
import { tempDir } from '../sim/processes';
import { outboxByStatus, query } from './db';
import { printFigures } from './figures';
import { killAllServers, sleep, startServer } from './server';
import { spawnSwitchableFakeAt, type SwitchableFakeAt } from './switchable-fake-at';

const ROWS = 300;
const CONCURRENCY = 10;
const AT_DELAY_MS = 300;
/** Kill once AT has accepted this many (about a third of the queue). */
const KILL_AFTER_ACCEPTED = 100;

const bodyOf = (i: number) => `Kero reliability test: message ${i + 1} of ${ROWS}`;

function queueMessages(dbFile: string, now: number): void {
  const db = new Database(dbFile);
  try {
    const insert = db.prepare(
      `INSERT INTO sms_outbox (to_phone, body, template, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, 'test.reliability', 'queued', 0, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(phone(60_000_000 + i), bodyOf(i), now, now);
    })();
  } finally {
    db.close();
  }
}

interface ClaimRow {
  id: number;
  attempts: number;
}

describe('a crash mid-dispatch', () => {
  const temp = tempDir();
  const dbFile = path.join(temp.dir, 'kero.db');
  const logFile = path.join(temp.dir, 'server.log');
  let fake: SwitchableFakeAt | undefined;

  afterAll(async () => {
    await killAllServers();
    await fake?.close();
    temp.remove();
  });

  test('when the server is killed -9 while sending, then every message is sent, duplicates bounded', async () => {
    // A first start creates and migrates the database; a clean stop leaves no WAL behind.
    const first = await startServer({ dbFile, logFile });
    expect((await first.stop()).code).toBe(0);
    queueMessages(dbFile, Date.now());

    fake = await spawnSwitchableFakeAt();
    await fake.delay(AT_DELAY_MS);
    const env = {
      AT_API_KEY: 'fake-key',
      AT_USERNAME: 'kero-test',
      AT_API_BASE_URL: fake.url,
      SMS_CONCURRENCY: String(CONCURRENCY),
      SMS_DISPATCH_INTERVAL_SECONDS: '1',
    };
    const sender = await startServer({ dbFile, logFile, env });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await fake.counts()).acceptedAt.length < KILL_AFTER_ACCEPTED) {
      await sleep(50);
    }
    await sender.kill9();
    const atKill = await fake.counts();
    const acceptedAtKill = atKill.acceptedAt.length;
    const statusAtKill = outboxByStatus(dbFile);
    const claimedAtKill = query<ClaimRow>(
      dbFile,
      "SELECT id, attempts FROM sms_outbox WHERE status = 'sending'",
    );

    const restartedAt = Date.now();
    const restarted = await startServer({ dbFile, logFile, env });
    const healthyMs = Date.now() - restartedAt;
    // The claims the dead process held were given back at start, before the first request:
    // none of them is still 'sending' under its old claim (its lease would hold it ~50 s).
    const stillHeld = query<ClaimRow>(
      dbFile,
      "SELECT id, attempts FROM sms_outbox WHERE status = 'sending'",
    ).filter((r) => claimedAtKill.some((c) => c.id === r.id && c.attempts === r.attempts));

    let byStatus = outboxByStatus(dbFile);
    const drainDeadline = Date.now() + 60_000;
    while (Date.now() < drainDeadline && (byStatus.sent ?? 0) + (byStatus.failed ?? 0) < ROWS) {
      await sleep(100);
      byStatus = outboxByStatus(dbFile);
    }
    const allSentMs = Date.now() - restartedAt;
    const counts = await fake.counts();
    const duplicates = Object.values(counts.accepted).filter((n) => n > 1).length;
    const released = /"released":(\d+)/.exec(restarted.log())?.[1] ?? '?';
    // AT took these before the kill, but the dead process never recorded them as sent.
    const unrecordedAtKill = acceptedAtKill - (statusAtKill.sent ?? 0);

    printFigures('crash mid-dispatch', {
      rows: ROWS,
      'AT delay ms': AT_DELAY_MS,
      SMS_CONCURRENCY: CONCURRENCY,
      'sent before the kill (db)': statusAtKill.sent ?? 0,
      'accepted by AT before the kill': acceptedAtKill,
      'in flight at the kill (sending rows)': claimedAtKill.length,
      'released at restart (log)': released,
      duplicates,
      'restart to healthy ms': healthyMs,
      'restart to all sent ms': allSentMs,
    });

    expect(acceptedAtKill).toBeLessThan(ROWS);
    expect(claimedAtKill.length).toBeGreaterThan(0);
    expect(claimedAtKill.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(stillHeld).toEqual([]);
    expect(byStatus).toEqual({ sent: ROWS });
    const bodies = query<{ body: string }>(dbFile, 'SELECT body FROM sms_outbox').map(
      (r) => r.body,
    );
    expect(bodies.filter((b) => (counts.accepted[b] ?? 0) < 1)).toEqual([]);
    expect(Object.keys(counts.accepted).length).toBe(ROWS);
    expect(duplicates).toBe(unrecordedAtKill);
    expect(duplicates).toBeLessThanOrEqual(claimedAtKill.length);
  }, 180_000);
});
