/**
 * Watches Litestream (REPLICATION=litestream) from outside: every second it reads Litestream's
 * own metrics endpoint on loopback (`addr` in litestream.yml, LITESTREAM_METRICS_URL here) and
 * keeps how far each replica is behind, for /readyz's `replication` check and /metrics.
 *
 * A replica that is behind, or a Litestream that does not answer, never makes Kero unready: the
 * callers' complaints are safe on this machine's disk (every commit is synced before a number is
 * shown), and a load balancer or an operator's script that takes an unready server away would
 * turn a replication outage (an S3 endpoint down, a full backup disk) into nobody filing at all.
 * The check says so in its detail and sets `warn`; the gauges let monitoring alert on it.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import { createLagTracker, describeLag, parseLitestreamMetrics } from './core/litestream-metrics';
import type { Check } from './readiness';

export interface ReplicationWatch {
  /** The readiness check: always ok, `warn` when a replica is stale or Litestream is silent. */
  check(): Check;
  /** The slowest replica's lag in seconds at the last answer; undefined before one. */
  lagSeconds(): number | undefined;
  /** Whether Litestream answered the last reading. */
  answering(): boolean;
  stop(): void;
}

export interface ReplicationWatchOptions {
  /** Litestream's metrics, e.g. http://127.0.0.1:9090/metrics. */
  url: string;
  /** The database file, as Litestream's config names it (resolved here to an absolute path). */
  file: string;
  now: () => number;
  logger: Logger;
  intervalMs?: number;
  timeoutMs?: number;
  /** A replica further behind than this makes the check warn (default 60 s). */
  warnAfterSeconds?: number;
}

const messageOf = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string } } | undefined)?.cause?.code;
  return cause ?? (e instanceof Error ? e.message : String(e));
};

/** Starts reading Litestream's metrics now and every `intervalMs` (default 1 s). */
export function watchReplication(o: ReplicationWatchOptions): ReplicationWatch {
  const dbPath = path.resolve(o.file);
  const warnAfter = o.warnAfterSeconds ?? 60;
  const tracker = createLagTracker();
  const controller = new AbortController();
  let state: { check: Check; lag?: number; answering: boolean } = {
    check: { ok: true, warn: true, detail: `waiting for litestream's first answer (${o.url})` },
    answering: false,
  };
  let silentSince: number | undefined;
  let reading = false;

  const read = async (): Promise<string> => {
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(o.timeoutMs ?? 900)]);
    const res = await fetch(o.url, { signal });
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return text;
  };

  const settle = (next: typeof state) => {
    if (Boolean(next.check.warn) !== Boolean(state.check.warn)) {
      if (next.check.warn) o.logger.warn({ detail: next.check.detail }, 'replication behind');
      else o.logger.info({ detail: next.check.detail }, 'replication caught up');
    }
    state = next;
  };

  const tick = async () => {
    if (reading) return;
    reading = true;
    try {
      const text = await read();
      // The time of the answer: a position is known to be there from then on.
      const now = o.now();
      const parsed = parseLitestreamMetrics(text, dbPath);
      silentSince = undefined;
      if (!parsed.ok) {
        settle({ check: { ok: true, warn: true, detail: parsed.reason }, answering: true });
        return;
      }
      const lags = tracker.observe(now, parsed.positions);
      const { detail, warn } = describeLag(lags, warnAfter);
      const lag = Math.max(...lags.map((l) => l.seconds));
      settle({ check: { ok: true, ...(warn ? { warn } : {}), detail }, lag, answering: true });
    } catch (err) {
      if (controller.signal.aborted) return;
      const now = o.now();
      silentSince ??= now;
      const seconds = Math.round((now - silentSince) / 1000);
      const detail = `litestream not answering at ${o.url} for ${seconds} s: ${messageOf(err)}`;
      settle({ check: { ok: true, warn: true, detail }, answering: false });
    } finally {
      reading = false;
    }
  };

  void tick();
  const timer = setInterval(() => void tick(), o.intervalMs ?? 1000);
  timer.unref();
  return {
    check: () => state.check,
    lagSeconds: () => state.lag,
    answering: () => state.answering,
    stop() {
      clearInterval(timer);
      controller.abort();
    },
  };
}

/** `kero_litestream_up` and `kero_replication_lag_seconds`, read from the watch at each scrape. */
export function registerReplicationGauges(registry: Registry, watch: ReplicationWatch): void {
  const registers = [registry];
  new Gauge({
    name: 'kero_litestream_up',
    help: "1 when Litestream's metrics endpoint answered the last reading (every second), else 0",
    registers,
    collect() {
      this.set(watch.answering() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'kero_replication_lag_seconds',
    help: 'How long the oldest change the slowest Litestream replica lacks has waited, seconds (NaN while Litestream does not answer)',
    registers,
    collect() {
      this.set(watch.lagSeconds() ?? Number.NaN);
    },
  });
}
