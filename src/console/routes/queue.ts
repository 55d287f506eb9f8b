/**
 * GET /console: the queue. POST /console/assign-many: a supervisor assigns the selected rows.
 * The search box takes a complaint number (a typo is said so; a number in scope opens the
 * complaint) or words, searched in descriptions and places.
 */
import { Router, type Request, type Response } from 'express';
import { assignComplaintTo } from '../../complaints/actions';
import { clusterSizes } from '../../complaints/clusters';
import { parseComplaintNumber, formatComplaintNumber } from '../../complaints/core/numbers';
import { ftsQuery, looksLikeNumber } from '../../complaints/core/search';
import { complaintInScope } from '../../complaints/detail';
import { loadQueue, walkQueue, TABS, type QueueFilters, type Tab } from '../../complaints/queue';
import { assignableStaff } from '../../staff/repository';
import { sendCsv } from '../../reports/csv';
import {
  addWorkingMs,
  isoDateTime,
  startOfTanzanianDay,
  workingDayMs,
  DAY_MS,
} from '../../text/calendar';
import { queueCsv } from '../core/queue-csv';
import { t } from '../core/words';
import { fields, field, param, viewerOf, type ConsoleDeps, type Viewer } from '../deps';
import type { StaffRow } from '../../../db/schema';
import { staffChoice } from '../core/format';
import { queuePage } from '../views/queue';
import { consoleActions, frameFor } from './frame';
import { sendHtml } from './respond';

