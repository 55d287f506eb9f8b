/**
 * POST /ussd (Africa's Talking USSD callback) and POST /ussd/events (end-of-session notices).
 * Bodies are form-encoded; zod validates them here so only typed values go inward. Hops go through
 * the group commit (src/ussd/group-commit.ts): the answer leaves once its transaction is durable.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { maskPhone } from '../../text/phone';
import { createUssdGroupCommit } from '../../ussd/group-commit';
import { errorScreen } from '../../ussd/handler';
import { recordSessionEnd } from '../../ussd/session-end-repository';
import { parseBody, phone, rawText, required } from '../fields';
import { sendText } from '../text';
import type { WebhookHandler } from '../webhook';
import { type UssdDeps } from '../../ussd/hop';

const MAX_TEXT = 20_000;

export const ussdRequestSchema = z.object({
  sessionId: required(128),
  serviceCode: required(32),
  phoneNumber: phone,
  networkCode: z.string().trim().max(16).default(''),
  text: z.string().max(MAX_TEXT).default(''),
});

// AT leaves a figure empty when it has none: that is unknown, not zero.
const optionalInt = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number().int().min(0).optional().catch(undefined),
);

export const ussdEventSchema = z.object({
  sessionId: required(128),
  serviceCode: z.string().max(32).default(''),
  networkCode: z.string().max(16).default(''),
  phoneNumber: phone,
  status: required(32),
  date: rawText(64),
  cost: rawText(64),
  durationInMillis: optionalInt,
  hopsCount: optionalInt,
  hopsMetadata: rawText(4000),
  input: rawText(4000),
  lastAppResponse: rawText(1000),
  errorMessage: rawText(1000),
});

export interface UssdRouteDeps extends UssdDeps {
  serviceCodes: string[];
  logger: Logger;
  /** Hears the size of every group-commit batch (the metrics). */
  onCommitBatch?: (size: number) => void;
}

export interface UssdHandlers {
  /** POST /ussd: answered after the group commit that made the hop durable. */
  hop: WebhookHandler;
  /** POST /ussd/events */
  events: WebhookHandler;
}

export function ussdHandlers(deps: UssdRouteDeps): UssdHandlers {
  const commits = createUssdGroupCommit(deps, undefined, deps.onCommitBatch);
  const served = new Set(deps.serviceCodes);
  return {
    hop: (req, res) => {
      const started = deps.metrics ? performance.now() : undefined;
      const ussd = parseBody(ussdRequestSchema, req.body);
      if (served.size > 0 && !served.has(ussd.serviceCode)) {
        deps.logger.warn(
          {
            sessionId: ussd.sessionId,
            serviceCode: ussd.serviceCode,
            phone: maskPhone(ussd.phoneNumber),
          },
          'ussd request for a service code this server does not serve',
        );
        sendText(res, 200, errorScreen(deps, ussd));
        return;
      }
      commits.submit(ussd, (body) => sendText(res, 200, body), started);
    },
    events: (req, res) => {
      const event = parseBody(ussdEventSchema, req.body);
      recordSessionEnd(deps.db, event, deps.now());
      sendText(res, 200, 'OK');
    },
  };
}
