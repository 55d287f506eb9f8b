/**
 * POST /sms/delivery: Africa's Talking delivery reports (form-encoded). Answers 200 to every
 * well-formed report, applied or not (AT would otherwise retry it); 400 to a malformed one.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { recordDeliveryReport } from '../../sms/delivery';
import { maskPhone } from '../../text/phone';
import { optionalText, parseBody, required } from '../fields';
import { sendText } from '../text';
import type { WebhookHandler } from '../webhook';

export const deliveryReportSchema = z.object({
  id: required(128),
  status: required(32),
  phoneNumber: optionalText(32),
  networkCode: optionalText(16),
  failureReason: optionalText(256),
  retryCount: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
});

export interface SmsDeliveryRouteDeps {
  db: Db;
  logger: Logger;
  now: () => number;
}

/** POST /sms/delivery, behind the webhook rule (src/http/webhook.ts). */
export function smsDeliveryHandler(deps: SmsDeliveryRouteDeps): WebhookHandler {
  return (req, res) => {
    const report = parseBody(deliveryReportSchema, req.body);
    const result = recordDeliveryReport(deps.db, report, deps.now());
    const log = {
      messageId: report.id,
      status: report.status,
      phone: report.phoneNumber ? maskPhone(report.phoneNumber) : undefined,
      failureReason: report.failureReason,
      result,
    };
    if (result === 'updated' || result === 'stale') deps.logger.info(log, 'sms delivery report');
    else deps.logger.warn(log, 'sms delivery report ignored');
    sendText(res, 200, 'OK');
  };
}
