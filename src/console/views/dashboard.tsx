/**
 * The dashboard page: the period, the summary figures, times in office hours, then each
 * breakdown as a chart beside its table (every figure a link to the queue), each table with its
 * CSV downloads. No script: the charts are inline SVG.
 */
import type { Dashboard } from '../../reports/dashboard';
import { PRESETS, type DashboardPeriod } from '../../reports/core/dashboard-period';
import type { ReferenceData } from '../../reference/types';
import { formatDate } from '../../text/calendar';
import type { Lang } from '../../text/translate';
import { dashboardHref, queueHref, type LinkFilters } from '../core/dashboard-links';
import {
  PUBLIC_TABLES,
  dashboardTables,
  type Cell,
  type Kind,
  type Table,
} from '../core/dashboard-tables';
import { t } from '../core/words';
import { BarChart, TrendChart, type Bar } from './charts';
import { CallbackFiguresSection, type CallbackFiguresView } from './dashboard-callbacks';
import { Field } from './forms';
import { renderPage, type Frame } from './layout';

export interface DashboardView {
  frame: Frame;
  lang: Lang;
  period: DashboardPeriod;
  reference: ReferenceData;
  /** What the figures cover, in words. */
  scopeText: string;
  /** Office hours as HH:MM-HH:MM. */
  hoursText: string;
  dashboard: Dashboard;
  /** Filters every queue link carries, and the dashboard's own query beyond the period. */
  base: LinkFilters;
  /** Each area's own dashboard (headquarters: a region's; a region's: a council's). */
  areaHref?: (code: string) => string;
  /** The names of the council's wards by code (a council's dashboard). */
  wardNames?: ReadonlyMap<string, string>;
  /** A council's dashboard: back to its region's. */
  up?: { href: string; text: string };
  /** The call-back requests made in the period. */
  callbacks?: CallbackFiguresView;
}

const nf = new Intl.NumberFormat('en-US');

/** Pure. A cell as the page writes it. */
export function formatCell(v: Cell, kind: Kind, lang: Lang): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'pct':
      return `${v.toFixed(1)}%`;
    case 'avg':
      return v.toFixed(2);
    case 'rate':
      return v.toFixed(2);
    case 'hours':
      return t('dash.hours', lang, { n: v });
    default:
      return nf.format(v);
  }
}

const periodQuery = (v: DashboardView) => ({
  ...(v.period.preset === 'custom'
    ? { period: 'custom', from: v.period.fromDate, to: v.period.toDate }
    : { period: v.period.preset }),
  ...(v.base.region ? { region: v.base.region } : {}),
  ...(v.base.council ? { council: v.base.council } : {}),
});

