/**
 * The SMS budget (SMS_MONTHLY_BUDGET, in parts, the unit Africa's Talking bills): the month's
 * parts against it, and one warning SMS to every active headquarters staff member when the month
 * reaches 80 % and again at 100 %, each once a month (remembered in the settings table, so a
 * restart does not repeat it). Nothing is ever held back for the budget: it only warns.
 */
import { inTransaction, type Db } from '../../db/client';
import { readSetting, writeSetting } from '../../db/settings';
import { enqueueSms } from '../outbox/repository';
import { sentPartsIn } from '../outbox/usage';
import { activeStaffInRole } from '../staff/repository';
import { monthKey } from '../text/calendar';
import { smsText } from '../text/sms';

/** Percentages of the budget at which headquarters is warned. */
export const BUDGET_THRESHOLDS = [80, 100] as const;

export interface SmsUsage {
  /** The Tanzanian calendar month, YYYY-MM. */
  month: string;
  parts: number;
  /** SMS_MONTHLY_BUDGET; null when none is set. */
  budget: number | null;
  /** Whole percent of the budget used; null without a budget. */
  percent: number | null;
}

/** The SMS parts sent in the month of `now`, against the budget. */
export function smsUsage(db: Db, budget: number | undefined, now: number): SmsUsage {
  const month = monthKey(now);
  const parts = sentPartsIn(db, month);
  if (budget === undefined) return { month, parts, budget: null, percent: null };
  return { month, parts, budget, percent: Math.floor((parts * 100) / budget) };
}

const warnedKey = (month: string, threshold: number) => `sms_budget_warned:${month}:${threshold}`;

/**
 * Warns headquarters of each threshold the month has newly reached: one SMS per active HQ staff
 * member, naming the highest one reached (a jump past both warns once, at 100 %). Each threshold
 * is remembered for the month in the same transaction as the SMS it caused. Returns the
 * thresholds recorded now (empty: nothing new, or no budget).
 */
export function checkSmsBudget(db: Db, budget: number | undefined, now: number): number[] {
  if (budget === undefined) return [];
  return inTransaction(
    db,
    (tx) => {
      const usage = smsUsage(tx, budget, now);
      const reached = BUDGET_THRESHOLDS.filter((t) => usage.parts * 100 >= t * budget);
      const fresh = reached.filter((t) => readSetting(tx, warnedKey(usage.month, t)) === undefined);
      if (fresh.length === 0) return [];
      for (const t of fresh) writeSetting(tx, warnedKey(usage.month, t), String(now));
      const vars = { month: usage.month, parts: usage.parts, budget, percent: usage.percent ?? 0 };
      for (const member of activeStaffInRole(tx, 'hq')) {
        const body = smsText('sms.staff.budget', member.language, vars);
        enqueueSms(tx, { toPhone: member.phone, body, template: 'sms.staff.budget' }, now);
      }
      return fresh;
    },
    { behavior: 'immediate' },
  );
}
