/**
 * Report periods. Pure: calendar dates as the ministry writes them (YYYY-MM-DD, Tanzanian time,
 * UTC+3 all year) turned into the half-open range of instants the report filters on.
 */
const DAY = 24 * 60 * 60 * 1000;
const EAT = 3 * 60 * 60 * 1000;

export interface Period {
  /** First instant included (00:00 EAT of the first day). */
  from?: number;
  /** First instant excluded (00:00 EAT of the day after the last day). */
  until?: number;
}

/** Pure. 00:00 EAT of a YYYY-MM-DD calendar date, or undefined when it is not one. */
export function startOfTanzanianDay(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: only a date that survives the round trip is real.
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== date) {
    return undefined;
  }
  return utcMidnight - EAT;
}

/** Pure. The period from `from` to `to`, both days included; every problem is listed. */
export function parsePeriod(
  from: string | undefined,
  to: string | undefined,
): { ok: true; value: Period } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const start = from === undefined ? undefined : startOfTanzanianDay(from);
  const end = to === undefined ? undefined : startOfTanzanianDay(to);
  if (from !== undefined && start === undefined)
    errors.push(`--from: ${from} is not a date (YYYY-MM-DD)`);
  if (to !== undefined && end === undefined) errors.push(`--to: ${to} is not a date (YYYY-MM-DD)`);
  if (start !== undefined && end !== undefined && end < start) {
    errors.push(`--to ${to} is before --from ${from}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(start === undefined ? {} : { from: start }),
      ...(end === undefined ? {} : { until: end + DAY }),
    },
  };
}
