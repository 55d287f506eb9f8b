/**
 * POST /ussd (Africa's Talking USSD callback) and POST /ussd/events (end-of-session notices).
 * Bodies are form-encoded; zod validates them here so only typed values go inward. Hops go through
 * the group commit (src/ussd/group-commit.ts): the answer leaves once its transaction is durable.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { normalizePhone, maskPhone } from '../../text/phone';
import { createUssdGroupCommit } from '../../ussd/group-commit';
import { errorScreen } from '../../ussd/handler';
import { recordSessionEnd } from '../../ussd/session-end-repository';
import { BadRequestError } from '../errors';
import { sendText } from '../text';
import type { WebhookHandler } from '../webhook';
import { type UssdDeps } from '../../ussd/hop';

const MAX_TEXT = 20_000;

const field = (max: number) => z.string().trim().min(1).max(max);

const phone = z
  .string()
  .max(32)
  .transform((s, ctx) => {
    const normalized = normalizePhone(s);
    if (!normalized) ctx.addIssue({ code: 'custom', message: 'not a phone number' });
    return normalized ?? z.NEVER;
  });

export const ussdRequestSchema = z.object({
  sessionId: field(128),
  serviceCode: field(32),
  phoneNumber: phone,
  networkCode: z.string().trim().max(16).default(''),
  text: z.string().max(MAX_TEXT).default(''),
});

// AT leaves a figure empty when it has none: that is unknown, not zero.
const optionalInt = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number().int().min(0).optional().catch(undefined),
);
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => s?.slice(0, max));

export const ussdEventSchema = z.object({
  sessionId: field(128),
  serviceCode: z.string().max(32).default(''),
  networkCode: z.string().max(16).default(''),
  phoneNumber: phone,
  status: field(32),
  date: optionalText(64),
  cost: optionalText(64),
  durationInMillis: optionalInt,
  hopsCount: optionalInt,
  hopsMetadata: optionalText(4000),
  input: optionalText(4000),
  lastAppResponse: optionalText(1000),
  errorMessage: optionalText(1000),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new BadRequestError(fields.join('; '));
  }
  return result.data;
}

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
      const ussd = parse(ussdRequestSchema, req.body);
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
      const event = parse(ussdEventSchema, req.body);
      recordSessionEnd(deps.db, event, deps.now());
      sendText(res, 200, 'OK');
    },
  };
}
