/**
 * The server's timers: the SLA check, deferred staff commands, the morning digest, the SMS budget
 * check, the USSD session purge and the scheduled backups. Each logs its own failures and never
 * throws into the event loop.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { runSlaTick, type EscalationDeps } from './complaints/escalation';
import type { Config } from './config';
import { startBackupSchedule } from './ops/backup-schedule';
import type { Metrics } from './ops/metrics';
import { runDeferredInbound, type InboundDeps } from './sms/inbound';
import { purgeOldSessions } from './ussd/retention';
import { runMorningDigest } from './reports/digest';
import { checkSmsBudget } from './reports/sms-budget';

export interface TimerDeps {
  db: Db;
  config: Config;
  logger: Logger;
  sla: EscalationDeps;
  inbound: InboundDeps;
  metrics: Metrics;
}

/** Runs `work` every `ms`, logging what it throws. */
function every(ms: number, logger: Logger, what: string, work: () => void): NodeJS.Timeout {
  return setInterval(() => {
    try {
      work();
    } catch (err) {
      logger.error({ err }, `${what} failed`);
    }
  }, ms);
}

function slaTick({ sla, metrics, logger }: TimerDeps): void {
  const { escalated, closed } = runSlaTick(sla);
  for (const breach of ['first_response', 'resolution'] as const) {
    metrics.escalated(breach, escalated.filter((e) => e.breach === breach).length);
  }
  if (escalated.length + closed.length > 0) {
    logger.info({ escalated: escalated.length, closed: closed.length }, 'sla tick');
  }
}

/** The day's digest, when it is due and has not gone yet. */
function digestTick({ db, config, sla, logger }: TimerDeps): void {
  const digest = { db, reference: sla.reference, policy: sla.policy, digestAt: config.DIGEST_AT };
  const queued = runMorningDigest(digest, Date.now());
  if (queued !== undefined) logger.info({ queued }, 'morning digest queued');
}

/** The month's SMS parts against the budget: headquarters warned at each threshold once. */
function budgetTick({ db, config, logger }: TimerDeps): void {
  const warned = checkSmsBudget(db, config.SMS_MONTHLY_BUDGET, Date.now());
  if (warned.length > 0) {
    logger.warn({ thresholds: warned, budget: config.SMS_MONTHLY_BUDGET }, 'sms budget reached');
  }
}

/** Starts every timer; `stop` clears them and cancels a backup in progress. */
export function startTimers(d: TimerDeps): { stop(): Promise<void> } {
  const { config, logger } = d;
  const timers = [
    every(config.ESCALATION_INTERVAL_MINUTES * 60_000, logger, 'sla tick', () => slaTick(d)),
    // Staff commands past their hourly ceiling wait in sms_inbound; this carries them out in order.
    every(60_000, logger, 'morning digest', () => digestTick(d)),
    every(60_000, logger, 'sms budget check', () => budgetTick(d)),
    every(60_000, logger, 'deferred staff commands', () => {
      const done = runDeferredInbound(d.inbound);
      if (done > 0) logger.info({ done }, 'deferred staff commands carried out');
    }),
  ];
  const purge = () => {
    purgeOldSessions(d.db, Date.now(), config.USSD_SESSION_RETENTION_DAYS)
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted }, 'old ussd sessions deleted');
      })
      .catch((err: unknown) => logger.error({ err }, 'ussd session purge failed'));
  };
  purge();
  timers.push(setInterval(purge, 60 * 60_000));
  const backups = config.BACKUP_DIR
    ? startBackupSchedule({
        db: d.db,
        dir: config.BACKUP_DIR,
        everyHours: config.BACKUP_EVERY_HOURS,
        keep: config.BACKUP_KEEP,
        logger,
        now: () => Date.now(),
      })
    : undefined;
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      // A backup in progress is cancelled (its partial file removed) rather than waited for.
      await backups?.stop();
    },
  };
}
