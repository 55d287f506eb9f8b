/**
 * Builds the Express app from its dependencies. Never listens: src/main.ts does, tests use
 * supertest on the returned app with an in-memory database.
 */
import express, { type Express } from 'express';
import { checkDatabase } from '../../db/client';
import { errorHandler } from './errors';
import { requestLog } from './request-log';
import { smsDeliveryHandler } from './routes/sms-delivery';
import { smsInboundHandler, type SmsInboundRouteDeps } from './routes/sms-inbound';
import { ussdHandlers, type UssdRouteDeps } from './routes/ussd';
import { webhook } from './webhook';

export interface AppDeps extends UssdRouteDeps, SmsInboundRouteDeps {
  webhookToken: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Webhook answers are never cached: hashing every body for an ETag is wasted work.
  app.set('etag', false);
  // One log line per request at info; below that the layer would only cost every hop a step.
  if (deps.logger.isLevelEnabled('info')) app.use(requestLog(deps.logger));
  const ussd = ussdHandlers(deps);
  const token = deps.webhookToken;
  app.post('/ussd', webhook(token, ussd.hop));
  app.post('/ussd/events', webhook(token, ussd.events));
  app.get('/healthz', (_req, res) => {
    const ok = (() => {
      try {
        return checkDatabase(deps.db);
      } catch {
        return false;
      }
    })();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok });
  });
  app.post('/sms/inbound', webhook(token, smsInboundHandler(deps)));
  app.post('/sms/delivery', webhook(token, smsDeliveryHandler(deps)));
  app.use(errorHandler(deps.logger));
  return app;
}
