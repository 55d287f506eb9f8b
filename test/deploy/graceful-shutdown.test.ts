/**
 * Graceful shutdown under load: the real server (src/main.ts through `node --import tsx`, one
 * process) on a temporary database, complaints filed over 8 keep-alive connections, SMS sent to a
 * fake AT that takes 300 ms per message, SIGTERM in the middle of both.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { cumulativeTexts, phone, ussdBody } from '../../bench/load';
import { atReply, startFakeAtServer, type FakeAtServer } from '../fakes/fake-at-server';
import { ROOT, tempDir } from '../sim/processes';
import { startNodeServer, USSD_PATH, type Exit, type ServerChild } from './server-process';
import { WireConnection, type Sent } from './wire-client';

const CONNECTIONS = 8;
const SIGNAL_AFTER_FILINGS = 40;
const AT_DELAY_MS = 300;
// prettier-ignore
const TEXTS = cumulativeTexts(['1', '1', '1', '1', '3', 'Olasiti', 'Maji hayatoki tangu wiki iliyopita', '1', '1']);
const NUMBER = /(\d{4}) (\d{4})/;
/** The load stops by itself after this long even if the server never stops answering. */
const LOAD_LIMIT_MS = 20_000;

interface Load {
  sent: Sent[];
  numbers: string[];
  /** performance.now() just before SIGTERM; Infinity until then. */
  signalAt: number;
  /** Times the fake AT received a message. */
  smsReceivedAt: number[];
}

/** Files complaints, session after session, until a request is not answered with CON/END. */
async function fileUntilStopped(conn: WireConnection, load: Load, next: () => number) {
  const deadline = performance.now() + LOAD_LIMIT_MS;
  while (performance.now() < deadline) {
    const n = next();
    for (const [hop, text] of TEXTS.entries()) {
      const sent = await conn.post(ussdBody(`ATUid_stop_${n}`, phone(30_000_000 + n), text));
      load.sent.push(sent);
      const o = sent.outcome;
      if (o.kind !== 'answered' || o.status !== 200 || !/^(CON|END) /.test(o.text)) return;
      const match = NUMBER.exec(o.text);
      if (hop === TEXTS.length - 1 && match) load.numbers.push(`${match[1]}${match[2]}`);
    }
  }
}

/** SIGTERM once enough complaints were filed, at the moment an SMS reaches the fake AT. */
function signalWhileSending(fake: FakeAtServer, server: ServerChild, load: Load): void {
  fake.reply((req) => {
    load.smsReceivedAt.push(performance.now());
    if (load.numbers.length >= SIGNAL_AFTER_FILINGS && load.signalAt === Infinity) {
      load.signalAt = performance.now();
      server.child.kill('SIGTERM');
    }
    return { ...atReply.sent(req), delayMs: AT_DELAY_MS };
  });
}

async function exitWithin(server: ServerChild, ms: number): Promise<Exit | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'still running'>((r) => {
    timer = setTimeout(() => r('still running'), ms);
  });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function rows<T>(dbFile: string, sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('graceful shutdown under load', () => {
  const temp = tempDir();
  const dbFile = path.join(temp.dir, 'kero.db');
  const load: Load = { sent: [], numbers: [], signalAt: Infinity, smsReceivedAt: [] };
  let fake: FakeAtServer;
  let server: ServerChild;
  let exit: Exit | 'still running';

  beforeAll(async () => {
    fake = await startFakeAtServer();
    server = await startNodeServer(['--import', 'tsx', 'src/main.ts'], ROOT, dbFile, {
      AT_API_KEY: 'fake-key',
      AT_API_BASE_URL: fake.url,
      SMS_DISPATCH_INTERVAL_SECONDS: '1',
      SMS_BATCH_SIZE: '20',
      DAILY_COMPLAINT_LIMIT: '1000',
    });
    signalWhileSending(fake, server, load);
    let sessions = 0;
    const conns = Array.from(
      { length: CONNECTIONS },
      () => new WireConnection(server.port, USSD_PATH),
    );
    await Promise.all(conns.map((c) => fileUntilStopped(c, load, () => sessions++)));
    conns.forEach((c) => c.close());
    exit = await exitWithin(server, 15_000);
  }, 40_000);

  afterAll(async () => {
    server?.kill();
    await fake?.close();
    temp.remove();
  });

  const before = () => load.sent.filter((s) => (s.writtenAt ?? Infinity) < load.signalAt);
  const after = () => load.sent.filter((s) => (s.writtenAt ?? Infinity) >= load.signalAt);

  test('when SIGTERM arrives mid-load, then the server exits 0 with its shutdown logged', () => {
    expect(load.signalAt).toBeLessThan(Infinity);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"shutting down"');
    expect(server.output()).toContain('"msg":"stopped"');
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });

  test('when SIGTERM arrives, then every request written before it gets a complete answer', () => {
    const inFlight = before().filter((s) => s.endedAt > load.signalAt);
    expect(inFlight.length).toBeGreaterThan(0);
    const unanswered = before().filter(
      (s) => s.outcome.kind !== 'answered' || s.outcome.status !== 200,
    );
    expect(unanswered).toEqual([]);
  });

  test('when requests come after SIGTERM, then few are still answered, the rest refused', () => {
    const kinds = after().map((s) => s.outcome.kind);
    expect(kinds.filter((k) => k !== 'answered' && k !== 'refused')).toEqual([]);
    // One more answer per connection (with Connection: close), twice over for the moment the
    // server takes to see the signal; new connections are refused.
    expect(kinds.filter((k) => k === 'answered').length).toBeLessThanOrEqual(2 * CONNECTIONS);
    expect(kinds).toContain('refused');
    const answers = load.sent.flatMap((s) => (s.outcome.kind === 'answered' ? [s.outcome] : []));
    expect(answers.filter((a) => a.status !== 200 || !/^(CON|END) /.test(a.text))).toEqual([]);
  });

  test('when the server has stopped, then every complaint number shown is in the database', () => {
    expect(load.numbers.length).toBeGreaterThanOrEqual(SIGNAL_AFTER_FILINGS);
    const stored = new Set(
      rows<{ number: string }>(dbFile, 'SELECT number FROM complaints').map((r) => r.number),
    );
    expect(load.numbers.filter((n) => !stored.has(n))).toEqual([]);
  });

  test('when SMS were on their way to AT at SIGTERM, then each is recorded sent, none left', () => {
    const atSignal = load.signalAt;
    const inFlight = load.smsReceivedAt.filter((t) => t <= atSignal && t > atSignal - AT_DELAY_MS);
    expect(inFlight.length).toBeGreaterThan(0);
    const byStatus = rows<{ status: string; n: number }>(
      dbFile,
      'SELECT status, count(*) AS n FROM sms_outbox GROUP BY status',
    );
    const count = (status: string) => byStatus.find((r) => r.status === status)?.n ?? 0;
    expect(count('sending')).toBe(0);
    expect(count('sent')).toBe(load.smsReceivedAt.length);
  });
});
