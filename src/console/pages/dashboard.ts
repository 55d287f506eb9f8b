/**
 * The dashboard as read jobs: GET /console/dashboard, the figures of the viewer's scope (the
 * queue's) over a period, and GET /console/dashboard.csv?table=…, one of its tables as CSV in
 * the same scope and period; with `public=1` a breakdown in the form that may be published.
 * Headquarters may narrow it to a region (`region`), and a region's to one of its councils
 * (`council`), whose areas are then its wards.
 */
import type { Streamed } from '../../../db/reads';
import { callbackRegionOf } from '../../callbacks/core/rules';
import { callbackFigures } from '../../callbacks/reads';
import type { Scope } from '../../complaints/core/scope';
import { loadPopulations } from '../../reference/population';
import { loadWardList } from '../../reference/wards';
import { dashboardPeriod, type DashboardPeriod } from '../../reports/core/dashboard-period';
import { csvBody } from '../../reports/csv';
import { loadDashboard, type Dashboard } from '../../reports/dashboard';
import { dashboardHref, type LinkFilters } from '../core/dashboard-links';
import { wardsByName } from '../core/format';
import { PUBLIC_TABLES, TABLES, dashboardTables, publicTable } from '../core/dashboard-tables';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { dashboardPage } from '../views/dashboard';
import type { CallbackFiguresView } from '../views/dashboard-callbacks';

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const regionName = (deps: ConsoleDeps, v: Viewer, code: string) =>
  deps.reference.regions.find((r) => r.code === code)?.label[v.lang] ?? code;

function scopeText(deps: ConsoleDeps, v: Viewer, scope: Scope, council?: string): string {
  switch (scope.kind) {
    case 'all':
      return t('dash.scope.all', v.lang);
    case 'region': {
      const region = regionName(deps, v, scope.regionCode);
      if (council === undefined) return t('dash.scope.region', v.lang, { name: region });
      const name = deps.reference.councilLabels.get(council)?.[v.lang] ?? council;
      return t('dash.scope.council', v.lang, { name, region });
    }
    case 'officer':
      return t('dash.scope.officer', v.lang);
  }
}

/**
 * The council a region's dashboard (a supervisor's, or headquarters' looking at one) is narrowed
 * to, if `asked` is one of the region's; its wards by name; and the areas of the page's first
 * table in their order: regions, the region's councils, or the council's wards (itself when it
 * has no ward list).
 */
function areasOf(deps: ConsoleDeps, scope: Scope, asked: string) {
  const ref = deps.reference;
  if (scope.kind === 'all') return { wards: [], areas: ref.regions.map((x) => x.code) };
  const councils = (ref.councilsByRegion.get(scope.regionCode) ?? []).map((c) => c.code);
  const council = scope.kind === 'region' && councils.includes(asked) ? asked : undefined;
  if (council === undefined) return { wards: [], areas: councils };
  const wards = wardsByName(loadWardList().byCouncil.get(council) ?? []);
  return { council, wards, areas: wards.length > 0 ? wards.map((x) => x.code) : [council] };
}

/** People per region and council: read once per thread. */
let populations: ReadonlyMap<string, number> | undefined;

function load(deps: ConsoleDeps, r: PageRequest) {
  const v = r.viewer;
  const q = { period: arg(r, 'period'), from: arg(r, 'from'), to: arg(r, 'to') };
  const region = arg(r, 'region');
  const now = deps.now();
  const { period, problem } = dashboardPeriod(q, now);
  // Headquarters may look at one region (its councils and staff), as its supervisor does.
  const drill = v.scope.kind === 'all' && deps.reference.regions.some((x) => x.code === region);
  const scope: Scope = drill ? { kind: 'region', regionCode: region } : v.scope;
  const { council, wards, areas } = areasOf(deps, scope, arg(r, 'council'));
  populations ??= loadPopulations();
  const dashboard: Dashboard = loadDashboard(
    { db: deps.db, hours: deps.hours, populations },
    {
      scope,
      period,
      now,
      withStaff: v.staff.role !== 'officer',
      // Every category, retired ones too: a period may hold their complaints.
      order: { areas, categories: [...deps.reference.categoryInfo.keys()] },
      ...(council ? { council: { code: council, byWard: wards.length > 0 } } : {}),
    },
  );
  const base: LinkFilters = { ...(drill ? { region } : {}), ...(council ? { council } : {}) };
  const wardNames = new Map(wards.map((x) => [x.code, x.name]));
  return { v, scope, council, base, period, dashboard, wardNames, ...(problem ? { problem } : {}) };
}

