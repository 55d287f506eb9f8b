/**
 * Quiet hours: which SMS wait for the morning. Pure. Between QUIET_HOURS (default 21:00-07:00,
 * Tanzanian time) news a citizen is not waiting for (a status change, an escalation, a rating
 * request) waits and goes out when the quiet hours end, in the order it was queued; everything
 * else goes at once: the acknowledgement of a filing, a staff reply, an answer to the citizen's
 * own SMS, every message to staff, sign-in codes. A template not listed here goes at once, so a
 * new kind of message is never held by accident.
 */
import { endOfWindow, type DailyWindow } from '../../text/calendar';
import type { SmsKey } from '../../text/sms';

/** Citizen SMS about a change they did not ask for just now: these wait for the morning. */
export const WAITS_FOR_MORNING: ReadonlySet<string> = new Set<SmsKey>([
  'sms.assigned',
  'sms.resolved',
  'sms.reopened',
  'sms.escalated',
  // Staff could not reach a caller who asked to be called back (src/callbacks/service.ts).
  'sms.callback.unreachable',
]);

export const QUIET_HOURS_REASON = 'quiet_hours';

/**
 * An automatic reply sent as its own SMS right after the status SMS it goes with
 * (src/complaints/notify.ts) is queued as that SMS's template with this suffix
 * (`sms.assigned+auto`): it waits for the morning exactly when that SMS does.
 */
const AUTO_SUFFIX = '+auto';

/** Pure. The outbox template of an automatic reply sent after a status SMS of `template`. */
export const autoReplyTemplate = (template: string): string => `${template}${AUTO_SUFFIX}`;

/** The template whose quiet-hours rule a message follows: its own, or its status SMS's. */
const ruleOf = (template: string): string =>
  template.endsWith(AUTO_SUFFIX) ? template.slice(0, -AUTO_SUFFIX.length) : template;

/** The template of console sign-in codes: never held; in local mode printed as a plain line. */
export const SIGN_IN_CODE_TEMPLATE = 'console.code';
/** The template of the code that confirms a staff member's new sign-in phone (issue 23). */
export const PHONE_CODE_TEMPLATE = 'sms.staff.phoneCode';
/** Every template whose SMS carries a one-time code: spent, expired and scrubbed alike. */
export const CODE_TEMPLATES: readonly string[] = [SIGN_IN_CODE_TEMPLATE, PHONE_CODE_TEMPLATE];
/** Pure. Whether an SMS of `template` carries a one-time code. */
export const carriesCode = (template: string): boolean => CODE_TEMPLATES.includes(template);
/** How long a sign-in code works (5 minutes); a phone-change code too. */
export const SIGN_IN_CODE_TTL_MS = 5 * 60_000;

/**
 * Pure. When a message of `template` may go if it is due at `now`: undefined for at once, else
 * the end of the quiet hours it falls in.
 */
export function heldUntil(
  template: string,
  now: number,
  quietHours: DailyWindow | null | undefined,
): number | undefined {
  if (!quietHours || !WAITS_FOR_MORNING.has(ruleOf(template))) return undefined;
  return endOfWindow(now, quietHours);
}

/**
 * Pure. A code's SMS (sign-in, new phone) as the outbox keeps it once the code is spent (sent,
 * failed or expired): every run of digits long enough to be a code replaced, the rest kept (issue 23: the
 * database and its backups must not hold a working code).
 */
export const withoutCode = (body: string): string => body.replace(/\d{4,}/g, '[removed]');
