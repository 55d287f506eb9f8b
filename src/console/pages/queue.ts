/**
 * The queue (GET /console) and its CSV (GET /console/queue.csv) as read jobs: the tab and
 * filters a request asks for, the page of complaints, and the search box, which takes a
 * complaint number (a typo is said so; a number in scope opens the complaint) or words.
 */
import { clusterSizes } from '../../complaints/clusters';
import { parseComplaintNumber, formatComplaintNumber } from '../../complaints/core/numbers';
import { ftsQuery, looksLikeNumber } from '../../complaints/core/search';
import { complaintInScope } from '../../complaints/detail';
import { loadQueue, walkQueue, TABS, type QueueFilters, type Tab } from '../../complaints/queue';
import { assignableStaff } from '../../staff/repository';
import { loadWardList, type Ward } from '../../reference/wards';
import { csvBody } from '../../reports/csv';
import {
  addWorkingMs,
  isoDateTime,
  startOfTanzanianDay,
  workingDayMs,
  DAY_MS,
} from '../../text/calendar';
import type { Streamed } from '../../../db/reads';
import type { StaffRow } from '../../../db/schema';
import { staffChoice, wardsByName } from '../core/format';
import { queueCsv } from '../core/queue-csv';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { queuePage } from '../views/queue';

const STATUSES = ['received', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
const CHANNELS = ['ussd', 'call', 'sms', 'demo'];
// prettier-ignore
const KEYS = ['tab', 'q', 'region', 'council', 'ward', 'category', 'status', 'channel', 'from', 'to', 'after'];

/** The filters a request asks for, keeping only values that name something real. */
function filtersOf(
  deps: ConsoleDeps,
  query: Record<string, string>,
): { query: Record<string, string>; filters: QueueFilters } {
  const asked: Record<string, string> = {};
  for (const k of KEYS) {
    const v = query[k] ?? '';
    if (v !== '') asked[k] = v;
  }
  const ref = deps.reference;
  const f: QueueFilters = {};
  if (ref.regions.some((r) => r.code === asked.region)) f.regionCode = asked.region;
  if (asked.council && ref.councilLabels.has(asked.council)) f.councilCode = asked.council;
  // A ward of the council filtered to (its list's code), else left out like any unknown value.
  const wards = f.councilCode === undefined ? [] : councilWards(f.councilCode);
  if (wards.some((w) => w.code === asked.ward)) f.wardCode = asked.ward;
  // Retired categories too: their complaints stay findable.
  if (asked.category && ref.categoryInfo.has(asked.category)) f.categoryCode = asked.category;
  const status = STATUSES.find((s) => s === asked.status);
  if (status) f.status = status;
  if (asked.channel && CHANNELS.includes(asked.channel)) f.channel = asked.channel;
  const from = asked.from ? startOfTanzanianDay(asked.from) : undefined;
  const to = asked.to ? startOfTanzanianDay(asked.to) : undefined;
  if (from !== undefined) f.from = from;
  if (to !== undefined) f.until = to + DAY_MS;
  return { query: asked, filters: f };
}

/** A council's wards (none: the council has no ward list). */
const councilWards = (code: string): readonly Ward[] => loadWardList().byCouncil.get(code) ?? [];

const defaultTab = (v: Viewer): Tab => (v.staff.role === 'officer' ? 'mine' : 'open');

/**
 * Who the viewer may hand complaints to: a supervisor, their region's staff; headquarters, the
 * staff of the region the queue is filtered to, else supervisors and headquarters (the whole
 * country's officers would be a list of thousands, on every page).
 */
export function assignableOf(deps: ConsoleDeps, v: Viewer, filteredRegion?: string): StaffRow[] {
  if (v.staff.role === 'officer') return [];
  const region = v.staff.role === 'hq' ? (filteredRegion ?? null) : v.staff.regionCode;
  return assignableStaff(deps.db, region).filter((s) => region !== null || s.role !== 'officer');
}

/** The tab and filters a request asks for (words searched; a typed number is not a filter). */
function requestOf(deps: ConsoleDeps, query: Record<string, string>, v: Viewer) {
  const asked = filtersOf(deps, query);
  const tab = TABS.find((x) => x === asked.query.tab) ?? defaultTab(v);
  const q = asked.query.q;
  if (q && !looksLikeNumber(q)) {
    const words = ftsQuery(q);
    if (words) asked.filters.words = words;
  }
  return { ...asked, tab };
}

function clockOf(deps: ConsoleDeps) {
  const now = deps.now();
  return { now, soon: addWorkingMs(now, workingDayMs(deps.hours), deps.hours) };
}

/** The queue page for `r` (its query: the tab and filters), with a notice or an error. */
export function queuePageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  o: { notice?: string; error?: string } = {},
): Page {
  const v = r.viewer;
  const { query, filters, tab } = requestOf(deps, r.query, v);
  const clock = clockOf(deps);
  const q = loadQueue(
    deps.db,
    {
      scope: v.scope,
      me: v.staff.id,
      tab,
      filters,
      ...(query.after ? { after: query.after } : {}),
    },
    clock,
  );
  const regionCodes =
    v.scope.kind === 'all' ? deps.reference.regions.map((x) => x.code) : [v.staff.regionCode ?? ''];
  const byCode = loadWardList().byCode;
  const wardNames = new Map(
    q.rows.flatMap((row) => {
      const ward = row.wardCode === null ? undefined : byCode.get(row.wardCode);
      return ward ? [[ward.code, ward.name] as const] : [];
    }),
  );
  const wards = filters.councilCode === undefined ? [] : councilWards(filters.councilCode);
  const html = queuePage({
    frame: frameOf(r, t('queue.title', v.lang), 'queue', {
      ...(o.notice ? { notice: o.notice } : {}),
      ...(o.error ? { errors: [{ text: o.error, field: 'q' }] } : {}),
    }),
    lang: v.lang,
    now: clock.now,
    hours: deps.hours,
    reference: deps.reference,
    tab,
    rows: q.rows,
    counts: q.counts,
    query: { ...query, tab },
    next: q.next,
    regionCodes,
    wards: wardsByName(wards).map((w) => ({ value: w.code, label: w.name })),
    wardNames,
    assignees: assignableOf(deps, v, filters.regionCode).map((s) => staffChoice(s, v.lang, true)),
    csrf: v.session.csrf,
    clusters: clusterSizes(deps.db, v.scope, q.rows),
  });
  return { status: o.error ? 400 : 200, html };
}

