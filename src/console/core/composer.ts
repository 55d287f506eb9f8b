/**
 * What the reply composer shows before a reply is sent: the exact SMS the citizen will get (in
 * the citizen's language, typed text made GSM-7, shortened to two parts if need be), its length
 * and number of SMS parts, and the typed characters the SMS alphabet cannot carry. Pure.
 */
import type { ComplaintRow } from '../../../db/schema';
import { citizenSmsBody } from '../../complaints/core/citizen-sms';
import type { ReferenceData } from '../../reference/types';
import { isGsm7, septetLength, smsParts } from '../../text/gsm7';

export interface ReplyPreview {
  body: string;
  /** GSM-7 septets (an extended character such as € counts two). */
  length: number;
  parts: number;
  /** Characters of the typed message that will be replaced or dropped. */
  notGsm: string[];
}

/**
 * Pure. The SMS a reply becomes, made as the lifecycle service makes it (the same function, so
 * the organisation's prefix and every other variable are filled in the same way).
 */
export function replyPreview(
  reference: ReferenceData,
  c: ComplaintRow,
  message: string,
): ReplyPreview {
  const body = citizenSmsBody(reference, c, 'sms.reply', { message: message.trim() }, 'message');
  const notGsm = [...new Set([...message].filter((c) => c !== '\r' && !isGsm7(c)))];
  return { body, length: septetLength(body), parts: smsParts(body).parts, notGsm };
}
