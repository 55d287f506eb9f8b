/**
 * The USSD sessions the funnel counts: every session started in a period with what it left
 * behind (its network, last screen and the screens behind it, whether Kero ended it, its hops and
 * times) and AT's end-of-session notice if one came. Sessions are deleted after
 * USSD_SESSION_RETENTION_DAYS, so a period reaches back no further than that. Rows are streamed
 * (a month of national traffic is millions of sessions), one scan of `ussd_sessions`: the table
 * keeps no index on its start time, which every hop would pay for.
 */
import type { Db } from '../../db/client';
import type { SessionFacts } from './core/funnel-session';
import type { Period } from './core/period';

const SESSIONS = `
  SELECT s.network_code AS networkCode, s.created_at AS createdAt, s.updated_at AS updatedAt,
         s.hops AS hops, s.ended AS ended,
         CASE WHEN json_valid(s.state) THEN json_extract(s.state, '$.screen') END AS screen,
         CASE WHEN json_valid(s.state) THEN
           (SELECT json_group_array(json_extract(value, '$.screen'))
              FROM json_each(s.state, '$.stack')) END AS stack,
         e.status AS endStatus, e.duration_ms AS endDurationMs
    FROM ussd_sessions s LEFT JOIN ussd_session_ends e ON e.session_id = s.session_id
   WHERE s.created_at >= ? AND s.created_at < ?`;

interface Row {
  networkCode: string;
  createdAt: number;
  updatedAt: number;
  hops: number;
  ended: number;
  screen: unknown;
  stack: string | null;
  endStatus: string | null;
  endDurationMs: number | null;
}

function stackOf(json: string | null): string[] {
  const parsed: unknown = json === null ? [] : JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

function factsOf(r: Row): SessionFacts {
  return {
    networkCode: r.networkCode,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    hops: r.hops,
    ended: r.ended === 1,
    screen: typeof r.screen === 'string' ? r.screen : undefined,
    stack: stackOf(r.stack),
    ...(r.endStatus === null ? {} : { end: { status: r.endStatus, durationMs: r.endDurationMs } }),
  };
}

/** Every session started in `period` (both ends optional), in no particular order. */
export function* sessionsStartedIn(db: Db, period: Period): Generator<SessionFacts> {
  const rows = db.$client
    .prepare(SESSIONS)
    .iterate(period.from ?? 0, period.until ?? Number.MAX_SAFE_INTEGER) as IterableIterator<Row>;
  for (const row of rows) yield factsOf(row);
}
