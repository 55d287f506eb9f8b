/**
 * The dashboard as read jobs: GET /console/dashboard, the figures of the viewer's scope (the
 * queue's) over a period, and GET /console/dashboard.csv?table=…, one of its tables as CSV in
 * the same scope and period; with `public=1` a breakdown in the form that may be published.
 */
import type { Streamed } from '../../../db/reads';
import type { Scope } from '../../complaints/core/scope';
import { loadPopulations } from '../../reference/population';
import { dashboardPeriod, type DashboardPeriod } from '../../reports/core/dashboard-period';
import { csvBody } from '../../reports/csv';
import { loadDashboard, type Dashboard } from '../../reports/dashboard';
import { dashboardHref, type LinkFilters } from '../core/dashboard-links';
import { PUBLIC_TABLES, TABLES, dashboardTables, publicTable } from '../core/dashboard-tables';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { dashboardPage } from '../views/dashboard';

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function scopeText(deps: ConsoleDeps, v: Viewer, scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return t('dash.scope.all', v.lang);
    case 'region': {
      const code = scope.regionCode;
      const name = deps.reference.regions.find((r) => r.code === code)?.label[v.lang] ?? code;
      return t('dash.scope.region', v.lang, { name });
    }
    case 'officer':
      return t('dash.scope.officer', v.lang);
  }
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
  const areas =
    scope.kind === 'all'
      ? deps.reference.regions.map((x) => x.code)
      : (deps.reference.councilsByRegion.get(scope.regionCode) ?? []).map((c) => c.code);
  populations ??= loadPopulations();
  const dashboard: Dashboard = loadDashboard(
    { db: deps.db, hours: deps.hours, populations },
    {
      scope,
      period,
      now,
      withStaff: v.staff.role !== 'officer',
      order: { areas, categories: deps.reference.categories },
    },
  );
  const base: LinkFilters = drill ? { region } : {};
  return { v, scope, base, period, dashboard, ...(problem ? { problem } : {}) };
}

/** GET /console/dashboard. */
export function dashboardGet(deps: ConsoleDeps, r: PageRequest): Page {
  const { v, scope, base, period, problem, dashboard } = load(deps, r);
  const errors = problem
    ? [
        {
          text: `${t(`dash.err.${problem as 'badFrom'}`, v.lang)} ${t('dash.err.shown', v.lang)}`,
          field: 'd-from',
        },
      ]
    : [];
  const areaHref = (p: DashboardPeriod) => (code: string) =>
    dashboardHref('/console/dashboard', {
      period: p.preset,
      ...(p.preset === 'custom' ? { from: p.fromDate, to: p.toDate } : {}),
      region: code,
    });
  const html = dashboardPage({
    frame: frameOf(r, t('dash.title', v.lang), 'dashboard', { errors }),
    lang: v.lang,
    period,
    reference: deps.reference,
    scopeText: scopeText(deps, v, scope),
    hoursText: `${clock(deps.hours.startMinute)}-${clock(deps.hours.endMinute)}`,
    dashboard,
    base,
    ...(scope.kind === 'all' ? { areaHref: areaHref(period) } : {}),
  });
  return { status: 200, html };
}

/** GET /console/dashboard.csv. */
export function dashboardCsvOf(deps: ConsoleDeps, r: PageRequest): Streamed<{ name: string }> {
  const id = TABLES.find((x) => x === arg(r, 'table')) ?? 'area';
  const { v, base, period, dashboard } = load(deps, r);
  const tables = dashboardTables(dashboard, {
    lang: v.lang,
    period,
    reference: deps.reference,
    base,
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