const STATUSES = ['received', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
const CHANNELS = ['ussd', 'call', 'sms', 'demo'];
const KEYS = [
  'tab',
  'q',
  'region',
  'council',
  'category',
  'status',
  'channel',
  'from',
  'to',
  'after',
];

/** The filters a request asks for, keeping only values that name something real. */
function filtersOf(
  deps: ConsoleDeps,
  params: (k: string) => string,
): { query: Record<string, string>; filters: QueueFilters } {
  const query: Record<string, string> = {};
  for (const k of KEYS) {
    const v = params(k);
    if (v !== '') query[k] = v;
  }
  const ref = deps.reference;
  const f: QueueFilters = {};
  if (ref.regions.some((r) => r.code === query.region)) f.regionCode = query.region;
  if (query.council && ref.councilLabels.has(query.council)) f.councilCode = query.council;
  if (query.category && ref.categories.includes(query.category)) f.categoryCode = query.category;
  const status = STATUSES.find((s) => s === query.status);
  if (status) f.status = status;
  if (query.channel && CHANNELS.includes(query.channel)) f.channel = query.channel;
  const from = query.from ? startOfTanzanianDay(query.from) : undefined;
  const to = query.to ? startOfTanzanianDay(query.to) : undefined;
  if (from !== undefined) f.from = from;
  if (to !== undefined) f.until = to + DAY_MS;
  return { query, filters: f };
}

function defaultTab(v: Viewer): Tab {
  return v.staff.role === 'officer' ? 'mine' : 'open';
}

/**
 * Who the viewer may hand complaints to: a supervisor, their region's staff; headquarters, the
 * staff of the region the queue is filtered to, else supervisors and headquarters (the whole
 * country's officers would be a list of thousands, on every page).
 */
function assignableOf(deps: ConsoleDeps, v: Viewer, filteredRegion?: string): StaffRow[] {
  if (v.staff.role === 'officer') return [];
  const region = v.staff.role === 'hq' ? (filteredRegion ?? null) : v.staff.regionCode;
  return assignableStaff(deps.db, region).filter((s) => region !== null || s.role !== 'officer');
}

type Params = (name: string) => string;

const paramsOf =
  (req: Request): Params =>
  (name) =>
    param(req, name);

/** The tab and filters a request asks for (words searched; a typed number is not a filter). */
function requestOf(deps: ConsoleDeps, params: Params, v: Viewer) {
  const { query, filters } = filtersOf(deps, params);
  const tab = TABS.find((x) => x === query.tab) ?? defaultTab(v);
  if (query.q && !looksLikeNumber(query.q)) {
    const words = ftsQuery(query.q);
    if (words) filters.words = words;
  }
  return { query, filters, tab };
}

function clockOf(deps: ConsoleDeps) {
  const now = deps.now();
  return { now, soon: addWorkingMs(now, workingDayMs(deps.hours), deps.hours) };
}

function show(
  deps: ConsoleDeps,
  params: Params,
  res: Response,
  o: { notice?: string; error?: string } = {},
) {
  const v = viewerOf(res);
  const { query, filters, tab } = requestOf(deps, params, v);
  const clock = clockOf(deps);
  const now = clock.now;
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
    v.scope.kind === 'all' ? deps.reference.regions.map((r) => r.code) : [v.staff.regionCode ?? ''];
  const html = queuePage({
    frame: frameFor(res, t('queue.title', v.lang), 'queue', {
      ...(o.notice ? { notice: o.notice } : {}),
      ...(o.error ? { errors: [{ text: o.error, field: 'q' }] } : {}),
    }),
    lang: v.lang,
    now,
    hours: deps.hours,
    reference: deps.reference,
    tab,
    rows: q.rows,
    counts: q.counts,
    query: { ...query, tab },
    next: q.next,
    regionCodes,
    assignees: assignableOf(deps, v, filters.regionCode).map((s) => staffChoice(s, v.lang, true)),
    csrf: v.session.csrf,
    clusters: clusterSizes(deps.db, v.scope, q.rows),
  });
  sendHtml(res, o.error ? 400 : 200, html);
}

/** A typed complaint number: open it when it is in scope, else say why not. */
function findByNumber(deps: ConsoleDeps, params: Params, res: Response, typed: string): void {
  const v = viewerOf(res);
  const parsed = parseComplaintNumber(typed);
  if (!parsed.ok) {
    show(deps, params, res, {
      error: t('queue.badNumber', v.lang, { input: typed.trim().slice(0, 20) }),
    });
    return;
  }
  if (complaintInScope(deps.db, v.scope, parsed.number)) {
    res.redirect(303, `/console/c/${parsed.number}`);
    return;
  }
  show(deps, params, res, {
    error: t('queue.notFound', v.lang, { number: formatComplaintNumber(parsed.number) }),
  });
}

export function queueRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const q = param(req, 'q');
    if (q && looksLikeNumber(q)) {
      findByNumber(deps, paramsOf(req), res, q);
      return;
    }
    const v = viewerOf(res);
    const region = param(req, 'region') || undefined;
    const to = assignableOf(deps, v, region).find((s) => String(s.id) === param(req, 'to'));
    const notice =
      param(req, 'done') === 'assigned' && to
        ? t('queue.bulk.done', v.lang, { count: Number(param(req, 'n')) || 0, name: to.name })
        : undefined;
    show(deps, paramsOf(req), res, notice ? { notice } : {});
  });

  // The queue as it is filtered, every page of it, as a spreadsheet.
  router.get('/queue.csv', (req, res, next) => {
    const v = viewerOf(res);
    const { filters, tab } = requestOf(deps, paramsOf(req), v);
    const clock = clockOf(deps);
    const rows = walkQueue(deps.db, { scope: v.scope, me: v.staff.id, tab, filters }, clock);
    const table = queueCsv(rows, { lang: v.lang, reference: deps.reference, now: clock.now });
    const name = `kero-${tab}-${isoDateTime(clock.now).slice(0, 10)}.csv`;
    sendCsv(res, name, table.header, table.rows).catch(next);
  });

  router.post('/assign-many', (req, res) => {
    const v = viewerOf(res);
    const back = field(req, 'back').startsWith('/console') ? field(req, 'back') : '/console';
    const numbers = fields(req, 'numbers');
    const staffId = Number(field(req, 'staffId'));
    const search = new URL(back, 'http://console').searchParams;
    const region = search.get('region') ?? undefined;
    const to = assignableOf(deps, v, region).find((s) => s.id === staffId);
    if (numbers.length === 0 || !to) {
      show(deps, (name) => search.get(name) ?? '', res, { error: t('queue.bulk.none', v.lang) });
      return;
    }
    const actions = consoleActions(deps);
    const done = numbers.filter(
      (n) => assignComplaintTo(actions, v.staff.id, n, staffId).ok,
    ).length;
    const sep = back.includes('?') ? '&' : '?';
    res.redirect(303, `${back}${sep}done=assigned&n=${done}&to=${staffId}`);
  });
  return router;
}
