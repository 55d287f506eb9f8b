/**
 * GET /console/dashboard: the figures of the viewer's scope (the queue's) over a period.
 * GET /console/dashboard.csv?table=…: one of its tables as CSV, in the same scope and period;
 * with `public=1` a breakdown in the form that may be published (small cells "<5").
 */
import { Router, type Request, type Response } from 'express';
import { sendCsv } from '../../reports/csv';
import { loadPopulations } from '../../reference/population';
import { dashboardPeriod, type DashboardPeriod } from '../../reports/core/dashboard-period';
import type { Scope } from '../../complaints/core/scope';
import { loadDashboard, type Dashboard } from '../../reports/dashboard';
import { dashboardHref, type LinkFilters } from '../core/dashboard-links';
import { PUBLIC_TABLES, TABLES, dashboardTables, publicTable } from '../core/dashboard-tables';
import { t } from '../core/words';
import { param, viewerOf, type ConsoleDeps, type Viewer } from '../deps';
import { dashboardPage } from '../views/dashboard';
import { frameFor } from './frame';
import { sendHtml } from './respond';

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

const queryOf = (req: Request) => ({
  period: param(req, 'period'),
  from: param(req, 'from'),
  to: param(req, 'to'),
  region: param(req, 'region'),
});

export function dashboardRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const populations = loadPopulations();

  const load = (
    res: Response,
    q: { period: string; from: string; to: string; region: string },
  ): {
    v: Viewer;
    scope: Scope;
    base: LinkFilters;
    period: DashboardPeriod;
    problem?: string;
    dashboard: Dashboard;
  } => {
    const v = viewerOf(res);
    const now = deps.now();
    const { period, problem } = dashboardPeriod(q, now);
    // Headquarters may look at one region (its councils and staff), as its supervisor does.
    const drill = v.scope.kind === 'all' && deps.reference.regions.some((r) => r.code === q.region);
    const scope: Scope = drill ? { kind: 'region', regionCode: q.region } : v.scope;
    const areas =
      scope.kind === 'all'
        ? deps.reference.regions.map((r) => r.code)
        : (deps.reference.councilsByRegion.get(scope.regionCode) ?? []).map((c) => c.code);
    const dashboard = loadDashboard(
      { db: deps.db, hours: deps.hours, populations },
      {
        scope,
        period,
        now,
        withStaff: v.staff.role !== 'officer',
        order: { areas, categories: deps.reference.categories },
      },
    );
    const base = drill ? { region: q.region } : {};
    return { v, scope, base, period, dashboard, ...(problem ? { problem } : {}) };
  };

  router.get('/dashboard', (req, res) => {
    const q = queryOf(req);
    const { v, scope, base, period, problem, dashboard } = load(res, q);
    const errors = problem
      ? [
          {
            text: `${t(`dash.err.${problem as 'badFrom'}`, v.lang)} ${t('dash.err.shown', v.lang)}`,
            field: 'd-from',
          },
        ]
      : [];
    const html = dashboardPage({
      frame: frameFor(res, t('dash.title', v.lang), 'dashboard', { errors }),
      lang: v.lang,
      period,
      reference: deps.reference,
      scopeText: scopeText(deps, v, scope),
      hoursText: `${clock(deps.hours.startMinute)}-${clock(deps.hours.endMinute)}`,
      dashboard,
      base,
      ...(scope.kind === 'all'
        ? {
            areaHref: (code: string) =>
              dashboardHref('/console/dashboard', {
                period: period.preset,
                ...(period.preset === 'custom' ? { from: period.fromDate, to: period.toDate } : {}),
                region: code,
              }),
          }
        : {}),
    });
    sendHtml(res, 200, html);
  });

  router.get('/dashboard.csv', async (req, res) => {
    const id = TABLES.find((x) => x === param(req, 'table')) ?? 'area';
    const { v, base, period, dashboard } = load(res, queryOf(req));
    const tables = dashboardTables(dashboard, {
      lang: v.lang,
      period,
      reference: deps.reference,
      base,
    });
    const isPublic = param(req, 'public') === '1' && PUBLIC_TABLES.includes(id);
    const found = tables.find((x) => x.id === id) ?? tables[0];
    if (!found) throw new Error('the dashboard has no tables');
    const table = isPublic ? publicTable(found) : found;
    const name = `kero-${id}${isPublic ? '-public' : ''}-${period.fromDate}-${period.toDate}.csv`;
    await sendCsv(
      res,
      name,
      table.columns.map((c) => c.label),
      table.rows.map((r) => r.cells),
    );
  });
  return router;
}
