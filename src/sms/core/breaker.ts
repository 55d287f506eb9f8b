/**
 * The dispatcher's circuit breaker. Pure: a state and the events that move it, time as an argument.
 *
 * - closed: send at full speed.
 * - open: the SMS API is down (no answer, timeouts, HTTP 5xx/429) or refuses the account (bad
 *   credentials, no balance); nothing is sent until `retryAt`.
 * - half-open (open and `retryAt` reached): one message goes as a probe. Sent: closed, and the
 *   backlog drains at full speed at once. Failed: open again.
 *
 * An outage is probed every `probeMs` (a few seconds: recovery is noticed quickly and costs one
 * message per probe). A refused account waits longer, doubling from `accountPause.firstMs` to
 * `accountPause.maxMs`: only the operator can fix it. Each opening starts a new `epoch`; a send
 * that began in an older epoch proves nothing about the API now and cannot close the breaker.
 */
export type Trouble = 'outage' | 'account';

export interface AccountPause {
  firstMs: number;
  maxMs: number;
}

export const ACCOUNT_PAUSE: AccountPause = { firstMs: 60_000, maxMs: 15 * 60_000 };
export const PROBE_MS = 5_000;

export interface BreakerPolicy {
  probeMs: number;
  accountPause: AccountPause;
}

export interface Breaker {
  state: 'closed' | 'open';
  /** Openings so far. */
  epoch: number;
  /** When the breaker last opened after being closed (null while closed). */
  since: number | null;
  /** While open: when the next probe may go. */
  retryAt: number;
  trouble: Trouble | null;
  reason: string | null;
  /** The current account pause (0: none in a row). */
  accountPauseMs: number;
}

export const closedBreaker: Breaker = {
  state: 'closed',
  epoch: 0,
  since: null,
  retryAt: 0,
  trouble: null,
  reason: null,
  accountPauseMs: 0,
};

/** Pure. What may be sent now: everything, one probe, or nothing. */
export function admit(b: Breaker, now: number): 'all' | 'probe' | 'none' {
  if (b.state === 'closed') return 'all';
  return now >= b.retryAt ? 'probe' : 'none';
}

/** Pure. `firstMs` after the first refusal of the account, doubling with each in a row, up to `maxMs`. */
export function nextAccountPauseMs(currentMs: number, pause: AccountPause): number {
  return currentMs > 0 ? Math.min(currentMs * 2, pause.maxMs) : pause.firstMs;
}

/** Pure. The breaker after a send that failed for `trouble`. */
export function afterTrouble(
  b: Breaker,
  trouble: Trouble,
  reason: string,
  now: number,
  policy: BreakerPolicy,
): Breaker {
  const accountPauseMs =
    trouble === 'account' ? nextAccountPauseMs(b.accountPauseMs, policy.accountPause) : 0;
  const wait = trouble === 'account' ? accountPauseMs : policy.probeMs;
  return {
    state: 'open',
    epoch: b.epoch + 1,
    since: b.since ?? now,
    retryAt: now + wait,
    trouble,
    reason,
    accountPauseMs,
  };
}

/** Pure. The breaker after a message was sent by a send that began in `epoch`. */
export function afterSent(b: Breaker, epoch: number): Breaker {
  if (epoch !== b.epoch || b.state === 'closed') return b;
  return { ...closedBreaker, epoch: b.epoch };
}
