/**
 * The outbox dispatcher: sends due rows of sms_outbox through the gateway, `concurrency` at a time,
 * and records each outcome as soon as it is known.
 *
 * Claims: a row is claimed ('sending', leased) only when a sender is free to send it, so at most
 * `concurrency` rows are ever 'sending'. Claims and outcomes go through the group commit: the
 * outcome of one send and the claim of the next row share one write, and writes of the same
 * event-loop turn share one transaction. At start the rows a previous process died holding are
 * given back at once (one server per database: src/ops/server-lock.ts).
 *
 * Delivery is at least once. A message is sent twice only when the process dies (or a send times
 * out) after Africa's Talking accepted it and before its outcome was recorded: at most the
 * `concurrency` messages in flight at that moment. AT offers no idempotency key to close that.
 *
 * Failures: a message AT refuses for good fails ('rejected'); one AT cannot take now is retried
 * with backoff up to `maxAttempts`. An outage (no answer, timeouts, HTTP 5xx/429) or a refused
 * account (credentials, balance) is not the message's fault: the row goes back to the queue at
 * no attempt's cost and the circuit breaker (src/sms/breaker.ts) stops sending, then probes with
 * one message (every few seconds for an outage) and drains at full speed once one goes through.
 * A message still unsent `retryBudgetMs` after it was queued fails as 'expired'.
 *
 * Quiet hours: a claimed citizen update (src/outbox/core/quiet-hours.ts) due while `quietHours`
 * last is not sent but held: queued again at no attempt's cost, due when they end, with when and
 * why recorded. Checked at the claim, so a retry, an outage's backlog or `kero sms retry` during
 * the night waits too. Held rows all become due at the same instant and go out by id: the order
 * they were queued in.
 *
 * Every message sent adds its parts to the month's count (src/outbox/usage.ts), in the same write.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { createGroupCommit } from '../../db/group-commit';
import { maskPhone } from '../text/phone';
import type { DailyWindow } from '../text/calendar';
import { heldUntil, QUIET_HOURS_REASON, SIGN_IN_CODE_TTL_MS } from '../outbox/core/quiet-hours';
import { countSentParts } from '../outbox/usage';
import {
  ACCOUNT_PAUSE,
  admit,
  afterSent,
  afterTrouble,
  closedBreaker,
  PROBE_MS,
  type AccountPause,
  type Breaker,
} from './core/breaker';
import {
  claimNext,
  expireSignInCodes,
  expireUnsent,
  forgetSignInCode,
  releaseClaims,
  releaseExpiredLeases,
  updateClaimed,
} from '../outbox/claims-repository';
import {
  afterOutcome,
  isAccountRefusal,
  isOutage,
  type ClaimOutcome,
  type Recorded,
  type SendOutcome,
} from './core/outcome';
import type { SmsGateway } from './gateway';
import { type OutboxRow } from '../../db/schema';

export interface DispatcherOptions {
  db: Db;
  gateway: SmsGateway;
  now: () => number;
  /** Uniform in [0, 1): jitter for retry delays. */
  random: () => number;
  logger: Logger;
  concurrency: number;
  maxAttempts: number;
  /** How long a claim holds a row: longer than one send can take (see leaseMsFor). */
  leaseMs: number;
  /** A message still unsent this long after it was queued fails as 'expired' (default 48 h). */
  retryBudgetMs?: number;
  /** While the SMS API is down, one probe message this often (default 5 s). */
  probeMs?: number;
  /** The pause after the gateway refuses the account (default ACCOUNT_PAUSE). */
  accountPause?: AccountPause;
  /** Citizen updates due in this daily window wait until it ends (QUIET_HOURS); null: never. */
  quietHours?: DailyWindow | null;
  /** Hears each recorded outcome: sent, retried, failed, deferred (the metrics). */
  onOutcome?: (recorded: Exclude<Recorded, 'lost'>) => void;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** Queued again at no attempt's cost: outage, refused account, given back unsent, or held. */
  deferred: number;
}

