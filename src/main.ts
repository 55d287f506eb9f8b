/**
 * The composition root: the only place that reads process.env, opens the database, starts timers
 * and listens. Shuts down cleanly on SIGTERM/SIGINT.
 */
import { startCheckpointer } from '../db/checkpointer';
import { openDatabase } from '../db/client';
import { menu } from '../menus';
import { parseConfig } from './config';
import { runSlaTick } from './complaints/escalation';
import { escalationDeps, secureRandomInt } from './deps';
import { createApp } from './http/app';
import { createLogger } from './logger';
import { startBackupSchedule } from './ops/backup-schedule';
import { acquireServerLock } from './ops/server-lock';
import { ensureWebhookToken } from './settings';
import { createAfricasTalkingGateway } from './sms/africastalking';
import { createDispatcher, leaseMsFor } from './sms/dispatcher';
import type { SmsGateway } from './sms/gateway';
import { createLocalGateway } from './sms/local-gateway';
import { purgeOldSessions } from './ussd/retention';

function main(): void {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const config = parsed.config;
  const lock = acquireServerLock(config.DATABASE_PATH, new Date());
  if (!lock.ok) {
    process.stderr.write(`error: ${config.DATABASE_PATH}: ${lock.message}\n`);
    process.exit(1);
  }
  // Also on a forced exit or a crash; a kill -9 leaves a stale lock the next start takes over.
  process.once('exit', lock.release);
  const logger = createLogger(config.LOG_LEVEL);
  const db = openDatabase(config.DATABASE_PATH);
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
  const dispatcher = createDispatcher({
    db,
    gateway,
    now: () => Date.now(),
    random: Math.random,
    logger,
    batchSize: config.SMS_BATCH_SIZE,
    concurrency: config.SMS_CONCURRENCY,
    maxAttempts: config.SMS_MAX_ATTEMPTS,
    leaseMs: leaseMsFor({
      batchSize: config.SMS_BATCH_SIZE,
      concurrency: config.SMS_CONCURRENCY,
      timeoutMs: config.SMS_TIMEOUT_MS,
    }),
  });
  const app = createApp({
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
    webhookToken,
  });
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
  dispatcher.start(config.SMS_DISPATCH_INTERVAL_SECONDS * 1000);
  const slaTimer = setInterval(() => {
    try {
      const { escalated, closed } = runSlaTick(sla);
      if (escalated.length + closed.length > 0) {
        logger.info({ escalated: escalated.length, closed: closed.length }, 'sla tick');
      }
    } catch (err) {
      logger.error({ err }, 'sla tick failed');
    }
  }, config.ESCALATION_INTERVAL_MINUTES * 60_000);
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
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    clearInterval(slaTimer);
    clearInterval(purgeTimer);
    // Rows still in flight if the forced exit below wins stay 'sending' until their lease expires.
    const dispatcherStopped = dispatcher.stop();
    // A backup in progress is cancelled (its partial file removed) rather than waited for.
    const backupsStopped = backups?.stop();
    server.close(() => {
      void Promise.allSettled([dispatcherStopped, backupsStopped, checkpointer?.stop()]).finally(
        () => {
          db.$client.close();
          lock.release();
          process.exit(0);
        },
      );
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main();
