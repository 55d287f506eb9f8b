/**
 * Builds the Express app from its dependencies. Never listens: src/main.ts does, tests use
 * supertest on the returned app with an in-memory database.
 */
import express, { type Express } from 'express';
import { checkDatabase } from '../../db/client';
import { requireToken } from './auth';
import { errorHandler } from './errors';
import { formParser } from './form';
import { requestLog } from './request-log';
import { smsDeliveryRouter } from './routes/sms-delivery';
import { smsInboundRouter, type SmsInboundRouteDeps } from './routes/sms-inbound';
import { ussdRouter, type UssdRouteDeps } from './routes/ussd';

export interface AppDeps extends UssdRouteDeps, SmsInboundRouteDeps {
  webhookToken: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Webhook answers are never cached: hashing every body for an ETag is wasted work.
  app.set('etag', false);
  app.use(requestLog(deps.logger));
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
  app.use('/ussd', requireToken(deps.webhookToken), formParser(), ussdRouter(deps));
  app.use('/sms/delivery', requireToken(deps.webhookToken), formParser(), smsDeliveryRouter(deps));
  app.use('/sms/inbound', requireToken(deps.webhookToken), formParser(), smsInboundRouter(deps));
  app.use(errorHandler(deps.logger));
  return app;
}
