/**
 * The outbox dispatcher: claims due rows of sms_outbox, sends them through the gateway with bounded
 * concurrency and records each outcome. Safe with several dispatchers (processes) over one database:
 * a claim is one IMMEDIATE transaction, so no two dispatchers ever hold the same row.
 *
 * Delivery is at least once. The only window for a duplicate SMS is a crash (or a lease running out)
 * between the gateway accepting a message and its outcome being recorded: the row stays 'sending',
 * its lease (kept in next_attempt_at) expires, and another drain claims and sends it again.
 *
 * When the gateway refuses the account (bad credentials, no balance: only the operator can fix it),
 * no message is failed for it: the refused rows and the rest of the batch go back to 'queued' with
 * their attempts given back, the drain stops, and this dispatcher pauses (by default 1 min, doubling
 * up to 15 min) before trying one message again. A message sent ends the back-off.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { maskPhone } from '../phone';
import { createGroupCommit } from '../../db/group-commit';
import {
  claimDue,
  isAccountRefusal,
  recordOutcome,
  type ClaimOutcome,
  type OutboxRow,
} from './dispatcher-rows';
import { ACCOUNT_PAUSE, nextAccountPauseMs, type AccountPause } from './backoff';
import type { SendOutcome, SmsGateway } from './gateway';

export { claimDue, recordOutcome, type OutboxRow } from './dispatcher-rows';
export { ACCOUNT_PAUSE, nextAccountPauseMs, type AccountPause } from './backoff';

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
  /** The pause after the gateway refuses the account (default ACCOUNT_PAUSE). */
  accountPause?: AccountPause;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** Queued again, attempt not counted, because the gateway refused the account. */
  deferred: number;
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

/** Runs `work` over `items`, `limit` at a time, starting none once `halted()`; returns the unstarted. */
async function inPool<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
  halted: () => boolean,
): Promise<T[]> {
  let next = 0;
  const worker = async () => {
    while (!halted()) {
      const item = items[next];
      if (item === undefined) return;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return items.slice(next);
}

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  let inFlight: Promise<DrainResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopping = false;
  // After a refusal of the account: the current pause (0 once a message is sent), its end, and
  // how many pauses began (a send that started before the latest one cannot end it).
  let pauseMs = 0;
  let resumeAt = 0;
  let pauses = 0;
  // Outcomes that arrive in the same turn (a whole pool of fast sends) share one commit.
  const outcomes = createGroupCommit(
    o.db,
    (x: { row: OutboxRow; outcome: ClaimOutcome; now: number; random01: number }) =>
      recordOutcome(o.db, x.row, x.outcome, x.now, {
        maxAttempts: o.maxAttempts,
        random01: x.random01,
      }),
  );

  /** Records an outcome (with the group commit), counts and logs it. */
  async function record(row: OutboxRow, outcome: ClaimOutcome, totals: DrainResult) {
    const recorded = await outcomes.submit({ row, outcome, now: o.now(), random01: o.random() });
    if (recorded !== 'lost') totals[recorded] += 1;
    const log = { id: row.id, to: maskPhone(row.toPhone), attempt: row.attempts, recorded };
    if (recorded === 'sent') o.logger.debug(log, 'sms sent');
    else if (recorded === 'lost') o.logger.warn(log, 'sms outcome not recorded: lease lost');
    else if (recorded === 'deferred') o.logger.debug(log, 'sms queued again: account refused');
    else if (outcome.kind !== 'sent')
      o.logger.warn({ ...log, reason: outcome.reason }, 'sms not sent');
  }

  function pause(reason: string): void {
    pauseMs = nextAccountPauseMs(pauseMs, o.accountPause ?? ACCOUNT_PAUSE);
    resumeAt = o.now() + pauseMs;
    pauses += 1;
    o.logger.error(
      { gateway: o.gateway.name, reason, pauseMs, resumeAt: new Date(resumeAt).toISOString() },
      'SMS SENDING PAUSED: the gateway refused the account; messages stay queued, none failed',
    );
  }

  function resume(): void {
    if (pauseMs > 0) o.logger.info({ gateway: o.gateway.name }, 'sms sending resumed');
    pauseMs = 0;
  }

  /** One claimed batch. Returns the refusal that stopped it, if any. */
  async function sendBatch(rows: OutboxRow[], totals: DrainResult): Promise<string | undefined> {
    let refusal: string | undefined;
    const sendOne = async (row: OutboxRow) => {
      const pausesBefore = pauses;
      const outcome = await o.gateway
        .send({ to: row.toPhone, message: row.body })
        .catch((err: unknown): SendOutcome => ({ kind: 'temporary', reason: String(err) }));
      // A send accepted while another was refused (the balance ran out mid-batch) proves nothing.
      if (outcome.kind === 'sent' && pauses === pausesBefore) resume();
      else if (isAccountRefusal(outcome) && refusal === undefined) {
        refusal = outcome.reason;
        pause(refusal);
      }
      await record(row, outcome, totals);
    };
    const unsent = await inPool(rows, o.concurrency, sendOne, () => refusal !== undefined);
    if (refusal === undefined) return undefined;
    // Given back now rather than left to their lease: a lease that expires costs an attempt.
    const given = { kind: 'unsent', reason: `not sent: account refused: ${refusal}` } as const;
    await Promise.all(unsent.map((row) => record(row, given, totals)));
    return refusal;
  }

  async function drain(): Promise<DrainResult> {
    const totals: DrainResult = { sent: 0, retried: 0, failed: 0, deferred: 0 };
    // After a refusal, one message first: it tells whether the account works again.
    let limit = pauseMs > 0 ? 1 : o.batchSize;
    for (;;) {
      if (o.now() < resumeAt) return totals;
      const rows = claimDue(o.db, o.now(), limit, o.leaseMs, o.maxAttempts);
      const refused = await sendBatch(rows, totals);
      if (refused !== undefined || rows.length < limit || stopping) return totals;
      limit = o.batchSize;
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
