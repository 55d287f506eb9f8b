/**
 * The composition root: the only place that reads process.env, opens the database, starts timers
 * and listens. Shuts down cleanly on SIGTERM/SIGINT.
 */
import { startCheckpointer } from '../db/checkpointer';
import { openDatabase, type Db } from '../db/client';
import { menu } from '../menus';
import { parseConfig } from './config';
import { runSlaTick } from './complaints/escalation';
import { escalationDeps, secureRandomInt } from './deps';
import { createApp, type AppDeps } from './http/app';
import { prepareGracefulClose } from './http/graceful-close';
import { inboundDeps } from './http/routes/sms-inbound';
import { createLogger } from './logger';
import { describeOpenFailure } from './ops/open-failure';
import { createMetrics } from './ops/metrics';
import { createReadiness } from './ops/readiness';
import { startBackupSchedule } from './ops/backup-schedule';
import { acquireServerLock } from './ops/server-lock';
import { ensureWebhookToken } from '../db/settings';
import { createAfricasTalkingGateway } from './sms/africastalking';
import { createDispatcher, leaseMsFor } from './sms/dispatcher';
import type { SmsGateway } from './sms/gateway';
import { runDeferredInbound } from './sms/inbound';
import { createLocalGateway } from './sms/local-gateway';
import { purgeOldSessions } from './ussd/retention';

