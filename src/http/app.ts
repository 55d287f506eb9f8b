/**
 * Builds the Express app from its dependencies. Never listens: src/main.ts does, tests use
 * supertest on the returned app with an in-memory database.
 */
import express, { type Express } from 'express';
import { throughPool, type JobRunner } from '../../db/reads';
import { consoleRouter } from '../console/app';
import type { ConsoleDeps } from '../console/deps';
import type { ConsoleJobs } from '../console/reads';
import type { FiguresJobs } from '../figures/reads';
import type { Open311Jobs } from '../open311/reads';
import { createReadiness, type Readiness } from '../ops/readiness';
import { errorHandler } from './errors';
import { requestLog } from './request-log';
import { smsDeliveryHandler } from './routes/sms-delivery';
import { smsInboundHandler, type SmsInboundRouteDeps } from './routes/sms-inbound';
import { ussdHandlers, type UssdRouteDeps } from './routes/ussd';
import { metricsHandler, type MetricsRoute } from './metrics';
import type { Open311Settings } from '../open311/georeport';
import { figuresRouter } from './routes/figures';
import { open311Router } from './routes/open311';
import { statusRouter } from './routes/status';
import { otherMethod, webhook } from './webhook';

export interface AppDeps extends UssdRouteDeps, SmsInboundRouteDeps {
  webhookToken: string;
  /** GET /readyz; default: the database check alone. */
  readiness?: () => Readiness;
  /** GET /metrics: the registry, and METRICS_TOKEN (none: loopback callers only). */
  metricsRoute?: MetricsRoute;
  /** The web console at /console (none: not served). */
  console?: ConsoleDeps;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe (TRUST_PROXY). */
  trustProxy?: number | string;
  /** /status lookups a minute from one client (default 30; the bench raises it). */
  statusPerMinute?: number;
  /** /figures requests a minute from one client (default 60; the bench raises it). */
  figuresPerMinute?: number;
  /** Hears how to keep the public figures counted (src/http/routes/figures.ts). */
  onFiguresWarm?: (warm: () => Promise<void>) => void;
  /** The public Open311 endpoint under /open311; absent (OPEN311_ENABLED=false): not served. */
  open311?: Open311Settings;
  /**
   * The read workers (src/http/read-jobs.ts) that answer the console's pages and exports and
   * Open311; absent: those reads run on this thread (tests on `:memory:`).
   */
  reads?: JobRunner;
}

const WEBHOOKS = ['/ussd', '/ussd/events', '/sms/inbound', '/sms/delivery'];

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Webhook answers are never cached: hashing every body for an ETag is wasted work.
  app.set('etag', false);
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  // One log line per request at info; below that the layer would only cost every hop a step.
  if (deps.logger.isLevelEnabled('info')) app.use(requestLog(deps.logger));
  const ussd = ussdHandlers(deps);
  const token = deps.webhookToken;
  app.post('/ussd', webhook(token, ussd.hop));
  app.post('/ussd/events', webhook(token, ussd.events));
  // Liveness: the process answers. Whether it can serve is /readyz's question.
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  const readiness =
    deps.readiness ?? createReadiness({ db: deps.db, file: ':memory:', now: deps.now });
  app.get('/readyz', (_req, res) => {
    const r = readiness();
    res.status(r.ready ? 200 : 503).json({ status: r.ready ? 'ready' : 'not ready', ...r });
  });
  if (deps.metricsRoute) app.get('/metrics', metricsHandler(deps.metricsRoute));
  app.post('/sms/inbound', webhook(token, smsInboundHandler(deps)));
  app.post('/sms/delivery', webhook(token, smsDeliveryHandler(deps)));
  // Any other method on a webhook (OPTIONS included, which Express would answer 200 by itself):
  // 401 without the token, 404 with it.
  for (const path of WEBHOOKS) app.all(path, otherMethod(token));
  if (deps.console) {
    const reads = deps.reads
      ? throughPool<ConsoleJobs>(deps.reads, 'console', deps.console.now)
      : undefined;
    app.use('/console', consoleRouter(deps.console, reads));
    app.get('/', (_req, res) => {
      res.redirect(302, '/console');
    });
  }
  // The public status page: a complaint's public facts by its number (issue 21).
  app.use(
    statusRouter({
      db: deps.db,
      reference: deps.reference,
      now: deps.now,
      ...(deps.statusPerMinute ? { perMinute: deps.statusPerMinute } : {}),
    }),
  );
  // The public figures per region and council (issue 21), counted on the read workers.
  app.use(
    figuresRouter(
      {
        db: deps.db,
        reference: deps.reference,
        now: deps.now,
        logger: deps.logger,
        ...(deps.figuresPerMinute ? { perMinute: deps.figuresPerMinute } : {}),
        ...(deps.onFiguresWarm ? { onWarm: deps.onFiguresWarm } : {}),
      },
      deps.reads ? throughPool<FiguresJobs>(deps.reads, 'figures', deps.now) : undefined,
    ),
  );
  if (deps.open311) {
    const reads = deps.reads
      ? throughPool<Open311Jobs>(deps.reads, 'open311', deps.now)
      : undefined;
    app.use('/open311', open311Router({ ...deps, open311: deps.open311 }, reads));
  }
  app.use(errorHandler(deps.logger));
  return app;
}
