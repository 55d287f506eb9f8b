/**
 * The public figures page: the period's tabs, when the figures were counted, a bar chart of the
 * complaints received per area (drawn on the server: the dashboard's chart) above the table of
 * each area's published figures and their total, the CSV link, and what the figures mean. No
 * script, no sign-in; the console's stylesheet; fits 360 px (the table scrolls in its box).
 */
import { render } from 'preact-render-to-string';
import { STYLESHEET, ICON } from '../console/assets';
import { BarChart, type Bar } from '../console/views/charts';
import type { DashboardPeriod } from '../reports/core/dashboard-period';
import { clockTime, formatDate } from '../text/calendar';
import type { Lang } from '../text/translate';
import {
  FIGURES_DAYS,
  publishedCells,
  type AreaFigures,
  type FiguresQuery,
  type FiguresTable,
  type PublishedCell,
} from './core/figures';
import { sayFigures, type FiguresWord } from './words';

export interface FiguresView {
  lang: Lang;
  query: FiguresQuery;
  period: DashboardPeriod;
  /** The page's area in words: the country, or the region's name. */
  scope: string;
  /** A region's or council's name by code. */
  areaName: (code: string) => string;
  /** Absent when the address was refused or the figures could not be counted. */
  table?: FiguresTable;
  problem?: FiguresWord;
}

const nf = new Intl.NumberFormat('en-US');

/** The address of a page (or of its CSV) of `q` in `lang`. */
export function figuresHref(q: FiguresQuery, lang: Lang, csv = false): string {
  const region = q.region ? `&region=${encodeURIComponent(q.region)}` : '';
  return `/figures${csv ? '.csv' : ''}?period=${q.days}${region}&lang=${lang}`;
}

/** Pure. A published cell as the page writes it. */
function cellText(v: PublishedCell, column: number, lang: Lang): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  if (column === 2) return `${v.toFixed(1)}%`;
  if (column === 3) return sayFigures(lang, 'hours', { n: v });
  return nf.format(v);
}

/** The table's number columns, in the order of publishedCells. */
const HEADS: FiguresWord[] = ['received', 'resolved', 'onTime', 'median'];

function Row({ v, f, label }: { v: FiguresView; f: AreaFigures; label?: string }) {
  const name = label ?? v.areaName(f.code);
  const href =
    label === undefined && v.query.region === undefined
      ? figuresHref({ days: v.query.days, region: f.code }, v.lang)
      : undefined;
  return (
    <tr>
      <th scope="row">{href ? <a href={href}>{name}</a> : name}</th>
      {publishedCells(f).map((cell, i) => (
        // On a phone each row is a card, its figures one after another, each with its name.
        <td class="num" key={i} data-label={sayFigures(v.lang, HEADS[i] ?? 'received')}>
          {cellText(cell, i, v.lang)}
        </td>
      ))}
    </tr>
  );
}

