/**
 * Kero's server from its configuration and an open database: the SMS gateway and dispatcher, the
 * metrics and readiness, the Express app listening, the checkpoint worker and the timers; and
 * the order in which it all stops.
 */
import type { Logger } from 'pino';
import { startCheckpointer } from '../db/checkpointer';
import type { Db } from '../db/client';
import { ensureConsoleSecret, ensureWebhookToken } from '../db/settings';
import { menu } from '../menus';
import type { SlaPolicy } from './complaints/core/sla';
import type { Open311Settings } from './open311/georeport';
import type { Config } from './config';
import { backfillPlaceKeys } from './complaints/clusters';
import { backfillDueTimes } from './complaints/due-times';
import { settleWorkTimes } from './reports/work-times';
import { escalationDeps, secureRandomInt, workingHoursOf } from './deps';
import type { ConsoleDeps } from './console/deps';
import { createApp, type AppDeps } from './http/app';
import { prepareGracefulClose } from './http/graceful-close';
import { readSettings, readWorkersOf, startReadPool } from './http/read-jobs';
import { inboundDeps } from './http/routes/sms-inbound';
import { createMetrics } from './ops/metrics';
import { createReadiness } from './ops/readiness';
import { createAfricasTalkingGateway } from './sms/africastalking';
import { createDispatcher, leaseMsFor } from './sms/dispatcher';
import type { SmsGateway } from './sms/gateway';
import { createLocalGateway } from './sms/local-gateway';
import { startTimers } from './timers';

const MB = 1024 * 1024;

function gatewayFor(config: Config, logger: Logger): SmsGateway {
  if (!config.AT_API_KEY) {
    logger.warn('AT_API_KEY is not set: SMS are logged, not sent');
    return createLocalGateway({ logger });
  }
  return createAfricasTalkingGateway({
    username: config.AT_USERNAME,
    apiKey: config.AT_API_KEY,
    senderId: config.AT_SENDER_ID,
    baseUrl: config.AT_API_BASE_URL,
    timeoutMs: config.SMS_TIMEOUT_MS,
    logger,
  });
}

/** The four callback URLs to paste into the Africa's Talking dashboard, when Kero made the token. */
function callbackUrls(config: Config, token: string, generated: boolean): string {
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const q = `?token=${token}`;
  return [
    '',
    `Kero is listening on port ${config.PORT} (database ${config.DATABASE_PATH}).`,
    generated
      ? 'WEBHOOK_TOKEN is not set: generated one and stored it in the database.'
      : 'WEBHOOK_TOKEN is not set: using the token stored in the database.',
    "Paste these callback URLs into the Africa's Talking dashboard:",
    `  USSD callback:            ${base}/ussd${q}`,
    `  USSD events callback:     ${base}/ussd/events${q}`,
    `  SMS incoming callback:    ${base}/sms/inbound${q}`,
    `  SMS delivery reports:     ${base}/sms/delivery${q}`,
    '',
  ].join('\n');
}

/** The console's settings: office hours, its key, cookies and session lengths. */
function consoleDepsOf(
  config: Config,
  db: Db,
  logger: Logger,
  sla: ReturnType<typeof escalationDeps>,
): ConsoleDeps {
  return {
    db,
    now: () => Date.now(),
    logger,
    reference: sla.reference,
    sla: sla.policy,
    hours: workingHoursOf(config),
    randomInt: secureRandomInt,
    serviceCode: config.USSD_SERVICE_CODES[0] ?? '',
    secret: config.CONSOLE_SECRET ?? ensureConsoleSecret(db),
    sessions: {
      idleMs: config.CONSOLE_IDLE_MINUTES * 60_000,
      absoluteMs: config.CONSOLE_SESSION_HOURS * 3_600_000,
    },
    secureCookie: config.CONSOLE_SECURE_COOKIE ?? (config.PUBLIC_URL ?? '').startsWith('https:'),
  };
}

/** TRUST_PROXY as Express reads it: a hop count, or the addresses/names of the proxies. */
const trustProxyOf = (v: string | undefined): number | string | undefined =>
  v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v;

/** The Open311 endpoint's settings (served only when OPEN311_ENABLED). */
function open311Settings(config: Config, policy: SlaPolicy): Open311Settings {
  return {
    descriptions: config.OPEN311_DESCRIPTIONS,
    policy,
    ratePerMinute: config.OPEN311_RATE_LIMIT,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(config.TOLL_FREE_NUMBER ? { tollFreeNumber: config.TOLL_FREE_NUMBER } : {}),
  };
}