export interface DispatcherHealth {
  state: 'closed' | 'open' | 'half_open';
  /** Since when sending has been failing (null while it works). */
  failingSince: number | null;
  reason: string | null;
  lastSentAt: number | null;
}

export interface Dispatcher {
  /** Sends every due row. Joins the drain in flight rather than overlapping it. */
  drainOnce(): Promise<DrainResult>;
  /** Gives back claims a dead process left, drains now, then `intervalMs` after each drain. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
  health(): DispatcherHealth;
}

export const DEFAULT_RETRY_BUDGET_MS = 48 * 60 * 60_000;
const EXPIRY_SWEEP_MS = 60_000;

/** A lease longer than one send can take (the gateway's timeout), with room to record it. */
export function leaseMsFor(o: { timeoutMs: number }): number {
  return 2 * o.timeoutMs + 30_000;
}

/** One write: the outcome of a send (if any), then the next claim (if wanted). */
interface Step {
  record?: { row: OutboxRow; outcome: ClaimOutcome; now: number; random01: number };
  claimAt?: number;
}

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  let inFlight: Promise<DrainResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopping = false;
  let breaker: Breaker = closedBreaker;
  let lastSentAt: number | null = null;
  let lastSweep = -Infinity;
  const policy = { probeMs: o.probeMs ?? PROBE_MS, accountPause: o.accountPause ?? ACCOUNT_PAUSE };
  const budgetMs = o.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS;
  /** Records one outcome for a row this dispatcher claimed; 'lost' when its lease ran out. */
  const record = (r: NonNullable<Step['record']>): Recorded => {
    const retry = { maxAttempts: o.maxAttempts, random01: r.random01 };
    const { recorded, values } = afterOutcome(r.row, r.outcome, r.now, retry);
    if (!updateClaimed(o.db, r.row, values)) return 'lost';
    if (recorded === 'sent') countSentParts(o.db, r.row.body, r.now);
    // A sign-in code is spent once sent or failed: the outbox keeps the SMS without it.
    if (recorded === 'sent' || recorded === 'failed') forgetSignInCode(o.db, r.row);
    return recorded;
  };
  const steps = createGroupCommit(o.db, (s: Step) => {
    const recorded = s.record ? record(s.record) : undefined;
    const next = s.claimAt === undefined ? undefined : claimNext(o.db, s.claimAt, o.leaseMs);
    return { recorded, next };
  });

  /** Moves the breaker for one outcome of a send that began in `epoch`; logs what changed. */
  function judge(outcome: SendOutcome, epoch: number): void {
    if (outcome.kind === 'sent') {
      lastSentAt = o.now();
      const before = breaker;
      breaker = afterSent(breaker, epoch);
      if (before.state === 'open' && breaker.state === 'closed') {
        o.logger.info({ gateway: o.gateway.name }, 'sms sending resumed');
      }
      return;
    }
    const trouble = isAccountRefusal(outcome) ? 'account' : isOutage(outcome) ? 'outage' : null;
    // A send that began before the breaker last opened is already accounted for.
    if (trouble === null || epoch !== breaker.epoch) return;
    breaker = afterTrouble(breaker, trouble, outcome.reason, o.now(), policy);
    const log = { gateway: o.gateway.name, reason: outcome.reason };
    const resumeAt = new Date(breaker.retryAt).toISOString();
    if (trouble === 'account') {
      o.logger.error(
        { ...log, pauseMs: breaker.accountPauseMs, resumeAt },
        'SMS SENDING PAUSED: the gateway refused the account; messages stay queued, none failed',
      );
    } else {
      o.logger.warn({ ...log, probeAt: resumeAt }, 'sms api unavailable: sending paused, probing');
    }
  }

