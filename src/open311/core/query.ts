/**
 * The arguments of GET requests.{json,xml}. Pure: query parameters in, a typed query or the
 * spec's errors out (every problem listed). Arguments are optional as the spec defines it: an
 * empty one counts as absent; lists are comma-separated or repeated. `service_request_id`
 * overrides every other argument. Otherwise the window of requested_datetime is at most 90 days
 * (by default the last 90), and pages (`page`, `page_size`, an extension some cities share)
 * hold up to 1,000 requests.
 */
import { parseComplaintNumber } from '../../complaints/core/numbers';
import {
  DONE_STATUSES,
  OPEN_STATUSES,
  type ComplaintStatus,
} from '../../complaints/core/lifecycle';
import { DAY_MS, startOfTanzanianDay } from '../../text/calendar';
import type { Open311Error } from './document';

export const MAX_WINDOW_DAYS = 90;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
export const MAX_IDS = 1000;
const MAX_PAGE = 1_000_000;

/** Query parameters as Express's simple parser gives them. */
export type Params = Readonly<Record<string, unknown>>;

export interface WindowQuery {
  kind: 'window';
  /** First requested instant included (ms). */
  from: number;
  /** First requested instant excluded (ms). */
  until: number;
  /** Neither date was given: the window is the last 90 days up to the moment asked. */
  moving: boolean;
  /** Kero statuses to include; undefined: all. */
  statuses?: readonly ComplaintStatus[];
  serviceCodes?: readonly string[];
  page: number;
  pageSize: number;
}

export type RequestsQuery = { kind: 'ids'; numbers: string[] } | WindowQuery;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Open311Error[] };

const bad = (description: string): Open311Error => ({ code: 400, description });

/** Pure. Every value given for a parameter: repeated, comma-separated, trimmed, none empty. */
export function listOf(params: Params, name: string): string[] {
  const raw = params[name];
  const given = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return given
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const W3C = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Pure. A W3C date-time as the spec asks (`2026-03-01T00:00:00+03:00`, `…Z`), or a calendar date
 * (a whole Tanzanian day). `start` is its first instant; `end` the instant just after it (the next
 * day for a date, the next second for a time to the second). An unescaped `+` in a URL arrives
 * as a space, so a space before the offset is read as `+`.
 */
export function parseW3c(text: string): { start: number; end: number } | undefined {
  const day = startOfTanzanianDay(text);
  if (day !== undefined) return { start: day, end: day + DAY_MS };
  const written = text.replace(/ (\d{2}:\d{2})$/, '+$1');
  const m = W3C.exec(written);
  if (!m || startOfTanzanianDay(m[1] ?? '') === undefined) return undefined;
  const [, , hh, mm, ss, fraction] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
  const start = Date.parse(written);
  if (Number.isNaN(start)) return undefined;
  return { start, end: start + (fraction ? 1 : ss === undefined ? 60_000 : 1000) };
}

function dateArg(params: Params, name: string, errors: Open311Error[]) {
  const [text, ...more] = listOf(params, name);
  if (text === undefined) return undefined;
  const parsed = more.length === 0 ? parseW3c(text) : undefined;
  if (!parsed) {
    errors.push(
      bad(`${name} must be one W3C date-time with a timezone, e.g. 2026-03-01T00:00:00+03:00`),
    );
  }
  return parsed;
}

/** The requested_datetime window: at most 90 days, by default the last 90. */
function windowOf(params: Params, now: number, errors: Open311Error[]) {
  const span = MAX_WINDOW_DAYS * DAY_MS;
  const start = dateArg(params, 'start_date', errors);
  const end = dateArg(params, 'end_date', errors);
  if (start && end && end.start < start.start) errors.push(bad('end_date is before start_date'));
  else if (start && end && end.start - start.start > span) {
    errors.push(bad(`start_date and end_date may be at most ${MAX_WINDOW_DAYS} days apart`));
  }
  if (start) return { from: start.start, until: end?.end ?? start.start + span, moving: false };
  if (end) return { from: end.start - span, until: end.end, moving: false };
  return { from: now - span, until: now + 1, moving: true };
}

function intArg(
  params: Params,
  name: string,
  fallback: number,
  max: number,
  errors: Open311Error[],
) {
  const values = listOf(params, name);
  if (values.length === 0) return fallback;
  const n = values.length === 1 && /^\d{1,9}$/.test(values[0] ?? '') ? Number(values[0]) : NaN;
  if (n >= 1 && n <= max) return n;
  errors.push(bad(`${name} must be a whole number from 1 to ${max}`));
  return fallback;
}

function statusesOf(params: Params, errors: Open311Error[]) {
  const given = new Set(listOf(params, 'status'));
  for (const s of given)
    if (s !== 'open' && s !== 'closed') errors.push(bad(`status ${s} is not open or closed`));
  if (given.size === 0 || (given.has('open') && given.has('closed'))) return undefined;
  return given.has('open') ? OPEN_STATUSES : DONE_STATUSES;
}

function serviceCodesOf(params: Params, known: readonly string[], errors: Open311Error[]) {
  const given = [...new Set(listOf(params, 'service_code'))];
  for (const code of given) {
    if (!known.includes(code))
      errors.push(bad(`service_code ${code} is not a service (see services.json)`));
  }
  return given.length === 0 ? undefined : given;
}

function idsOf(ids: string[]): Parsed<RequestsQuery> {
  if (ids.length > MAX_IDS)
    return { ok: false, errors: [bad(`at most ${MAX_IDS} service_request_id at once`)] };
  const parsed = ids.map((id) => ({ id, result: parseComplaintNumber(id) }));
  const errors = parsed
    .filter((p) => !p.result.ok)
    .map((p) => bad(`service_request_id ${p.id} is not a complaint number`));
  if (errors.length > 0) return { ok: false, errors };
  const numbers = parsed.flatMap((p) => (p.result.ok ? [p.result.number] : []));
  return { ok: true, value: { kind: 'ids', numbers: [...new Set(numbers)] } };
}

/** Pure. The query asked for, at `now`, given the known service codes. */
export function parseRequestsQuery(
  params: Params,
  now: number,
  serviceCodes: readonly string[],
): Parsed<RequestsQuery> {
  const ids = listOf(params, 'service_request_id');
  if (ids.length > 0) return idsOf(ids);
  const errors: Open311Error[] = [];
  const window = windowOf(params, now, errors);
  const statuses = statusesOf(params, errors);
  const codes = serviceCodesOf(params, serviceCodes, errors);
  const page = intArg(params, 'page', 1, MAX_PAGE, errors);
  const pageSize = intArg(params, 'page_size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: 'window',
      ...window,
      ...(statuses ? { statuses } : {}),
      ...(codes ? { serviceCodes: codes } : {}),
      page,
      pageSize,
    },
  };
}