/** A typed complaint number: open it when it is in scope, else say why not. */
function findByNumber(deps: ConsoleDeps, r: PageRequest, typed: string): Page {
  const v = r.viewer;
  const parsed = parseComplaintNumber(typed);
  if (!parsed.ok) {
    const input = typed.trim().slice(0, 20);
    return queuePageOf(deps, r, { error: t('queue.badNumber', v.lang, { input }) });
  }
  if (complaintInScope(deps.db, v.scope, parsed.number)) {
    return { redirect: `/console/c/${parsed.number}` };
  }
  const number = formatComplaintNumber(parsed.number);
  return queuePageOf(deps, r, { error: t('queue.notFound', v.lang, { number }) });
}

/** GET /console. */
export function queueGet(deps: ConsoleDeps, r: PageRequest): Page {
  const q = arg(r, 'q');
  if (q && looksLikeNumber(q)) return findByNumber(deps, r, q);
  const v = r.viewer;
  const region = arg(r, 'region') || undefined;
  const to = assignableOf(deps, v, region).find((s) => String(s.id) === arg(r, 'to'));
  const notice =
    arg(r, 'done') === 'assigned' && to
      ? t('queue.bulk.done', v.lang, { count: Number(arg(r, 'n')) || 0, name: to.name })
      : undefined;
  return queuePageOf(deps, r, notice ? { notice } : {});
}

/** GET /console/queue.csv: the queue as it is filtered, every page of it, as a spreadsheet. */
export function queueCsvOf(deps: ConsoleDeps, r: PageRequest): Streamed<{ name: string }> {
  const v = r.viewer;
  const { filters, tab } = requestOf(deps, r.query, v);
  const clock = clockOf(deps);
  const rows = walkQueue(deps.db, { scope: v.scope, me: v.staff.id, tab, filters }, clock);
  const table = queueCsv(rows, {
    lang: v.lang,
    reference: deps.reference,
    wards: loadWardList().byCode,
    now: clock.now,
  });
  const name = `kero-${tab}-${isoDateTime(clock.now).slice(0, 10)}.csv`;
  return { head: { name }, body: csvBody(table.header, table.rows) };
}
