/**
 * The morning digest's figures and words. Pure: open complaints in, per region (or the country)
 * how many are open, overdue (and how old the oldest overdue one is), unassigned and due today,
 * against the SLA deadlines of src/complaints/core/sla.ts; and the one SMS that says so.
 */
import { slaDueAt, type SlaPolicy } from '../../complaints/core/sla';
import type { ComplaintStatus } from '../../complaints/core/lifecycle';
import { DAY_MS, formatDate, startOfDay } from '../../text/calendar';
import { smsText } from '../../text/sms';
import { translate, type Lang } from '../../text/translate';

export interface DeadlineFacts {
  status: ComplaintStatus;
  assigneeId: number | null;
  createdAt: number;
  firstResponseAt: number | null;
}

export interface DigestFigures {
  open: number;
  /** Past their deadline now. */
  overdue: number;
  /** Whole days since the oldest overdue complaint was filed; null when none is overdue. */
  oldestOverdueDays: number | null;
  /** Open with no officer (the headquarters queue). */
  unassigned: number;
  /** Not overdue yet, but due before midnight (Tanzanian time). */
  dueToday: number;
}

/** Pure. The digest's figures for these open complaints at `now`. */
export function digestFigures(
  open: readonly DeadlineFacts[],
  now: number,
  policy: SlaPolicy,
): DigestFigures {
  const endOfToday = startOfDay(now) + DAY_MS;
  let overdue = 0;
  let dueToday = 0;
  let unassigned = 0;
  let oldestOverdue = Infinity;
  for (const c of open) {
    if (c.assigneeId === null) unassigned++;
    const due = slaDueAt(c, policy);
    if (due === null) continue;
    if (due <= now) {
      overdue++;
      oldestOverdue = Math.min(oldestOverdue, c.createdAt);
    } else if (due <= endOfToday) dueToday++;
  }
  const oldestOverdueDays = overdue === 0 ? null : Math.floor((now - oldestOverdue) / DAY_MS);
  return { open: open.length, overdue, oldestOverdueDays, unassigned, dueToday };
}

/** Pure. The digest SMS for `area` (a region's name, or the country's words) in `lang`. */
export function digestText(area: string, f: DigestFigures, now: number, lang: Lang): string {
  const oldest =
    f.oldestOverdueDays === null
      ? ''
      : translate('sms.digest.oldest', lang, { days: f.oldestOverdueDays });
  return smsText('sms.digest.body', lang, {
    date: formatDate(now),
    area,
    open: f.open,
    overdue: f.overdue,
    oldest,
    unassigned: f.unassigned,
    due: f.dueToday,
  });
}