function FiguresTableView({ v, table }: { v: FiguresView; table: FiguresTable }) {
  const say = (k: FiguresWord) => sayFigures(v.lang, k);
  const bars: Bar[] = table.rows.map((f) => {
    const shown = publishedCells(f)[0] ?? null;
    return {
      label: v.areaName(f.code),
      // A small count is drawn as no bar: its length would tell the count.
      value: typeof shown === 'number' ? shown : 0,
      text: cellText(shown, 0, v.lang),
    };
  });
  const areaWord = v.query.region ? 'byCouncil' : 'byRegion';
  return (
    <section class="pair" aria-labelledby="h-areas">
      <h2 id="h-areas">{say(areaWord)}</h2>
      <figure>
        <BarChart
          id="chart-areas"
          title={sayFigures(v.lang, 'chart', {
            scope: `${v.scope}, ${say(areaWord).toLowerCase()}`,
          })}
          desc={bars.map((b) => `${b.label}: ${b.text}`).join('; ')}
          bars={bars}
        />
      </figure>
      <div>
        {/* Scrolls sideways on a phone rather than widening the page; focusable for keyboards. */}
        <div class="table-wrap dash" tabIndex={0} role="region" aria-labelledby="h-areas">
          <table class="cards inline">
            <thead>
              <tr>
                <th scope="col">{say(v.query.region ? 'colCouncil' : 'colRegion')}</th>
                {HEADS.map((h) => (
                  <th scope="col" class="num" key={h}>
                    {say(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((f) => (
                <Row key={f.code} v={v} f={f} />
              ))}
            </tbody>
            <tfoot>
              <Row v={v} f={table.total} label={say('total')} />
            </tfoot>
          </table>
        </div>
        <p class="downloads">
          <a href={figuresHref(v.query, v.lang, true)} download>
            {say('csv')}
          </a>
        </p>
      </div>
    </section>
  );
}

function Counted({ v, table }: { v: FiguresView; table: FiguresTable }) {
  const { lang } = v;
  const at = table.computedAt;
  return (
    <>
      <p class="hint">{sayFigures(lang, 'asOf', { time: clockTime(at), date: formatDate(at) })}</p>
      {table.preparing.deadlines !== null && (
        <p class="panel" role="status">
          {sayFigures(lang, 'deadlinesPreparing', { percent: table.preparing.deadlines })}
        </p>
      )}
      {table.preparing.times !== null && (
        <p class="panel" role="status">
          {sayFigures(lang, 'timesPreparing', { percent: table.preparing.times })}
        </p>
      )}
      <FiguresTableView v={v} table={table} />
    </>
  );
}

function PeriodTabs({ v }: { v: FiguresView }) {
  return (
    <nav aria-label={sayFigures(v.lang, 'period')}>
      <ul class="tabs">
        {FIGURES_DAYS.map((days) => (
          <li key={days}>
            <a
              href={figuresHref({ ...v.query, days }, v.lang)}
              aria-current={v.query.days === days ? 'page' : undefined}
            >
              {sayFigures(v.lang, 'last', { days })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function figuresPage(v: FiguresView): string {
  const { lang, period } = v;
  const say = (k: FiguresWord, vars?: Record<string, string | number>) => sayFigures(lang, k, vars);
  const other = lang === 'sw' ? 'en' : 'sw';
  const range = { from: formatDate(period.from), to: formatDate(period.until - 1) };
  const body = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${say('title')}: ${v.scope}`}</title>
        <link rel="icon" href={ICON.path} type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET.path} />
      </head>
      <body>
        <header class="top">
          <span class="brand">Kero</span>
          <a href={figuresHref(v.query, other)} lang={other}>
            {say('other')}
          </a>
        </header>
        <main id="content">
          <h1>{say('title')}</h1>
          <p class="lead">
            <strong>{v.scope}.</strong> {say('lead', range)}
          </p>
          {v.query.region && (
            <p>
              <a href={figuresHref({ days: v.query.days, region: undefined }, lang)}>
                {say('allRegions')}
              </a>
            </p>
          )}
          <PeriodTabs v={v} />
          {v.problem && (
            <div class="error-summary" role="alert" aria-labelledby="problem-h">
              <h2 id="problem-h">{say('problem')}</h2>
              <p>{say(v.problem)}</p>
              {v.problem === 'badRegion' && (
                <p>
                  <a href={figuresHref({ days: v.query.days, region: undefined }, lang)}>
                    {say('allRegions')}
                  </a>
                </p>
              )}
            </div>
          )}
          {v.table && <Counted v={v} table={v.table} />}
          <section aria-labelledby="about-h">
            <h2 id="about-h">{say('about')}</h2>
            <ul>
              <li>{say('small')}</li>
              <li>{say('onTimeHint')}</li>
              <li>{say('medianHint')}</li>
              <li>{say('categories')}</li>
            </ul>
            <p class="hint">{say('privacy')}</p>
            <p>
              <a href={`/status?lang=${lang}`}>{say('status')}</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${render(body)}`;
}
