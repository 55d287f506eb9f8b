/**
 * Time as Tanzania reads it. Pure. East Africa Time is UTC+3 all year (no daylight saving): the
 * calendar day of an instant, its start, dates as people write them, and working days (Monday to
 * Friday minus public holidays) for the SLAs. Every channel and report uses these; none keeps
 * its own offset.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Pure. The Tanzanian calendar day of an instant, YYYY-MM-DD. */
export function dayKey(ms: number): string {
  return new Date(ms + EAT_OFFSET_MS).toISOString().slice(0, 10);
}

/** Pure. Start (00:00 EAT) of the Tanzanian day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + EAT_OFFSET_MS) / DAY_MS) * DAY_MS - EAT_OFFSET_MS;
}

/** Pure. dd/mm/yyyy in Tanzanian time. */
export function formatDate(ms: number): string {
  const [yyyy, mm, dd] = dayKey(ms).split('-');
  return `${dd}/${mm}/${yyyy}`;
}

/**
 * Pure. An instant as ISO 8601 (the W3C profile) in Tanzanian time with its offset, to the
 * second: `2026-03-12T09:00:00+03:00`.
 */
export function isoDateTime(ms: number): string {
  return `${new Date(ms + EAT_OFFSET_MS).toISOString().slice(0, 19)}+03:00`;
}

/** Pure. An instant as Tanzania reads it, for the command line: `2026-03-12 09:03:00 EAT`. */
export function tanzanianDateTime(ms: number): string {
  return `${new Date(ms + EAT_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')} EAT`;
}

/** Pure. 00:00 EAT of a YYYY-MM-DD calendar date, or undefined when it is not one. */
export function startOfTanzanianDay(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: only a date that survives the round trip is real.
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== date) {
    return undefined;
  }
  return utcMidnight - EAT_OFFSET_MS;
}

/** Pure. Monday to Friday and not a holiday (holidays as YYYY-MM-DD). */
export function isWorkingDay(ms: number, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(ms + EAT_OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(dayKey(ms));
}

/**
 * Pure. The end (midnight EAT) of the n-th working day after the day of `ms`: from a Friday with
 * n = 3 that is the end of Wednesday; from a Saturday, too.
 */
export function endOfWorkingDaysAfter(
  ms: number,
  n: number,
  holidays: ReadonlySet<string>,
): number {
  let day = startOfDay(ms);
  let counted = 0;
  while (counted < n) {
    day += DAY_MS;
    if (isWorkingDay(day + DAY_MS / 2, holidays)) counted++;
  }
  return day + DAY_MS;
}

/** Pure. Working days from the day after `from` up to and including the day of `to`. */
export function workingDaysBetween(
  from: number,
  to: number,
  holidays: ReadonlySet<string>,
): number {
  let n = 0;
  for (let day = startOfDay(from) + DAY_MS; day <= startOfDay(to); day += DAY_MS) {
    if (isWorkingDay(day + DAY_MS / 2, holidays)) n++;
  }
  return n;
}

/** Office hours on working days, in minutes after midnight (Tanzanian time). */
export interface WorkingHours {
  startMinute: number;
  endMinute: number;
  holidays: ReadonlySet<string>;
}

/** Pure. The length of one working day, in ms. */
export const workingDayMs = (h: WorkingHours): number => (h.endMinute - h.startMinute) * 60_000;

/** Pure. The office-hours part of the Tanzanian day starting at `dayStart`, or none. */
function officeOf(dayStart: number, h: WorkingHours): [number, number] | undefined {
  if (!isWorkingDay(dayStart + DAY_MS / 2, h.holidays)) return undefined;
  return [dayStart + h.startMinute * 60_000, dayStart + h.endMinute * 60_000];
}

/**
 * Pure. Office time between two instants (negative when `to` is before `from`): the working
 * days' office hours that fall between them. What "3 h left" on a deadline means.
 */
export function workingMsBetween(from: number, to: number, h: WorkingHours): number {
  if (to < from) return -workingMsBetween(to, from, h);
  let total = 0;
  for (let day = startOfDay(from); day <= to; day += DAY_MS) {
    const office = officeOf(day, h);
    if (office) total += Math.max(0, Math.min(to, office[1]) - Math.max(from, office[0]));
  }
  return total;
}

/** Pure. The instant `ms` of office time after `from` (`from` itself when `ms` is 0). */
export function addWorkingMs(from: number, ms: number, h: WorkingHours): number {
  let left = ms;
  let at = from;
  for (let day = startOfDay(from); ; day += DAY_MS) {
    const office = officeOf(day, h);
    if (!office) continue;
    const begin = Math.max(at, office[0]);
    if (begin < office[1]) {
      if (begin + left <= office[1]) return begin + left;
      left -= office[1] - begin;
    }
    at = office[1];
  }
}

/** Pure. `HH:MM-HH:MM` as minutes after midnight, or undefined when it is not office hours. */
export function parseHours(text: string): { startMinute: number; endMinute: number } | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return undefined;
  const startMinute = Number(m[1]) * 60 + Number(m[2]);
  const endMinute = Number(m[3]) * 60 + Number(m[4]);
  return endMinute > startMinute ? { startMinute, endMinute } : undefined;
}

/** Pure. The Tanzanian calendar month of an instant, YYYY-MM. */
export function monthKey(ms: number): string {
  return dayKey(ms).slice(0, 7);
}

const MINUTE_MS = 60_000;

/** Pure. Minutes after midnight of `HH:MM` (00:00 to 23:59), or undefined when it is not one. */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** A daily stretch of Tanzanian time, from `start` up to (not including) `end`, in minutes after midnight; it may run over midnight. */
export interface DailyWindow {
  start: number;
  end: number;
}

/** Pure. `HH:MM-HH:MM` as a DailyWindow; undefined when malformed or empty (start = end). */
export function parseDailyWindow(text: string): DailyWindow | undefined {
  const [from, to, extra] = text.split('-');
  if (from === undefined || to === undefined || extra !== undefined) return undefined;
  const start = parseClock(from);
  const end = parseClock(to);
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
}

/** Pure. The Tanzanian clock time of an instant, HH:MM (24-hour): `07:00`. */
export function clockTime(ms: number): string {
  return new Date(ms + EAT_OFFSET_MS).toISOString().slice(11, 16);
}

/** Pure. The instant `minute` (after midnight, Tanzanian time) falls on the day of `ms`. */
export function atMinuteOfDay(ms: number, minute: number): number {
  return startOfDay(ms) + minute * MINUTE_MS;
}

/**
 * Pure. When the window `ms` falls in ends (the first instant after it), or undefined when `ms`
 * is outside it. 21:00-07:00 at 23:30 ends at 07:00 the next morning; at 06:59, at 07:00 today.
 */
export function endOfWindow(ms: number, w: DailyWindow): number | undefined {
  const minute = Math.floor((ms - startOfDay(ms)) / MINUTE_MS);
  const overnight = w.start > w.end;
  const inside = overnight
    ? minute >= w.start || minute < w.end
    : minute >= w.start && minute < w.end;
  if (!inside) return undefined;
  const endToday = atMinuteOfDay(ms, w.end);
  return endToday > ms ? endToday : endToday + DAY_MS;
}
