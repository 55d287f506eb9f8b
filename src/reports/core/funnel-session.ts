/**
 * One USSD session in the filing funnel (src/reports/core/funnel.ts). Pure. Definitions, per
 * session:
 * - its path is its last screen and the screens behind it (what Back would return to); it
 *   *entered* filing when the path holds a filing screen, and *reached* step n when the path
 *   holds step n or a later one;
 * - *completed*: its last screen is the last step (the complaint number); *cancelled*: the
 *   caller chose Cancel (the cancel screen); *limited*: its last screen is the daily-limit one;
 * - *live*: Kero has not ended it, its last hop is under 3 minutes old and AT has not reported
 *   its end: it may still go on, so it is not counted as abandoned or timed out;
 * - *abandoned at X*: not ended by Kero, not live, its last screen the filing screen X;
 * - *timed out*: AT reported it Incomplete (a timeout, the phone's own cancel key or lost signal:
 *   AT does not tell them apart) while Kero had not ended it; *failed*: AT reported it Failed;
 * - duration: AT's durationInMillis when AT reported it, else first to last hop; hops: the hops
 *   Kero answered (retries not counted).
 */

/** A session as the funnel sees it. */
export interface SessionFacts {
  networkCode: string;
  createdAt: number;
  updatedAt: number;
  hops: number;
  /** Kero's last answer was END. */
  ended: boolean;
  /** The last screen shown (undefined when the stored state is unreadable). */
  screen: string | undefined;
  /** The screens behind it, oldest first. */
  stack: readonly string[];
  /** AT's end-of-session notice, when one came. */
  end?: { status: string; durationMs: number | null };
}

/** The menu's filing flow, by screen id (src/ussd/core/filing-flow.ts derives it from the menu). */
export interface FilingFlow {
  /** The filing screens in order; the last one shows the complaint number. */
  steps: readonly string[];
  /** Other filing screens a caller can stop on (the edit menu). */
  detours: readonly string[];
  cancelled: string;
  limit: string;
}

/** AT gives a caller about 180 s a session: a younger session may still be going on. */
export const LIVE_MS = 180_000;

type Outcome = 'completed' | 'cancelled' | 'limited' | 'abandoned' | 'live' | 'other';

export interface Classified {
  outcome: Outcome;
  /** Index of the furthest step on the path; -1 when it never entered filing. */
  furthest: number;
  detours: string[];
  screen: string;
  timedOut: boolean;
  failed: boolean;
  durationMs: number;
  hops: number;
}

function outcomeOf(s: SessionFacts, flow: FilingFlow, entered: boolean, now: number): Outcome {
  if (s.screen === flow.steps.at(-1)) return 'completed';
  if (s.screen === flow.cancelled) return 'cancelled';
  if (s.screen === flow.limit) return 'limited';
  if (s.ended) return 'other';
  if (!s.end && now - s.updatedAt < LIVE_MS) return 'live';
  const onFiling = flow.steps.includes(s.screen ?? '') || flow.detours.includes(s.screen ?? '');
  return entered && onFiling ? 'abandoned' : 'other';
}

/** Pure. What one session did, by the definitions above. */
export function classify(s: SessionFacts, flow: FilingFlow, now: number): Classified {
  const path = s.screen === undefined ? s.stack : [...s.stack, s.screen];
  const furthest = Math.max(...path.map((screen) => flow.steps.indexOf(screen)), -1);
  const detours = flow.detours.filter((d) => path.includes(d));
  const outcome = outcomeOf(s, flow, furthest >= 0 || detours.length > 0, now);
  const open = !s.ended && outcome !== 'live';
  return {
    outcome,
    furthest,
    detours,
    screen: s.screen ?? '',
    timedOut: open && s.end?.status === 'Incomplete',
    failed: s.end?.status === 'Failed',
    durationMs: s.end?.durationMs ?? s.updatedAt - s.createdAt,
    hops: s.hops,
  };
}
