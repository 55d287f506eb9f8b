/**
 * Kero's server from its configuration and an open database: the SMS gateway and dispatcher, the
 * metrics and readiness, the Express app listening, the checkpoint worker (or the watch on
 * Litestream: src/ops/wal-keeper.ts) and the timers; and the order in which it all stops.
 */
import { sharedPlaces } from './reference/places';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { ensureConsoleSecret, ensureWebhookToken } from '../db/settings';
import { menu } from '../menus';
import type { SlaPolicy } from './complaints/core/sla';
import type { Open311Settings } from './open311/georeport';
import type { Config } from './config';
import { startJobRunner } from '../db/job-runner';
import { escalationDeps, fillInsOf, secureRandomInt, workingHoursOf } from './deps';
import type { ConsoleDeps } from './console/deps';
import { createApp, type AppDeps } from './http/app';
import { prepareGracefulClose } from './http/graceful-close';
import { readSettings, readWorkersOf, startReadPool } from './http/read-jobs';
import { inboundDeps } from './http/routes/sms-inbound';
import { callbackUrls } from './ops/callback-urls';
import { createMetrics } from './ops/metrics';
import { createReadiness } from './ops/readiness';
import { startWalKeeper } from './ops/wal-keeper';
import { createAfricasTalkingGateway } from './sms/africastalking';
import { createDispatcher, leaseMsFor } from './sms/dispatcher';
import type { SmsGateway } from './sms/gateway';
import { createLocalGateway } from './sms/local-gateway';
import { startTimers } from './timers';

const MB = 1024 * 1024;

function gatewayFor(config: Config, logger: Logger): SmsGateway {
  if (!config.AT_API_KEY) {
    logger.warn('AT_API_KEY is not set: SMS are logged, not sent');
    return createLocalGateway({ logger, printLine: (line) => process.stdout.write(`${line}\n`) });
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
    quietHours: config.QUIET_HOURS,
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

export interface RunningServer {
  /** Settles once the port is open (then the dispatcher and timers run), or with why it is not. */
  listening: Promise<void>;
  /** Finishes what is in flight, then closes the database; also after a failed listen. */
  stop(): Promise<void>;
}

/** How often the public figures' keeper looks at them (their counts are kept 5 minutes). */
const FIGURES_WARM_MS = 60_000;

/**
 * Starts everything. The dispatcher and the timers start only once the port is open: a server
 * that cannot listen (the port taken) sends nothing before its caller stops it.
 */
export function startServer(config: Config, db: Db, logger: Logger): RunningServer {
  const now = () => Date.now();
  const file = config.DATABASE_PATH;
  const wal = startWalKeeper(config, db, logger);
  const stored = config.WEBHOOK_TOKEN ? undefined : ensureWebhookToken(db);
  const webhookToken = config.WEBHOOK_TOKEN ?? stored?.token ?? '';
  const sla = escalationDeps(config, db);
  const consoleDeps = consoleDepsOf(config, db, logger, sla);
  let jobs: ReturnType<typeof startJobRunner> | undefined;
  const { registry, metrics } = createMetrics({
    db,
    file,
    now,
    dispatcher: { health: () => dispatcher.health() },
    ...(config.SMS_MONTHLY_BUDGET ? { smsMonthlyBudget: config.SMS_MONTHLY_BUDGET } : {}),
  });
  wal.registerGauges(registry);
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
  // The public figures' keeper (src/http/routes/figures.ts), run each minute once listening.
  let warmFigures: (() => Promise<void>) | undefined;
  let figuresTimer: NodeJS.Timeout | undefined;
  const appDeps: AppDeps = {
    onFiguresWarm: (warm) => {
      warmFigures = warm;
    },
    db,
    menu,
    reference: sla.reference,
    // The ward list read now (about 130 ms, its size fixed by the build), not by the first caller.
    places: sharedPlaces(),
    // SMS commands store the office time of a reply or resolution, as the console does.
    hours: consoleDeps.hours,
    // And an officer resolving by SMS at night is told when the citizen will be asked to rate.
    quietHours: config.QUIET_HOURS,
    logger,
    now,
    randomInt: secureRandomInt,
    sla: sla.policy,
    settings: {
      dailyComplaintLimit: config.DAILY_COMPLAINT_LIMIT,
      draftResumeMinutes: config.DRAFT_RESUME_MINUTES,
      callbackDailyLimit: config.CALLBACK_DAILY_LIMIT,
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
      ...wal.readiness,
      ...(reads ? { reads } : {}),
      minFreeBytes: config.READY_MIN_FREE_MB * MB,
      maxWalBytes: config.READY_MAX_WAL_MB * MB,
      smsFailingMs: config.READY_SMS_FAILING_MINUTES * 60_000,
    }),
  };
  let timers: { stop(): Promise<void> } | undefined;
  let resolveListening: () => void = () => undefined;
  let rejectListening: (err: Error) => void = () => undefined;
  const listening = new Promise<void>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  // Express 5 passes a listen error (EADDRINUSE...) to this callback instead of throwing it.
  const server = createApp(appDeps).listen(config.PORT, config.HOST, (err?: Error) => {
    if (err) return rejectListening(err);
    logger.info({ port: config.PORT, host: config.HOST, database: file }, 'kero listening');
    if (stored) process.stdout.write(callbackUrls(config, webhookToken, stored.generated));
    dispatcher.start(config.SMS_DISPATCH_INTERVAL_SECONDS * 1000);
    timers = startTimers({ db, config, logger, sla, inbound: inboundDeps(appDeps), metrics });
    // What an upgrade leaves to fill in runs after the server listens (db/job-runner.ts).
    jobs = startJobRunner({ db, jobs: fillInsOf(config), logger, now });
    // The country's wards and villages, for reading where an SMS complaint is: council by
    // council between callers (about 220 ms in all); until then only councils are recognised.
    void appDeps.places?.indexCountry();
    const warm = () =>
      void warmFigures?.().catch((err: unknown) =>
        logger.warn({ err }, 'public figures: keeping them counted failed'),
      );
    warm();
    figuresTimer = setInterval(warm, FIGURES_WARM_MS);
    resolveListening();
  });
  const http = prepareGracefulClose(server);
  return {
    listening,
    // Every USSD hop received gets its answer (after its commit), the SMS sends in flight get
    // their outcome recorded (a row still in flight if the process is cut off stays 'sending'
    // and the next start gives it back), the checkpoint worker stops, the database closes.
    async stop() {
      clearInterval(figuresTimer);
      const stopped = [dispatcher.stop(), timers?.stop(), jobs?.stop()];
      await http.close();
      // Every request is answered: the read workers have nothing left to do.
      await Promise.allSettled([...stopped, wal.stop(), reads?.stop()]);
      db.$client.close();
    },
  };
}
