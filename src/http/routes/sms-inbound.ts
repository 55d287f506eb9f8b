/**
 * POST /sms/inbound: Africa's Talking's incoming-message callback (form-encoded). Answers 200 with
 * an empty body as soon as the message is recorded and handled (replies leave via the outbox);
 * 500 when handling failed, so that AT retries; 400 for a body AT would never send.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ActionDeps } from '../../complaints/actions';
import {
  DEFAULT_INBOUND_LIMIT_PER_HOUR,
  DEFAULT_STAFF_LIMIT_PER_HOUR,
  receiveSms,
  type InboundDeps,
} from '../../sms/inbound';
import { cutText, parseBody, phone, required } from '../fields';
import { sendText } from '../text';
import type { WebhookHandler } from '../webhook';
import type { UssdDeps } from '../../ussd/hop';
import type { SmsFilingDeps } from '../../citizens/sms-filing';
import { sharedPlaces } from '../../reference/places';

/** Longer texts (a many-part SMS) are cut, not refused: a 4xx would only make AT retry. */
export const MAX_INBOUND_TEXT = 2000;

export const smsInboundSchema = z.object({
  id: required(128),
  from: phone,
  to: required(32),
  text: z
    .string()
    .default('')
    .transform((s) => s.slice(0, MAX_INBOUND_TEXT)),
  date: cutText(64),
  linkId: cutText(128),
  networkCode: cutText(16),
});

export interface SmsInboundRouteDeps extends ActionDeps {
  logger: Logger;
  /** USSD service codes: the first is quoted in help SMS. */
  serviceCodes: string[];
  /** SMS_SHORTCODES: messages to any other shortcode are ignored. Default: any. */
  smsShortcodes?: string[];
  /** SMS_INBOUND_LIMIT_PER_HOUR. Default 20. */
  smsInboundLimitPerHour?: number;
  /** SMS_STAFF_LIMIT_PER_HOUR. Default 300. */
  smsStaffLimitPerHour?: number;
}

/** What filing by SMS takes from the app's dependencies (the USSD's): without them, it is off. */
export type SmsFilingSource = Partial<
  Pick<UssdDeps, 'places' | 'randomInt' | 'sla'> & {
    settings: Pick<UssdDeps['settings'], 'dailyComplaintLimit'>;
  }
>;

function filingDeps(deps: SmsInboundRouteDeps & SmsFilingSource): SmsFilingDeps | undefined {
  if (!deps.randomInt || !deps.sla || !deps.settings) return undefined;
  return {
    places: deps.places ?? sharedPlaces(),
    policy: deps.sla,
    randomInt: deps.randomInt,
    dailyLimit: deps.settings.dailyComplaintLimit,
    serviceCode: deps.serviceCodes[0],
  };
}

/** What incoming SMS handling needs, from the app's dependencies (also used by the timer). */
export function inboundDeps(deps: SmsInboundRouteDeps & SmsFilingSource): InboundDeps {
  const filing = filingDeps(deps);
  return {
    ...(filing ? { filing } : {}),
    db: deps.db,
    now: deps.now,
    reference: deps.reference,
    ...(deps.hours ? { hours: deps.hours } : {}),
    ...(deps.quietHours ? { quietHours: deps.quietHours } : {}),
    logger: deps.logger,
    shortcodes: deps.smsShortcodes ?? [],
    limitPerHour: deps.smsInboundLimitPerHour ?? DEFAULT_INBOUND_LIMIT_PER_HOUR,
    staffLimitPerHour: deps.smsStaffLimitPerHour ?? DEFAULT_STAFF_LIMIT_PER_HOUR,
    ussdCode: deps.serviceCodes[0],
  };
}

/** POST /sms/inbound, behind the webhook rule (src/http/webhook.ts). */
export function smsInboundHandler(deps: SmsInboundRouteDeps & SmsFilingSource): WebhookHandler {
  const inbound = inboundDeps(deps);
  return (req, res) => {
    const { id, ...rest } = parseBody(smsInboundSchema, req.body);
    const outcome = receiveSms(inbound, { atId: id, ...rest });
    sendText(res, outcome === 'failed' ? 500 : 200, '');
  };
}
