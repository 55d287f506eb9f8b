/**
 * The outbox dispatcher: claims due rows of sms_outbox, sends them through the gateway with bounded
 * concurrency and records each outcome. Safe with several dispatchers (processes) over one database:
 * a claim is one IMMEDIATE transaction, so no two dispatchers ever hold the same row.
 *
 * Delivery is at least once. The only window for a duplicate SMS is a crash (or a lease running out)
 * between the gateway accepting a message and its outcome being recorded: the row stays 'sending',
 * its lease (kept in next_attempt_at) expires, and another drain claims and sends it again.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { maskPhone } from '../phone';
import { createGroupCommit } from '../../db/group-commit';
import { claimDue, recordOutcome, type OutboxRow } from './dispatcher-rows';
import type { SendOutcome, SmsGateway } from './gateway';

export { claimDue, recordOutcome, type OutboxRow } from './dispatcher-rows';

export interface DispatcherOptions {
  db: Db;
  gateway: SmsGateway;
  now: () => number;
  /** Uniform in [0, 1): jitter for retry delays. */
  random: () => number;
  logger: Logger;
  batchSize: number;
  concurrency: number;
  maxAttempts: number;
  /** How long a claim holds a row: longer than a whole batch can take (see leaseMsFor). */
  leaseMs: number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface Dispatcher {
  /** Sends every due row (batch after batch). Joins the drain in flight rather than overlapping. */
  drainOnce(): Promise<DrainResult>;
  /** Drains now, then `intervalMs` after each drain ends. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for the drain in flight (which stops after its current batch). */
  stop(): Promise<void>;
}

/** A lease long enough for a whole batch of timeouts, run `concurrency` at a time, twice over. */
export function leaseMsFor(o: { batchSize: number; concurrency: number; timeoutMs: number }) {
  return 2 * Math.ceil(o.batchSize / o.concurrency) * o.timeoutMs + 60_000;
}

async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  let inFlight: Promise<DrainResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopping = false;
  // Outcomes that arrive in the same turn (a whole pool of fast sends) share one commit.
  const outcomes = createGroupCommit(
    o.db,
    (x: { row: OutboxRow; outcome: SendOutcome; now: number; random01: number }) =>
      recordOutcome(o.db, x.row, x.outcome, x.now, {
        maxAttempts: o.maxAttempts,
        random01: x.random01,
      }),
  );

  async function sendOne(row: OutboxRow, totals: DrainResult): Promise<void> {
    const outcome = await o.gateway
      .send({ to: row.toPhone, message: row.body })
      .catch((err: unknown): SendOutcome => ({ kind: 'temporary', reason: String(err) }));
    const recorded = await outcomes.submit({ row, outcome, now: o.now(), random01: o.random() });
    if (recorded !== 'lost') totals[recorded] += 1;
    const log = { id: row.id, to: maskPhone(row.toPhone), attempt: row.attempts, recorded };
    if (recorded === 'sent') o.logger.debug(log, 'sms sent');
    else if (recorded === 'lost') o.logger.warn(log, 'sms outcome not recorded: lease lost');
    else if (outcome.kind !== 'sent')
      o.logger.warn({ ...log, reason: outcome.reason }, 'sms not sent');
  }

  async function drain(): Promise<DrainResult> {
    const totals: DrainResult = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const rows = claimDue(o.db, o.now(), o.batchSize, o.leaseMs, o.maxAttempts);
      await inPool(rows, o.concurrency, (row) => sendOne(row, totals));
      if (rows.length < o.batchSize || stopping) return totals;
    }
  }

  function drainOnce(): Promise<DrainResult> {
    inFlight ??= drain().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function tick(intervalMs: number): void {
    timer = undefined;
    void drainOnce()
      .catch((err: unknown) => o.logger.error({ err }, 'sms dispatch failed'))
      .finally(() => {
        if (running) timer = setTimeout(() => tick(intervalMs), intervalMs);
      });
  }

  return {
    drainOnce,
    start(intervalMs) {
      if (running) return;
      running = true;
      stopping = false;
      tick(intervalMs);
    },
    async stop() {
      running = false;
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      await inFlight?.catch(() => undefined);
      stopping = false;
    },
  };
}