/**
 * The call-back requests made in the period, in the region the page is about (a request has no
 * council: an officer's, or a council's dashboard, counts its region's).
 */
function callbackFiguresOf(
  deps: ConsoleDeps,
  v: Viewer,
  scope: Scope,
  period: DashboardPeriod,
): CallbackFiguresView {
  const figures = callbackFigures(deps.db, {
    scope,
    from: period.from,
    until: period.until,
    now: deps.now(),
  });
  const region = callbackRegionOf(scope);
  return {
    lang: v.lang,
    figures,
    scopeText:
      region === undefined
        ? t('cb.dash.all', v.lang)
        : t('cb.dash.region', v.lang, { name: regionName(deps, v, region) }),
    queueHref: region === undefined ? '/console/callbacks' : `/console/callbacks?region=${region}`,
  };
}

/** The period as the dashboard's address gives it. */
const periodArgs = (p: DashboardPeriod) => ({
  period: p.preset,
  ...(p.preset === 'custom' ? { from: p.fromDate, to: p.toDate } : {}),
});

/** GET /console/dashboard. */
export function dashboardGet(deps: ConsoleDeps, r: PageRequest): Page {
  const { v, scope, council, base, period, problem, dashboard, wardNames } = load(deps, r);
  const errors = problem
    ? [
        {
          text: `${t(`dash.err.${problem as 'badFrom'}`, v.lang)} ${t('dash.err.shown', v.lang)}`,
          field: 'd-from',
        },
      ]
    : [];
  // Each area's own dashboard: a region's (headquarters), a council's (a region's dashboard).
  const here = { ...periodArgs(period), region: base.region };
  const areaHref =
    scope.kind === 'all'
      ? (code: string) => dashboardHref('/console/dashboard', { ...here, region: code })
      : scope.kind === 'region' && council === undefined
        ? (code: string) => dashboardHref('/console/dashboard', { ...here, council: code })
        : undefined;
  const up =
    scope.kind === 'region' && council !== undefined
      ? {
          href: dashboardHref('/console/dashboard', here),
          text: t('dash.upRegion', v.lang, { name: regionName(deps, v, scope.regionCode) }),
        }
      : undefined;
  const html = dashboardPage({
    frame: frameOf(r, t('dash.title', v.lang), 'dashboard', { errors }),
    callbacks: callbackFiguresOf(deps, v, scope, period),
    lang: v.lang,
    period,
    reference: deps.reference,
    scopeText: scopeText(deps, v, scope, council),
    hoursText: `${clock(deps.hours.startMinute)}-${clock(deps.hours.endMinute)}`,
    dashboard,
    base,
    wardNames,
    ...(areaHref ? { areaHref } : {}),
    ...(up ? { up } : {}),
  });
  return { status: 200, html };
}

/** GET /console/dashboard.csv. */
export function dashboardCsvOf(deps: ConsoleDeps, r: PageRequest): Streamed<{ name: string }> {
  const id = TABLES.find((x) => x === arg(r, 'table')) ?? 'area';
  const { v, base, period, dashboard, wardNames } = load(deps, r);
  const tables = dashboardTables(dashboard, {
    lang: v.lang,
    period,
    reference: deps.reference,
    base,
    wardNames,
  });
  const isPublic = arg(r, 'public') === '1' && PUBLIC_TABLES.includes(id);
  const wait = dashboard.preparing.figures;
  if (wait !== null) {
    // Not a partial count: what the page says instead of its figures.
    const note = t('dash.preparing', v.lang, { percent: wait });
    return { head: { name: `kero-${id}-being-prepared.csv` }, body: csvBody([note], []) };
  }
  const found = tables.find((x) => x.id === id) ?? tables[0];
  if (!found) throw new Error('the dashboard has no tables');
  const table = isPublic ? publicTable(found) : found;
  const name = `kero-${id}${isPublic ? '-public' : ''}-${period.fromDate}-${period.toDate}.csv`;
  return {
    head: { name },
    body: csvBody(
      table.columns.map((c) => c.label),
      table.rows.map((row) => row.cells),
    ),
  };
}
