/**
 * The public figures page: the period's tabs, when the figures were counted, a bar chart of the
 * complaints received per area (drawn on the server: the dashboard's chart) beside the table of
 * each area's published figures and their total (./table.tsx), the CSV link, and what the
 * figures mean. No script, no sign-in; the console's stylesheet; fits 360 px.
 */
import { render } from 'preact-render-to-string';
import { STYLESHEET, ICON } from '../console/assets';
import type { DashboardPeriod } from '../reports/core/dashboard-period';
import { clockTime, formatDate } from '../text/calendar';
import type { FiguresTable } from './core/figures';
import { FIGURES_DAYS, figuresHref } from './core/query';
import { FiguresTableView, type TableView } from './table';
import { sayFigures, type FiguresWord } from './words';

export interface FiguresView extends TableView {
  period: DashboardPeriod;
  /** Absent when the address was refused or the figures could not be counted. */
  table?: FiguresTable;
  problem?: FiguresWord;
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