  function count(totals: DrainResult, row: OutboxRow, recorded: Recorded, outcome: ClaimOutcome) {
    if (recorded !== 'lost') {
      totals[recorded] += 1;
      o.onOutcome?.(recorded);
    }
    const log = { id: row.id, to: maskPhone(row.toPhone), attempt: row.attempts, recorded };
    if (recorded === 'lost') o.logger.warn(log, 'sms outcome not recorded: lease lost');
    else if (recorded === 'failed' || recorded === 'retried') {
      o.logger.warn({ ...log, reason: 'reason' in outcome ? outcome.reason : '' }, 'sms not sent');
    } else o.logger.debug(log, `sms ${recorded}`);
  }

  /**
   * One sender: claims a row, sends it, records it with the next claim, until none is due (a
   * probe stops after one). Returns whether it claimed anything.
   */
  async function sender(totals: DrainResult, probe: boolean): Promise<boolean> {
    const mayGoOn = () => !stopping && !probe && breaker.state === 'closed';
    let { next: row } = await steps.submit({ claimAt: o.now() });
    const claimedAny = row !== undefined;
    while (row) {
      const claimed: OutboxRow = row;
      let outcome: ClaimOutcome;
      const until = heldUntil(claimed.template, o.now(), o.quietHours);
      if (until !== undefined) {
        outcome = { kind: 'held', until, reason: QUIET_HOURS_REASON };
      } else if (!probe && !mayGoOn()) {
        outcome = { kind: 'unsent', reason: 'not sent: sending paused' };
      } else {
        const epoch = breaker.epoch;
        outcome = await o.gateway
          .send({ to: claimed.toPhone, message: claimed.body, template: claimed.template })
          .catch((err: unknown): SendOutcome => ({
            kind: 'temporary',
            reason: String(err),
            outage: false,
          }));
        judge(outcome, epoch);
      }
      const now = o.now();
      const record = { row: claimed, outcome, now, random01: o.random() };
      const done = await steps.submit({ record, ...(mayGoOn() ? { claimAt: now } : {}) });
      count(totals, claimed, done.recorded ?? 'lost', outcome);
      row = done.next;
    }
    return claimedAny;
  }

  /** Fails what waited out the budget and frees leases that ran out, at most once a minute. */
  function sweep(now: number): void {
    if (now - lastSweep < EXPIRY_SWEEP_MS) return;
    lastSweep = now;
    const expired = expireUnsent(o.db, now - budgetMs, Math.round(budgetMs / 3_600_000));
    const freed = releaseExpiredLeases(o.db, now);
    expireSignInCodes(o.db, now - SIGN_IN_CODE_TTL_MS);
    if (expired > 0) o.logger.error({ expired }, 'sms not sent within the retry budget: failed');
    if (freed > 0) o.logger.warn({ freed }, 'sms leases ran out: queued again');
  }

  async function drain(): Promise<DrainResult> {
    const totals: DrainResult = { sent: 0, retried: 0, failed: 0, deferred: 0 };
    sweep(o.now());
    for (;;) {
      const gate = admit(breaker, o.now());
      if (gate === 'none' || stopping) return totals;
      const probe = gate === 'probe';
      const sentBefore = totals.sent;
      if (probe) {
        // Nothing left to probe with: the next message will tell, at no attempt's cost.
        if (!(await sender(totals, true))) breaker = { ...closedBreaker, epoch: breaker.epoch };
        // The probe went through: the API is back, so the backlog drains at full speed at once.
        if (breaker.state === 'closed' && totals.sent > sentBefore) continue;
        return totals;
      }
      await Promise.all(Array.from({ length: o.concurrency }, () => sender(totals, false)));
      return totals;
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
      const released = releaseClaims(o.db);
      if (released > 0) {
        o.logger.warn({ released }, 'sms claimed by a previous process queued again');
      }
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
    health() {
      const state =
        breaker.state === 'closed'
          ? 'closed'
          : admit(breaker, o.now()) === 'probe'
            ? 'half_open'
            : 'open';
      return { state, failingSince: breaker.since, reason: breaker.reason, lastSentAt };
    },
  };
}
