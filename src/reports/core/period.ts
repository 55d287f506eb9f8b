/**
 * Report periods. Pure: calendar dates as the ministry writes them (YYYY-MM-DD, Tanzanian time,
 * UTC+3 all year) turned into the half-open range of instants the report filters on.
 */
import { DAY_MS as DAY, startOfTanzanianDay } from '../../text/calendar';

export interface Period {
  /** First instant included (00:00 EAT of the first day). */
  from?: number;
  /** First instant excluded (00:00 EAT of the day after the last day). */
  until?: number;
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
