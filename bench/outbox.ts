/**
 * Outbox dispatch benchmark: N queued rows in a temp-file SQLite database, the fake AT server on
 * 127.0.0.1, the real Africa's Talking gateway (SDK) pointed at it through the base URL, drained by
 * the dispatcher. Reports SMS/s and the p50/p99 of per-message send latency (target: >= 500 SMS/s).
 *
 *   tsx bench/outbox.ts [--messages 5000] [--concurrency 10] [--warmup 1000]
 *                       [--fake-in-process]
 * or `runOutboxBench(opts)` from the bench runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase, type Db, inTransaction } from '../db/client';
import { createAfricasTalkingGateway } from '../src/sms/africastalking';
import { createDispatcher } from '../src/sms/dispatcher';
import type { SmsGateway } from '../src/sms/gateway';
import { enqueueSms } from '../src/outbox/repository';
import { startFakeAtServer, type FakeStats } from '../test/fakes/fake-at-server';
import { spawnFakeAtServer } from '../test/fakes/spawn-fake-at';
import { percentile } from './load';

export interface OutboxBenchOptions {
  /** Rows to send (default 5,000). */
  messages?: number;
  /** SMS_CONCURRENCY (default 10, the production default). */
  concurrency?: number;
  /** Sends through the gateway before timing, so the JIT has warmed up (default 1,000). */
  warmup?: number;
  /**
   * 'process' (default): the fake AT server runs in a child process, as AT runs elsewhere, so that
   * it does not share the dispatcher's event loop; 'in-process' runs it in this one.
   */
  fakeServer?: 'process' | 'in-process';
  /** Where the summary line goes (default stdout; pass () => {} for none). */
  print?: (line: string) => void;
}

export interface OutboxBenchResult {
  messages: number;
  concurrency: number;
  seconds: number;
  smsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this process (dispatcher, SDK, SQLite) per SMS; 1000 / it = SMS/s per idle core. */
  cpuMsPerSms: number;
  /** Every row ended 'sent' and the fake AT server saw each message exactly once. */
  exactlyOnce: boolean;
  fakeServer: 'process' | 'in-process';
}

interface BenchFake {
  url: string;
  stats(): Promise<FakeStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

async function startFake(where: 'process' | 'in-process'): Promise<BenchFake> {
  if (where === 'process') return spawnFakeAtServer();
  const fake = await startFakeAtServer();
  return {
    url: fake.url,
    stats: () => Promise.resolve(fake.stats()),
    resetStats: () => Promise.resolve(fake.reset()),
    close: () => fake.close(),
  };
}

export async function runOutboxBench(opts: OutboxBenchOptions = {}): Promise<OutboxBenchResult> {
  const messages = opts.messages ?? 5_000;
  const concurrency = opts.concurrency ?? 10;
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-bench-outbox-'));
  const where = opts.fakeServer ?? 'process';
  const fake = await startFake(where);
  let db: Db | undefined;
  try {
    db = openDatabase(path.join(dir, 'kero.db'));
    const logger = pino({ level: 'silent' });
    const at = createAfricasTalkingGateway({
      username: 'kero-bench',
      apiKey: 'bench-key',
      baseUrl: fake.url,
      timeoutMs: 10_000,
      logger,
    });
    for (let i = 0; i < (opts.warmup ?? 1_000); i += concurrency) {
      await Promise.all(
        Array.from({ length: concurrency }, () => at.send({ to: phone(i), message: 'warm-up' })),
      );
    }
    await fake.resetStats();

    const now = Date.now();
    inTransaction(db, (tx) => {
      for (let i = 0; i < messages; i++) {
        const body = `Kero: malalamiko ${i} yamepokelewa. Asante.`;
        enqueueSms(tx, { toPhone: phone(i), body, template: 'bench' }, now);
      }
    });
    const latencies: number[] = [];
    const timed: SmsGateway = {
      name: 'timed-africastalking',
      async send(sms) {
        const started = performance.now();
        const outcome = await at.send(sms);
        latencies.push(performance.now() - started);
        return outcome;
      },
    };
    const dispatcher = createDispatcher({
      db,
      gateway: timed,
      now: () => Date.now(),
      random: Math.random,
      logger,
      concurrency,
      maxAttempts: 6,
      leaseMs: 10 * 60_000,
    });

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await dispatcher.drainOnce();
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;
    // CPU spent in this process per SMS: what the wall-clock figure would be on an idle core.
    const cpuMsPerSms = (cpu.user + cpu.system) / 1000 / messages;

    const stats = await fake.stats();
    const exactlyOnce =
      result.sent === messages &&
      stats.requests === messages &&
      stats.messages === messages &&
      stats.duplicated === 0;
    latencies.sort((a, b) => a - b);
    const out: OutboxBenchResult = {
      messages,
      concurrency,
      seconds,
      smsPerSecond: messages / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      cpuMsPerSms,
      exactlyOnce,
      fakeServer: where,
    };
    print(
      `outbox: ${messages} SMS in ${seconds.toFixed(2)} s = ${Math.round(out.smsPerSecond)} SMS/s ` +
        `(concurrency ${concurrency}, fake AT ${where}; target >= 500); ` +
        `send latency ` +
        `p50 ${out.p50Ms.toFixed(1)} ms, p99 ${out.p99Ms.toFixed(1)} ms; ` +
        `CPU ${cpuMsPerSms.toFixed(2)} ms/SMS (~${Math.round(1000 / cpuMsPerSms)} SMS/s per idle core); ` +
        (exactlyOnce ? 'every message sent exactly once' : `NOT exactly once: ${result.sent} sent`),
    );
    return out;
  } finally {
    db?.$client.close();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A valid Tanzanian mobile number for each i. */
function phone(i: number): string {
  return `+2557${String(10_000_000 + (i % 90_000_000)).padStart(8, '0')}`;
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '1000' },
      'fake-in-process': { type: 'boolean', default: false },
    },
  });
  runOutboxBench({
    messages: Number(values.messages),
    concurrency: Number(values.concurrency),
    warmup: Number(values.warmup),
    fakeServer: values['fake-in-process'] ? 'in-process' : 'process',
  }).catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  });
}
