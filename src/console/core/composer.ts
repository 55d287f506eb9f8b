/**
 * What the reply composer shows before a reply is sent: the exact SMS the citizen will get (in
 * the citizen's language, typed text made GSM-7, shortened to two parts if need be), its length
 * and number of SMS parts, and the typed characters the SMS alphabet cannot carry. Pure.
 */
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { isGsm7, septetLength, smsParts } from '../../text/gsm7';
import { smsText } from '../../text/sms';
import type { Lang } from '../../text/translate';

export interface ReplyPreview {
  body: string;
  /** GSM-7 septets (an extended character such as € counts two). */
  length: number;
  parts: number;
  /** Characters of the typed message that will be replaced or dropped. */
  notGsm: string[];
}

/** Pure. The SMS a reply becomes, as the lifecycle service will send it. */
export function replyPreview(number: string, message: string, citizenLang: Lang): ReplyPreview {
  const body = smsText(
    'sms.reply',
    citizenLang,
    { number: formatComplaintNumber(number), message: message.trim() },
    'message',
  );
  const notGsm = [...new Set([...message].filter((c) => c !== '\r' && !isGsm7(c)))];
  return { body, length: septetLength(body), parts: smsParts(body).parts, notGsm };
}
