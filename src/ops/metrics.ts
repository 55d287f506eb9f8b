/**
 * Prometheus metrics (GET /metrics, text format, prom-client). Counters and histograms are kept
 * in memory as things happen (after their transaction commits); gauges that describe the data
 * (outbox depth, the oldest queued SMS, the month's SMS parts, the WAL) are read when Prometheus
 * scrapes, through indexed queries (or one row) that cost the same however large the tables grow.
 */
import fs from 'node:fs';
import client, { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../db/client';
import { listJobs, progressOf } from '../../db/jobs';
import type { DispatcherHealth } from '../sms/dispatcher';
import { outboxDepth } from '../outbox/repository';
import { sentPartsIn } from '../outbox/usage';
import { monthKey } from '../text/calendar';

export type HopResult = 'con' | 'end' | 'error';

/** What the request paths report; every method is cheap enough for a USSD hop. */
export interface Metrics {
  /** One USSD hop answered: the screen it left the caller on, and its time to answer. */
  hop: (screen: string, result: HopResult, seconds: number) => void;
  complaintFiled: (channel: string) => void;
  /** One send recorded by the dispatcher: sent, retried, failed, deferred. */
  smsOutcome: (outcome: string) => void;
  escalated: (breach: string, n: number) => void;
  groupCommitBatch: (size: number) => void;
}

export interface MetricsSources {
  db: Db;
  /** The database file (':memory:': no WAL gauge). */
  file: string;
  now: () => number;
  dispatcher?: { health(): DispatcherHealth };
  /** SMS_MONTHLY_BUDGET, in parts; none: no budget gauge. */
  smsMonthlyBudget?: number;
}

const CIRCUIT: Record<DispatcherHealth['state'], number> = { closed: 0, half_open: 1, open: 2 };

/** The registry and the recorder the app reports to. Default process metrics included. */
export function createMetrics(sources: MetricsSources): { registry: Registry; metrics: Metrics } {
  const registry = new Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'kero_' });
  const registers = [registry];
  const hops = new Counter({
    name: 'kero_ussd_hops_total',
    help: 'USSD hops answered, by the screen shown and the result (con, end, error)',
    labelNames: ['screen', 'result'] as const,
    registers,
  });
  const hopSeconds = new Histogram({
    name: 'kero_ussd_hop_seconds',
    help: 'Time from a USSD request to its answer (after the commit), seconds',
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const filed = new Counter({
    name: 'kero_complaints_filed_total',
    help: 'Complaints filed, by channel',
    labelNames: ['channel'] as const,
    registers,
  });
  const sms = new Counter({
    name: 'kero_sms_sends_total',
    help: 'SMS send outcomes recorded by the dispatcher (sent, retried, failed, deferred)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const escalations = new Counter({
    name: 'kero_escalations_total',
    help: 'SLA escalations, by breach (first_response, resolution)',
    labelNames: ['breach'] as const,
    registers,
  });
  const batches = new Histogram({
    name: 'kero_group_commit_batch_size',
    help: 'Writes committed together in one group-commit transaction',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers,
  });
  registerGauges(registry, sources);
  return {
    registry,
    metrics: {
      hop: (screen, result, seconds) => {
        hops.labels(screen, result).inc();
        hopSeconds.observe(seconds);
      },
      complaintFiled: (channel) => filed.labels(channel).inc(),
      smsOutcome: (outcome) => sms.labels(outcome).inc(),
      escalated: (breach, n) => escalations.labels(breach).inc(n),
      groupCommitBatch: (size) => batches.observe(size),
    },
  };
}

function registerGauges(registry: Registry, s: MetricsSources): void {
  const registers = [registry];
  new Gauge({
    name: 'kero_sms_outbox_messages',
    help: 'SMS in the outbox waiting to go, by state (queued, sending) and failed ones',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const d = outboxDepth(s.db);
      this.set({ state: 'queued' }, d.queued);
      this.set({ state: 'sending' }, d.sending);
      this.set({ state: 'failed' }, d.failed);
    },
  });
  new Gauge({
    name: 'kero_sms_oldest_queued_seconds',
    help: 'Age of the oldest SMS still queued (0 when none)',
    registers,
    collect() {
      const oldest = outboxDepth(s.db).oldestQueuedAt;
      this.set(oldest === null ? 0 : Math.max(0, (s.now() - oldest) / 1000));
    },
  });
  new Gauge({
    name: 'kero_sms_parts_month',
    help: "SMS parts sent this calendar month (Tanzanian time), the unit Africa's Talking bills",
    registers,
    collect() {
      this.set(sentPartsIn(s.db, monthKey(s.now())));
    },
  });
  new Gauge({
    name: 'kero_background_job_percent',
    help: 'Background jobs an upgrade left (db/jobs.ts): per cent of the complaints done, 100 when finished',
    labelNames: ['job'] as const,
    registers,
    collect() {
      for (const p of listJobs(s.db).map(progressOf)) this.set({ job: p.name }, p.percent);
    },
  });
  if (s.smsMonthlyBudget !== undefined) {
    new Gauge({
      name: 'kero_sms_budget_parts',
      help: 'SMS_MONTHLY_BUDGET: the SMS parts budgeted per calendar month',
      registers,
    }).set(s.smsMonthlyBudget);
  }
  if (s.dispatcher) {
    const dispatcher = s.dispatcher;
    new Gauge({
      name: 'kero_sms_circuit_state',
      help: 'The SMS dispatcher circuit breaker: 0 closed (sending), 1 half-open (probing), 2 open',
      registers,
      collect() {
        this.set(CIRCUIT[dispatcher.health().state]);
      },
    });
  }
  if (s.file !== ':memory:') {
    new Gauge({
      name: 'kero_sqlite_wal_bytes',
      help: 'Size of the SQLite write-ahead log',
      registers,
      collect() {
        let size = 0;
        try {
          size = fs.statSync(`${s.file}-wal`).size;
        } catch {
          // no WAL file: nothing written since the last close
        }
        this.set(size);
      },
    });
  }
}
