/**
 * The USSD filing funnel: which screen loses callers, on which network, on which day. Pure:
 * sessions in (src/reports/funnel-repository.ts reads them), figures out, overall, per mobile
 * network and per Tanzanian day; each session counted by the definitions of ./funnel-session.ts.
 * A plain data structure both ways, for `kero report funnel` and the console's dashboard.
 */
import { dayKey } from '../../text/calendar';
import { networkName } from '../../text/networks';
import { classify, type Classified, type FilingFlow, type SessionFacts } from './funnel-session';
import { median } from './median';

export type { FilingFlow, SessionFacts };

export interface ScreenFigures {
  screen: string;
  reached: number;
  abandoned: number;
  timedOut: number;
}

export interface Medians {
  durationMs: number | null;
  hops: number | null;
}

export interface FunnelFigures {
  sessions: number;
  live: number;
  /** Sessions that entered filing. */
  filing: number;
  completed: number;
  cancelled: number;
  limited: number;
  abandoned: number;
  timedOut: number;
  failed: number;
  /** The steps in order, then the detours. */
  screens: ScreenFigures[];
  median: Medians;
  /** Over completed filings only. */
  completedMedian: Medians;
}

export interface Funnel {
  steps: string[];
  overall: FunnelFigures;
  networks: ({ network: string; name: string } & FunnelFigures)[];
  days: ({ day: string } & FunnelFigures)[];
}

interface Tally {
  counts: Omit<FunnelFigures, 'screens' | 'median' | 'completedMedian'>;
  /** Per step: sessions whose furthest step is this one or a later one. */
  reached: number[];
  detoursReached: Map<string, number>;
  abandonedAt: Map<string, number>;
  timedOutAt: Map<string, number>;
  durations: number[];
  hops: number[];
  completedDurations: number[];
  completedHops: number[];
}

function newTally(flow: FilingFlow): Tally {
  return {
    counts: {
      sessions: 0,
      live: 0,
      filing: 0,
      completed: 0,
      cancelled: 0,
      limited: 0,
      abandoned: 0,
      timedOut: 0,
      failed: 0,
    },
    reached: flow.steps.map(() => 0),
    detoursReached: new Map(),
    abandonedAt: new Map(),
    timedOutAt: new Map(),
    durations: [],
    hops: [],
    completedDurations: [],
    completedHops: [],
  };
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function add(t: Tally, c: Classified): void {
  const n = t.counts;
  n.sessions++;
  if (c.furthest >= 0 || c.detours.length > 0) n.filing++;
  for (let i = 0; i <= c.furthest; i++) t.reached[i] = (t.reached[i] ?? 0) + 1;
  for (const d of c.detours) bump(t.detoursReached, d);
  if (c.outcome === 'live') n.live++;
  else if (c.outcome === 'completed') n.completed++;
  else if (c.outcome === 'cancelled') n.cancelled++;
  else if (c.outcome === 'limited') n.limited++;
  else if (c.outcome === 'abandoned') {
    n.abandoned++;
    bump(t.abandonedAt, c.screen);
    if (c.timedOut) bump(t.timedOutAt, c.screen);
  }
  if (c.timedOut) n.timedOut++;
  if (c.failed) n.failed++;
  if (c.outcome === 'live') return;
  t.durations.push(c.durationMs);
  t.hops.push(c.hops);
  if (c.outcome !== 'completed') return;
  t.completedDurations.push(c.durationMs);
  t.completedHops.push(c.hops);
}

const medianOf = (values: number[]) => median(Float64Array.from(values));

function figuresOf(t: Tally, flow: FilingFlow): FunnelFigures {
  const screen = (id: string, reached: number): ScreenFigures => ({
    screen: id,
    reached,
    abandoned: t.abandonedAt.get(id) ?? 0,
    timedOut: t.timedOutAt.get(id) ?? 0,
  });
  return {
    ...t.counts,
    screens: [
      ...flow.steps.map((id, i) => screen(id, t.reached[i] ?? 0)),
      ...flow.detours.map((id) => screen(id, t.detoursReached.get(id) ?? 0)),
    ],
    median: { durationMs: medianOf(t.durations), hops: medianOf(t.hops) },
    completedMedian: {
      durationMs: medianOf(t.completedDurations),
      hops: medianOf(t.completedHops),
    },
  };
}

function tallyOf(groups: Map<string, Tally>, key: string, flow: FilingFlow): Tally {
  let t = groups.get(key);
  if (!t) groups.set(key, (t = newTally(flow)));
  return t;
}

/**
 * Pure. The funnel of `sessions` at `now`: overall, per network (most sessions first; named by
 * src/text/networks.ts, unknown codes kept) and per Tanzanian day of the session's start.
 */
export function computeFunnel(
  sessions: Iterable<SessionFacts>,
  flow: FilingFlow,
  now: number,
): Funnel {
  const overall = newTally(flow);
  const networks = new Map<string, Tally>();
  const days = new Map<string, Tally>();
  for (const s of sessions) {
    const c = classify(s, flow, now);
    add(overall, c);
    add(tallyOf(networks, s.networkCode.trim(), flow), c);
    add(tallyOf(days, dayKey(s.createdAt), flow), c);
  }
  const byNetwork = [...networks].map(([network, t]) => ({
    network,
    name: networkName(network),
    ...figuresOf(t, flow),
  }));
  return {
    steps: [...flow.steps],
    overall: figuresOf(overall, flow),
    networks: byNetwork.sort((a, b) => b.sessions - a.sessions || a.name.localeCompare(b.name)),
    days: [...days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, t]) => ({ day, ...figuresOf(t, flow) })),
  };
}