function PeriodPicker({ v }: { v: DashboardView }) {
  const { lang, period } = v;
  return (
    <section class="panel no-print" aria-labelledby="period-h">
      <h2 id="period-h">{t('dash.period', lang)}</h2>
      <ul class="tabs">
        {PRESETS.filter((p) => p !== 'custom').map((p) => (
          <li key={p}>
            <a
              href={dashboardHref('/console/dashboard', {
                period: p,
                region: v.base.region,
                council: v.base.council,
              })}
              aria-current={period.preset === p ? 'page' : undefined}
            >
              {t(`dash.preset.${p}`, lang)}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action="/console/dashboard" class="search">
        <input type="hidden" name="period" value="custom" />
        {v.base.region && <input type="hidden" name="region" value={v.base.region} />}
        {v.base.council && <input type="hidden" name="council" value={v.base.council} />}
        <Field id="d-from" label={t('dash.from', lang)}>
          <input type="date" id="d-from" name="from" value={period.fromDate} required />
        </Field>
        <Field id="d-to" label={t('dash.to', lang)}>
          <input type="date" id="d-to" name="to" value={period.toDate} required />
        </Field>
        <button type="submit">{t('dash.show', lang)}</button>
      </form>
    </section>
  );
}

function Tile({
  label,
  value,
  href,
  hint,
}: {
  label: string;
  value: string;
  href: string;
  hint?: string;
}) {
  return (
    <li>
      <a href={href}>
        <span class="tile-value">{value}</span>
        <span class="tile-label">{label}</span>
        {hint && <span class="tile-hint">{hint}</span>}
      </a>
    </li>
  );
}

function Summary({ v }: { v: DashboardView }) {
  const { lang } = v;
  const period = v.period;
  const f = v.dashboard.totals;
  const pct = (x: number | null) => formatCell(x, 'pct', lang);
  const rated = f.ratings.reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">{t('dash.summary', lang)}</h2>
      <ul class="tiles">
        <Tile
          label={t('dash.received', lang)}
          value={nf.format(f.received)}
          href={queueHref('open', period, v.base)}
        />
        <Tile
          label={t('dash.resolved', lang)}
          value={nf.format(f.resolved)}
          href={queueHref('resolved', period, v.base)}
        />
        <Tile
          label={t('dash.open', lang)}
          value={nf.format(f.open)}
          href={queueHref('open', period, v.base)}
        />
        <Tile
          label={t('dash.unattended', lang)}
          hint={t('dash.unattendedHint', lang)}
          value={nf.format(f.unattended)}
          href={queueHref('unassigned', period, v.base)}
        />
        <Tile
          label={t('dash.firstResponseSla', lang)}
          value={pct(f.firstResponseSla)}
          href={queueHref('overdue', period, v.base)}
        />
        <Tile
          label={t('dash.resolutionSla', lang)}
          value={pct(f.resolutionSla)}
          href={queueHref('overdue', period, v.base)}
        />
        <Tile
          label={t('dash.reopenRate', lang)}
          hint={t('dash.reopenHint', lang)}
          value={pct(f.reopenRate)}
          href={queueHref('open', period, v.base)}
        />
        <Tile
          label={t('dash.rating', lang)}
          value={f.ratingAverage === null ? '–' : f.ratingAverage.toFixed(2)}
          hint={
            f.ratingAverage === null
              ? undefined
              : t('dash.ratingOf', lang, { avg: f.ratingAverage.toFixed(2), n: rated })
          }
          href={queueHref('resolved', period, v.base)}
        />
        {v.dashboard.per10k !== null && (
          <Tile
            label={t('dash.per10k', lang)}
            value={v.dashboard.per10k.toFixed(2)}
            href={queueHref('open', period, v.base)}
          />
        )}
      </ul>
    </section>
  );
}

function Times({ v }: { v: DashboardView }) {
  const { lang, dashboard: d } = v;
  return (
    <section aria-labelledby="times-h">
      <h2 id="times-h">{t('dash.times', lang)}</h2>
      <p class="hint">{t('dash.timesHint', lang, { hours: v.hoursText })}</p>
      {d.preparing.times !== null ? (
        <p class="panel" role="status">
          {t('dash.timesPreparing', lang, { percent: d.preparing.times })}
        </p>
      ) : (
        <TimesTable v={v} />
      )}
    </section>
  );
}

function TimesTable({ v }: { v: DashboardView }) {
  const { lang, period, dashboard: d } = v;
  const h = (m: number | null) => formatCell(m, 'hours', lang);
  const rows = [
    ['dash.firstResponse', d.firstResponse, queueHref('open', period, v.base)],
    ['dash.resolution', d.resolution, queueHref('resolved', period, v.base)],
  ] as const;
  return (
    <div class="table-wrap dash" tabIndex={0} role="region" aria-labelledby="times-h">
      <table>
        <thead>
          <tr>
            <td></td>
            <th scope="col" class="num">
              {t('dash.median', lang)}
            </th>
            <th scope="col" class="num">
              {t('dash.p90', lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, s, href]) => (
            <tr key={key}>
              <th scope="row">{t(key, lang)}</th>
              <td class="num">
                <a href={href}>{h(s.median)}</a>
              </td>
              <td class="num">
                <a href={href}>{h(s.p90)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DataTable({ v, table }: { v: DashboardView; table: Table }) {
  const { lang } = v;
  const q = periodQuery(v);
  return (
    <div>
      {/* Scrolls sideways on a phone rather than widening the page; focusable so that a
          keyboard can scroll it too. */}
      <div class="table-wrap dash" tabIndex={0} role="region" aria-label={table.title}>
        <table>
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c.label} class={c.kind === 'text' ? undefined : 'num'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.cells.map((cell, j) => {
                  const kind = table.columns[j]?.kind ?? 'text';
                  const text = formatCell(cell, kind, lang);
                  const href = r.links[j];
                  if (j === 0) {
                    return (
                      <th scope="row" key={j}>
                        {href ? <a href={href}>{text}</a> : text}
                      </th>
                    );
                  }
                  return (
                    <td class="num" key={j}>
                      {href && cell !== 0 ? <a href={href}>{text}</a> : text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="downloads no-print">
        <a href={dashboardHref('/console/dashboard.csv', { ...q, table: table.id })} download>
          {t('dash.csv', lang)}
        </a>
        {PUBLIC_TABLES.includes(table.id) && (
          <a
            href={dashboardHref('/console/dashboard.csv', { ...q, table: table.id, public: '1' })}
            download
          >
            {t('dash.csvPublic', lang)}
          </a>
        )}
      </p>
    </div>
  );
}

function Chart({ v, table }: { v: DashboardView; table: Table }) {
  const { lang } = v;
  const title = t('dash.chartOf', lang, { title: table.title });
  if (table.id === 'trend') {
    const weeks = table.rows.map((_, i) =>
      formatDate(v.period.until - (12 - i) * 7 * 86_400_000).slice(0, 5),
    );
    return (
      <TrendChart
        id="chart-trend"
        title={title}
        desc={t('dash.trendHint', lang)}
        weeks={weeks}
        received={v.dashboard.trend.received}
        resolved={v.dashboard.trend.resolved}
        legend={[t('dash.received', lang), t('dash.resolved', lang)]}
      />
    );
  }
  const bars: Bar[] = table.rows.map((r) => {
    const value = typeof r.cells[1] === 'number' ? r.cells[1] : 0;
    return { label: String(r.cells[0]), value, text: nf.format(value) };
  });
  const desc = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  return <BarChart id={`chart-${table.id}`} title={title} desc={desc} bars={bars} />;
}

/** More columns than fit beside a chart at 1280 px (by region, by council): the chart goes above. */
const STACKED_OVER = 9;

/**
 * A table beside its chart; the staff table alone; a wide table under its chart, and the areas'
 * table too (a council's by ward has a column fewer, but names like "Not matched to a ward").
 */
const pairClass = (table: Table): string =>
  table.id === 'staff'
    ? 'pair wide'
    : table.columns.length > STACKED_OVER || table.id === 'area'
      ? 'pair stacked'
      : 'pair';

export function dashboardPage(v: DashboardView): string {
  const { lang, period } = v;
  const tables = dashboardTables(v.dashboard, {
    lang,
    period,
    reference: v.reference,
    base: v.base,
    ...(v.wardNames ? { wardNames: v.wardNames } : {}),
    ...(v.areaHref ? { areaHref: v.areaHref } : {}),
  });
  const range = { from: formatDate(period.from), to: formatDate(period.until - 1) };
  const figuresWait = v.dashboard.preparing.figures;
  return renderPage(
    v.frame,
    <>
      <h1>{t('dash.title', lang)}</h1>
      <p class="lead">
        <strong>{v.scopeText}.</strong> {t('dash.cohort', lang, range)}
      </p>
      {v.up && (
        <p class="no-print">
          <a href={v.up.href}>{v.up.text}</a>
        </p>
      )}
      <PeriodPicker v={v} />
      {figuresWait !== null && (
        <p class="panel" role="status">
          {t('dash.preparing', lang, { percent: figuresWait })}
        </p>
      )}
      {figuresWait === null && v.dashboard.totals.received === 0 && (
        <p class="panel">{t('dash.empty', lang)}</p>
      )}
      {figuresWait === null && <Summary v={v} />}
      {figuresWait === null && <Times v={v} />}
      {v.callbacks && <CallbackFiguresSection v={v.callbacks} />}
      {figuresWait === null &&
        tables.map((table) => (
          <section key={table.id} class={pairClass(table)} aria-labelledby={`h-${table.id}`}>
            <h2 id={`h-${table.id}`}>{table.title}</h2>
            {table.id !== 'staff' && (
              <figure>
                <Chart v={v} table={table} />
              </figure>
            )}
            {table.id === 'staff' && <p class="hint">{t('dash.staffHint', lang)}</p>}
            {table.id === 'staff' && v.dashboard.preparing.times !== null && (
              <p class="hint" role="status">
                {t('dash.timesPreparing', lang, { percent: v.dashboard.preparing.times })}
              </p>
            )}
            <DataTable v={v} table={table} />
          </section>
        ))}
    </>,
  );
}
