/**
 * What the reply composer shows before a reply is sent: the exact SMS the citizen will get (in
 * the citizen's language, typed text made GSM-7, shortened to two parts if need be), its length
 * and number of SMS parts, and the typed characters the SMS alphabet cannot carry; and the saved
 * replies it offers, filled in for the complaint. Pure.
 */
import { z } from 'zod';
import type { ComplaintRow, SavedReplyRow } from '../../../db/schema';
import { citizenSmsBody } from '../../complaints/core/citizen-sms';
import { fillReply, replyValues } from '../../complaints/core/replies';
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

/** A saved reply as the composer offers it: its title, and its text filled for the complaint. */
export interface SavedReplyChoice {
  id: number;
  title: string;
  /** In the citizen's language, the complaint's values filled in (GSM-7). */
  text: string;
}

/**
 * Pure. The saved replies offered for `c` (`rows`: those that fit its category and region), each
 * filled in the citizen's language; `officer` is the name of the staff member who has it.
 */
export function savedReplyChoices(
  reference: ReferenceData,
  c: ComplaintRow,
  rows: readonly Pick<SavedReplyRow, 'id' | 'title' | 'textSw' | 'textEn'>[],
  officer: string | null,
): SavedReplyChoice[] {
  const values = replyValues(reference, c, c.language, officer);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    text: fillReply(c.language === 'sw' ? r.textSw : r.textEn, values),
  }));
}

const savedReplyId = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

/** Pure. A saved reply's id as the composer's form sends it; anything else is none. */
export function savedReplyIdOf(value: string): number | undefined {
  const parsed = savedReplyId.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