/** Starts everything; `stop` finishes what is in flight, then closes the database. */
export function startServer(config: Config, db: Db, logger: Logger): { stop(): Promise<void> } {
  const now = () => Date.now();
  const file = config.DATABASE_PATH;
  const checkpointer = file === ':memory:' ? undefined : startCheckpointer(db, file, { logger });
  const stored = config.WEBHOOK_TOKEN ? undefined : ensureWebhookToken(db);
  const webhookToken = config.WEBHOOK_TOKEN ?? stored?.token ?? '';
  const sla = escalationDeps(config, db);
  const backfilled = backfillDueTimes(db, sla.policy);
  if (backfilled > 0) logger.info({ backfilled }, 'sla deadlines stored for older complaints');
  const keyed = backfillPlaceKeys(db);
  if (keyed > 0) logger.info({ keyed }, 'place keys stored for older complaints (clusters)');
  const consoleDeps = consoleDepsOf(config, db, logger, sla);
  const timed = settleWorkTimes(db, consoleDeps.hours);
  if (timed > 0) logger.info({ timed }, 'office times stored for older complaints (dashboard)');
  const { registry, metrics } = createMetrics({
    db,
    file,
    now,
    dispatcher: { health: () => dispatcher.health() },
    ...(config.SMS_MONTHLY_BUDGET ? { smsMonthlyBudget: config.SMS_MONTHLY_BUDGET } : {}),
  });
  const dispatcher = createDispatcher({
    db,
    gateway: gatewayFor(config, logger),
    now,
    random: Math.random,
    logger,
    concurrency: config.SMS_CONCURRENCY,
    maxAttempts: config.SMS_MAX_ATTEMPTS,
    leaseMs: leaseMsFor({ timeoutMs: config.SMS_TIMEOUT_MS }),
    retryBudgetMs: config.SMS_RETRY_HOURS * 60 * 60_000,
    probeMs: config.SMS_PROBE_SECONDS * 1000,
    quietHours: config.QUIET_HOURS,
    onOutcome: metrics.smsOutcome,
  });
  const open311 = config.OPEN311_ENABLED ? open311Settings(config, sla.policy) : undefined;
  // Console pages, exports and Open311 off the event loop; a `:memory:` database has no file
  // for a second connection: its reads stay on this thread.
  const reads =
    file === ':memory:'
      ? undefined
      : startReadPool(readSettings(file, config.LOG_LEVEL, consoleDeps, open311), {
          size: readWorkersOf(config),
          queue: config.READ_QUEUE,
          logger,
        });
  const appDeps: AppDeps = {
    db,
    menu,
    reference: sla.reference,
    // SMS commands store the office time of a reply or resolution, as the console does.
    hours: consoleDeps.hours,
    logger,
    now,
    randomInt: secureRandomInt,
    sla: sla.policy,
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
    console: consoleDeps,
    ...(config.TRUST_PROXY ? { trustProxy: trustProxyOf(config.TRUST_PROXY) ?? 0 } : {}),
    metricsRoute: { registry, ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) },
    ...(open311 ? { open311 } : {}),
    ...(reads ? { reads } : {}),
    readiness: createReadiness({
      db,
      file,
      now,
      dispatcher,
      ...(checkpointer ? { checkpointer } : {}),
      ...(reads ? { reads } : {}),
      minFreeBytes: config.READY_MIN_FREE_MB * MB,
      maxWalBytes: config.READY_MAX_WAL_MB * MB,
      smsFailingMs: config.READY_SMS_FAILING_MINUTES * 60_000,
    }),
  };
  const server = createApp(appDeps).listen(config.PORT, config.HOST, () => {
    logger.info({ port: config.PORT, database: file }, 'kero listening');
    if (stored) process.stdout.write(callbackUrls(config, webhookToken, stored.generated));
  });
  const http = prepareGracefulClose(server);
  dispatcher.start(config.SMS_DISPATCH_INTERVAL_SECONDS * 1000);
  const timers = startTimers({ db, config, logger, sla, inbound: inboundDeps(appDeps), metrics });
  return {
    // Every USSD hop received gets its answer (after its commit), the SMS sends in flight get
    // their outcome recorded (a row still in flight if the process is cut off stays 'sending'
    // and the next start gives it back), the checkpoint worker stops, the database closes.
    async stop() {
      const stopped = [dispatcher.stop(), timers.stop()];
      await http.close();
      // Every request is answered: the read workers have nothing left to do.
      await Promise.allSettled([...stopped, checkpointer?.stop(), reads?.stop()]);
      db.$client.close();
    },
  };
}
