/**
 * How the console writes times, deadlines and phone numbers. Pure: the clock and office hours
 * come in as arguments.
 */
import {
  clockTime,
  DAY_MS,
  EAT_OFFSET_MS,
  formatDate,
  startOfDay,
  workingDayMs,
  workingMsBetween,
  type WorkingHours,
} from '../../text/calendar';
import type { Ward } from '../../reference/core/ward-list';
import type { Lang } from '../../text/translate';
import { t } from './words';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Pure. dd/mm/yyyy hh:mm in Tanzanian time. */
export function dateTime(ms: number): string {
  const d = new Date(ms + EAT_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(ms)} ${hh}:${mm}`;
}

/** Pure. An instant as a notice says it: `14:30` today, `13/03/2026 08:30` another day. */
export function whenText(now: number, at: number): string {
  return startOfDay(at) === startOfDay(now) ? clockTime(at) : `${formatDate(at)} ${clockTime(at)}`;
}

/** Pure. How long ago, in words: "5 min ago", "3 h ago", "12 days ago". */
export function ago(now: number, ms: number, lang: Lang): string {
  const d = Math.max(0, now - ms);
  if (d < MINUTE) return t('age.now', lang);
  if (d < HOUR) return t('age.minutes', lang, { n: Math.floor(d / MINUTE) });
  if (d < DAY_MS) return t('age.hours', lang, { n: Math.floor(d / HOUR) });
  return t('age.days', lang, { n: Math.floor(d / DAY_MS) });
}

/** Pure. An amount of office time in words: "2 d 3 h", "4 h 20 min", "15 min". */
export function officeTime(ms: number, hours: WorkingHours, lang: Lang): string {
  const day = workingDayMs(hours);
  const days = Math.floor(ms / day);
  const h = Math.floor((ms % day) / HOUR);
  const min = Math.floor((ms % HOUR) / MINUTE);
  const parts =
    days > 0
      ? [t('sla.days', lang, { n: days }), ...(h > 0 ? [t('sla.hours', lang, { n: h })] : [])]
      : h > 0
        ? [t('sla.hours', lang, { n: h }), ...(min > 0 ? [t('sla.minutes', lang, { n: min })] : [])]
        : [t('sla.minutes', lang, { n: min })];
  return parts.join(' ');
}

export interface Badge {
  kind: 'overdue' | 'soon' | 'ok' | 'done';
  text: string;
}

/**
 * Pure. The deadline badge: office time left, or how long overdue; "soon" under one working day.
 * No deadline (resolved, closed): done.
 */
export function slaBadge(
  now: number,
  dueAt: number | null,
  hours: WorkingHours,
  lang: Lang,
): Badge {
  if (dueAt === null) return { kind: 'done', text: t('sla.done', lang) };
  const left = workingMsBetween(now, dueAt, hours);
  if (dueAt <= now) {
    return {
      kind: 'overdue',
      text: t('sla.overdue', lang, { time: officeTime(-left, hours, lang) }),
    };
  }
  const kind = left < workingDayMs(hours) ? 'soon' : 'ok';
  return { kind, text: t('sla.left', lang, { time: officeTime(left, hours, lang) }) };
}

/** Pure. A phone number with all but its last three digits hidden: +255 7•• ••• 678. */
export function maskedPhone(phone: string): string {
  const m = /^\+255(\d)(\d{5})(\d{3})$/.exec(phone);
  if (m) return `+255 ${m[1]}•• ••• ${m[3]}`;
  return `${phone.slice(0, 4)}${'•'.repeat(Math.max(0, phone.length - 7))}${phone.slice(-3)}`;
}

/**
 * Pure. A staff member as an assignment picker offers them: `Name (Role)`, with the region when
 * the list spans regions.
 */
export function staffChoice(
  s: { id: number; name: string; role: 'officer' | 'supervisor' | 'hq'; regionCode: string | null },
  lang: Lang,
  withRegion = false,
): { value: string; label: string } {
  const region = withRegion && s.regionCode ? `, ${s.regionCode}` : '';
  return { value: String(s.id), label: `${s.name} (${t(`role.${s.role}`, lang)}${region})` };
}

/** Pure. Wards in the order of their names, as a list to pick from shows them. */
export const wardsByName = (wards: readonly Ward[]): Ward[] =>
  [...wards].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.code.localeCompare(b.code));