function main(): void {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const config = parsed.config;
  let lock: ReturnType<typeof acquireServerLock>;
  try {
    lock = acquireServerLock(config.DATABASE_PATH, new Date());
  } catch (err) {
    process.stderr.write(`${describeOpenFailure(config.DATABASE_PATH, err)}\n`);
    process.exit(1);
  }
  if (!lock.ok) {
    process.stderr.write(`error: ${config.DATABASE_PATH}: ${lock.message}\n`);
    process.exit(1);
  }
  // Also on a forced exit or a crash; a kill -9 leaves a stale lock the next start takes over.
  process.once('exit', lock.release);
  const logger = createLogger(config.LOG_LEVEL);
  let db: Db;
  try {
    db = openDatabase(config.DATABASE_PATH);
  } catch (err) {
    process.stderr.write(`${describeOpenFailure(config.DATABASE_PATH, err)}\n`);
    process.exit(1);
  }
  const checkpointer =
    config.DATABASE_PATH === ':memory:'
      ? undefined
      : startCheckpointer(db, config.DATABASE_PATH, { logger });
  const stored = config.WEBHOOK_TOKEN ? undefined : ensureWebhookToken(db);
  const webhookToken = config.WEBHOOK_TOKEN ?? stored?.token ?? '';
  const sla = escalationDeps(config, db);
  const gateway: SmsGateway = config.AT_API_KEY
    ? createAfricasTalkingGateway({
        username: config.AT_USERNAME,
        apiKey: config.AT_API_KEY,
        senderId: config.AT_SENDER_ID,
        baseUrl: config.AT_API_BASE_URL,
        timeoutMs: config.SMS_TIMEOUT_MS,
        logger,
      })
    : createLocalGateway({ logger });
  if (gateway.name === 'local') logger.warn('AT_API_KEY is not set: SMS are logged, not sent');
  const { registry, metrics } = createMetrics({
    db,
    file: config.DATABASE_PATH,
    now: () => Date.now(),
    dispatcher: { health: () => dispatcher.health() },
  });
  const dispatcher = createDispatcher({
    db,
    gateway,
    now: () => Date.now(),
    random: Math.random,
    logger,
    concurrency: config.SMS_CONCURRENCY,
    maxAttempts: config.SMS_MAX_ATTEMPTS,
    leaseMs: leaseMsFor({ timeoutMs: config.SMS_TIMEOUT_MS }),
    retryBudgetMs: config.SMS_RETRY_HOURS * 60 * 60_000,
    probeMs: config.SMS_PROBE_SECONDS * 1000,
    onOutcome: metrics.smsOutcome,
  });
  const appDeps: AppDeps = {
    db,
    menu,
    reference: sla.reference,
    logger,
    now: () => Date.now(),
    randomInt: secureRandomInt,
    settings: {
      dailyComplaintLimit: config.DAILY_COMPLAINT_LIMIT,
      draftResumeMinutes: config.DRAFT_RESUME_MINUTES,
      ...(config.TOLL_FREE_NUMBER ? { tollFreeNumber: config.TOLL_FREE_NUMBER } : {}),
    },
    serviceCodes: config.USSD_SERVICE_CODES,
    smsShortcodes: config.SMS_SHORTCODES,
    smsInboundLimitPerHour: config.SMS_INBOUND_LIMIT_PER_HOUR,
    smsStaffLimitPerHour: config.SMS_STAFF_LIMIT_PER_HOUR,
    webhookToken,
    metrics,
    onCommitBatch: metrics.groupCommitBatch,
    metricsRoute: {
      registry,
      ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}),
    },
    readiness: createReadiness({
      db,
      file: config.DATABASE_PATH,
      now: () => Date.now(),
      dispatcher,
      ...(checkpointer ? { checkpointer } : {}),
      minFreeBytes: config.READY_MIN_FREE_MB * 1024 * 1024,
      maxWalBytes: config.READY_MAX_WAL_MB * 1024 * 1024,
      smsFailingMs: config.READY_SMS_FAILING_MINUTES * 60_000,
    }),
  };
  const app = createApp(appDeps);
  const server = app.listen(config.PORT, config.HOST, () => {
    const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
    logger.info({ port: config.PORT, database: config.DATABASE_PATH }, 'kero listening');
    if (stored) {
      const q = `?token=${webhookToken}`;
      process.stdout.write(
        [
          '',
          `Kero is listening on port ${config.PORT} (database ${config.DATABASE_PATH}).`,
          stored.generated
            ? 'WEBHOOK_TOKEN is not set: generated one and stored it in the database.'
            : 'WEBHOOK_TOKEN is not set: using the token stored in the database.',
          "Paste these callback URLs into the Africa's Talking dashboard:",
          `  USSD callback:            ${base}/ussd${q}`,
          `  USSD events callback:     ${base}/ussd/events${q}`,
          `  SMS incoming callback:    ${base}/sms/inbound${q}`,
          `  SMS delivery reports:     ${base}/sms/delivery${q}`,
          '',
        ].join('\n'),
      );
    }
  });
  const http = prepareGracefulClose(server);
  dispatcher.start(config.SMS_DISPATCH_INTERVAL_SECONDS * 1000);
  const slaTimer = setInterval(() => {
    try {
      const { escalated, closed } = runSlaTick(sla);
      for (const breach of ['first_response', 'resolution'] as const) {
        metrics.escalated(breach, escalated.filter((e) => e.breach === breach).length);
      }
      if (escalated.length + closed.length > 0) {
        logger.info({ escalated: escalated.length, closed: closed.length }, 'sla tick');
      }
    } catch (err) {
      logger.error({ err }, 'sla tick failed');
    }
  }, config.ESCALATION_INTERVAL_MINUTES * 60_000);
  // Staff commands past their hourly ceiling wait in sms_inbound; this carries them out in order.
  const deferredTimer = setInterval(() => {
    try {
      const done = runDeferredInbound(inboundDeps(appDeps));
      if (done > 0) logger.info({ done }, 'deferred staff commands carried out');
    } catch (err) {
      logger.error({ err }, 'deferred staff commands failed');
    }
  }, 60_000);
  const purge = () => {
    purgeOldSessions(db, Date.now(), config.USSD_SESSION_RETENTION_DAYS)
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted }, 'old ussd sessions deleted');
      })
      .catch((err: unknown) => logger.error({ err }, 'ussd session purge failed'));
  };
  purge();
  const purgeTimer = setInterval(purge, 60 * 60_000);
  const backups = config.BACKUP_DIR
    ? startBackupSchedule({
        db,
        dir: config.BACKUP_DIR,
        everyHours: config.BACKUP_EVERY_HOURS,
        keep: config.BACKUP_KEEP,
        logger,
        now: () => Date.now(),
      })
    : undefined;
  // Every USSD hop received gets its answer (after its commit), the SMS sends in flight get their
  // outcome recorded, then the database closes. Whatever is left after 10 s is cut off: exit 1.
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    // A second signal (tsx passes its own on, an impatient operator) must not kill the process
    // mid-shutdown: the first one is already being carried out.
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(slaTimer);
    clearInterval(purgeTimer);
    clearInterval(deferredTimer);
    // Not unref'd: it also keeps the process alive while the steps below wait on unref'd handles
    // (the checkpoint worker), which would otherwise let it exit before the database is closed.
    setTimeout(() => {
      logger.error('shutdown did not finish within 10 s: exiting');
      process.exit(1);
    }, 10_000);
    // Rows still in flight if the forced exit wins stay 'sending'; the next start gives them back.
    const dispatcherStopped = dispatcher.stop();
    // A backup in progress is cancelled (its partial file removed) rather than waited for.
    const backupsStopped = backups?.stop();
    void http
      .close()
      .then(() => Promise.allSettled([dispatcherStopped, backupsStopped, checkpointer?.stop()]))
      .finally(() => {
        db.$client.close();
        lock.release();
        logger.info('stopped');
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
