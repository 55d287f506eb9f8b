/**
 * How far Litestream's replicas are behind, from Litestream's own Prometheus text (v0.3, served
 * on `addr` from its config). Pure: the text and the time come in as arguments.
 *
 * Litestream 0.3 copies the database's WAL into a "shadow WAL" of its own every monitor-interval
 * (`litestream_shadow_wal_index` and `_size`, labelled with the database's path), and each
 * replica ships the shadow WAL every sync-interval (`litestream_replica_wal_index` and
 * `_offset`, labelled with the database and the replica's name). A position is (index, offset):
 * the index grows by one at each of Litestream's checkpoints and starts again from 0 with a new
 * generation. Litestream publishes positions, not times, so the time a replica is behind comes
 * from watching the shadow WAL over successive readings (`createLagTracker`).
 */

export interface WalPosition {
  index: number;
  offset: number;
}

export interface LitestreamPositions {
  shadow: WalPosition;
  /** Every replica of the database; `position` undefined until its first sync. */
  replicas: { name: string; position: WalPosition | undefined }[];
}

export type ParsedMetrics =
  { ok: true; positions: LitestreamPositions } | { ok: false; reason: string };

const SAMPLE = /^(litestream_[a-z_]+)\{([^}]*)\}\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

const unescape = (v: string) => v.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

function labelsOf(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of text.matchAll(LABEL)) labels[m[1] ?? ''] = unescape(m[2] ?? '');
  return labels;
}

/**
 * Pure. The shadow WAL's and each replica's position for the database at `dbPath` (absolute, as
 * in Litestream's config). Never throws: text that does not describe it gives a reason in words.
 */
export function parseLitestreamMetrics(text: string, dbPath: string): ParsedMetrics {
  const shadow: Partial<WalPosition> = {};
  const replicas = new Map<string, Partial<WalPosition>>();
  const dbs = new Set<string>();
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line);
    if (!m) continue;
    const labels = labelsOf(m[2] ?? '');
    const value = Number(m[3]);
    if (labels.db === undefined || !Number.isFinite(value)) continue;
    dbs.add(labels.db);
    if (labels.db !== dbPath) continue;
    const replica = labels.name === undefined ? undefined : (replicas.get(labels.name) ?? {});
    if (replica && labels.name !== undefined) replicas.set(labels.name, replica);
    if (m[1] === 'litestream_shadow_wal_index') shadow.index = value;
    else if (m[1] === 'litestream_shadow_wal_size') shadow.offset = value;
    else if (m[1] === 'litestream_replica_wal_index' && replica) replica.index = value;
    else if (m[1] === 'litestream_replica_wal_offset' && replica) replica.offset = value;
  }
  if (!dbs.has(dbPath)) {
    const others = [...dbs].join(', ');
    return {
      ok: false,
      reason: `litestream does not replicate ${dbPath}${others ? ` (only ${others})` : ''}`,
    };
  }
  if (shadow.index === undefined || shadow.offset === undefined) {
    return { ok: false, reason: 'litestream has not read the database yet' };
  }
  if (replicas.size === 0) return { ok: false, reason: 'no replica of it has reported yet' };
  const complete = (p: Partial<WalPosition>): WalPosition | undefined =>
    p.index === undefined || p.offset === undefined
      ? undefined
      : { index: p.index, offset: p.offset };
  return {
    ok: true,
    positions: {
      shadow: { index: shadow.index, offset: shadow.offset },
      replicas: [...replicas].map(([name, p]) => ({ name, position: complete(p) })),
    },
  };
}

/** Pure. Negative when `a` is before `b`. */
export const comparePositions = (a: WalPosition, b: WalPosition): number =>
  a.index !== b.index ? a.index - b.index : a.offset - b.offset;

export interface ReplicaLag {
  name: string;
  /** Whether it holds everything in the shadow WAL. */
  upToDate: boolean;
  /** How long the oldest change this replica lacks has been in the shadow WAL (0: up to date). */
  seconds: number;
}

export interface LagTracker {
  /** Takes one reading at `now` (ms) and gives each replica's lag. */
  observe(now: number, positions: LitestreamPositions): ReplicaLag[];
}

/**
 * The lag of each replica: the time since the shadow WAL first reached a position past the
 * replica's. Readings keep the first time each new shadow position was seen (at most
 * `maxReadings`; past that the oldest one still needed is kept and those after it thinned). A
 * shadow WAL that goes backwards (a new generation) starts the history again. The time Litestream
 * takes to read Kero's WAL into its shadow WAL (its monitor-interval) is not in the figure.
 */
export function createLagTracker(maxReadings = 600): LagTracker {
  let history: { at: number; shadow: WalPosition }[] = [];
  return {
    observe(now, { shadow, replicas }) {
      const last = history[history.length - 1];
      if (last && comparePositions(shadow, last.shadow) < 0) history = [];
      const previous = history[history.length - 1];
      if (!previous || comparePositions(shadow, previous.shadow) > 0) {
        history.push({ at: now, shadow });
      }
      // A replica past the shadow WAL is still on the previous generation: it has none of this one.
      const positions = replicas.map(({ position }) =>
        position && comparePositions(position, shadow) <= 0 ? position : undefined,
      );
      const behind = replicas.map(({ name }, i) => {
        const position = positions[i];
        const first = history.find((h) => !position || comparePositions(h.shadow, position) > 0);
        if (!first) return { name, upToDate: true, seconds: 0 };
        return { name, upToDate: false, seconds: Math.max(0, (now - first.at) / 1000) };
      });
      // Readings every replica has passed are no longer needed.
      history = history.filter((h) =>
        positions.some((p) => !p || comparePositions(h.shadow, p) > 0),
      );
      while (history.length > maxReadings) history.splice(1, 1);
      return behind;
    },
  };
}

/** Pure. "disk 0.8 s behind, s3 up to date", and whether any is past `warnAfterSeconds`. */
export function describeLag(
  lags: readonly ReplicaLag[],
  warnAfterSeconds: number,
): { detail: string; warn: boolean } {
  const parts = lags.map(({ name, upToDate, seconds }) =>
    upToDate ? `${name} up to date` : `${name} ${seconds.toFixed(1)} s behind`,
  );
  const warn = lags.some((l) => l.seconds > warnAfterSeconds);
  const detail = `replica ${parts.join(', ')}${warn ? ` (more than ${warnAfterSeconds} s)` : ''}`;
  return { detail, warn };
}
