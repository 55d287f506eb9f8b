/**
 * The watch on Litestream (REPLICATION=litestream) against a fake Litestream metrics endpoint on
 * 127.0.0.1 serving Litestream 0.3.13's text: the `replication` check of /readyz says how far the
 * replica is behind, warns when it is stale or Litestream is silent, and never makes the server
 * unready; /metrics carries the same as gauges. The clock is a test clock; the polling is real.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { openDatabase, type Db } from '../../db/client';
import { createReadiness } from '../../src/ops/readiness';
import {
  registerReplicationGauges,
  watchReplication,
  type ReplicationWatch,
} from '../../src/ops/replication';
import { capturingLogger } from '../sms/support';

const DB = '/var/lib/kero/kero.db';

/** Litestream's text for one database and a replica named `disk`. */
const litestreamText = (shadow: number, replica: number) =>
  [
    '# TYPE litestream_shadow_wal_index gauge',
    `litestream_replica_wal_index{db="${DB}",name="disk"} 0`,
    `litestream_replica_wal_offset{db="${DB}",name="disk"} ${replica}`,
    `litestream_shadow_wal_index{db="${DB}"} 0`,
    `litestream_shadow_wal_size{db="${DB}"} ${shadow}`,
  ].join('\n');

interface FakeLitestream {
  url: string;
  /** What GET /metrics answers next. */
  serve(status: number, text: string): void;
  close(): Promise<void>;
}

async function fakeLitestream(): Promise<FakeLitestream> {
  let answer = { status: 200, text: '' };
  const server: Server = createServer((req, res) => {
    res.writeHead(req.url === '/metrics' ? answer.status : 404, { 'content-type': 'text/plain' });
    res.end(answer.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    serve: (status, text) => (answer = { status, text }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(what: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let fake: FakeLitestream;
let watch: ReplicationWatch | undefined;
let db: Db;
let clock = 0;
const log = capturingLogger();

const start = (url = fake.url) =>
  (watch = watchReplication({
    url,
    file: DB,
    now: () => clock,
    logger: log.logger,
    intervalMs: 20,
  }));

beforeEach(async () => {
  fake = await fakeLitestream();
  db = openDatabase(':memory:');
  clock = 0;
  log.lines.length = 0;
});

afterEach(async () => {
  watch?.stop();
  watch = undefined;
  db.$client.close();
  await fake.close();
});

test('when the replica keeps up, then the replication check says it is up to date and the server is ready', async () => {
  fake.serve(200, litestreamText(4152, 4152));
  const w = start();
  await until(() => w.answering());

  const readiness = createReadiness({ db, file: ':memory:', now: () => clock, replication: w })();
  expect(readiness.ready).toBe(true);
  expect(readiness.checks.replication).toEqual({ ok: true, detail: 'replica disk up to date' });
  expect(w.lagSeconds()).toBe(0);
});

test('when the replica stays behind past a minute, then the check warns, the log says so once, and the server stays ready', async () => {
  fake.serve(200, litestreamText(4152, 4152));
  const w = start();
  await until(() => w.answering());
  clock = 1000;
  fake.serve(200, litestreamText(90_000, 4152));
  await until(() => w.check().detail === 'replica disk 0.0 s behind');
  clock = 76_000;
  await until(() => w.check().warn === true);

  const readiness = createReadiness({ db, file: ':memory:', now: () => clock, replication: w })();
  expect(readiness.ready).toBe(true);
  expect(readiness.checks.replication).toEqual({
    ok: true,
    warn: true,
    detail: 'replica disk 75.0 s behind (more than 60 s)',
  });
  expect(w.lagSeconds()).toBe(75);
  expect(log.lines.filter((l) => l.msg === 'replication behind')).toHaveLength(1);

  fake.serve(200, litestreamText(90_000, 90_000));
  await until(() => w.check().warn === undefined);
  expect(w.check().detail).toBe('replica disk up to date');
  expect(log.lines.map((l) => l.msg)).toContain('replication caught up');
});

test('when Litestream stops answering, then the check says how long, with the reason, and warns', async () => {
  fake.serve(200, litestreamText(4152, 4152));
  const w = start();
  await until(() => w.answering());
  clock = 5000;
  await fake.close();
  await until(() => !w.answering());
  clock = 12_000;
  await until(() => w.check().detail.includes('for 7 s'));

  expect(w.check()).toEqual({
    ok: true,
    warn: true,
    detail: `litestream not answering at ${fake.url} for 7 s: ECONNREFUSED`,
  });
  expect(w.lagSeconds()).toBeUndefined();
  fake = await fakeLitestream(); // for afterEach
});

test.each([
  [404, 'nothing', `HTTP 404`],
  [200, litestreamText(1, 1).replaceAll(DB, '/srv/other.db'), 'does not replicate'],
])(
  'when Litestream answers %i with something else, then the check says what was wrong',
  async (status, text, words) => {
    fake.serve(status, text);
    const w = start();
    await until(() => !w.check().detail.startsWith('waiting'));
    expect(w.check()).toMatchObject({ ok: true, warn: true });
    expect(w.check().detail).toContain(words);
  },
);

test('when /metrics is scraped, then kero_litestream_up and kero_replication_lag_seconds come from the watch', async () => {
  fake.serve(200, litestreamText(4152, 4152));
  const w = start();
  await until(() => w.answering());
  clock = 1000;
  fake.serve(200, litestreamText(8000, 4152));
  await until(() => w.check().detail.includes('behind'));
  clock = 3500;
  await until(() => w.lagSeconds() === 2.5);
  const registry = new Registry();
  registerReplicationGauges(registry, w);

  const text = await registry.metrics();
  expect(text).toMatch(/^kero_litestream_up 1$/m);
  expect(text).toMatch(/^kero_replication_lag_seconds 2.5$/m);
});
