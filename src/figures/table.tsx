/**
 * The public figures' table beside its chart: each area's published figures and their total,
 * the chart of the complaints received (the dashboard's, a small count drawn as no bar) and the
 * CSV link. On a phone each row is a card of its figures, each named (table.cards.inline).
 */
import { BarChart, type Bar } from '../console/views/charts';
import type { Lang } from '../text/translate';
import {
  publishedCells,
  type AreaFigures,
  type FiguresTable,
  type PublishedCell,
} from './core/figures';
import { figuresHref, type FiguresQuery } from './core/query';
import { sayFigures, type FiguresWord } from './words';

/** What the table needs of its page. */
export interface TableView {
  lang: Lang;
  query: FiguresQuery;
  /** The page's area in words: the country, or the region's name. */
  scope: string;
  /** A region's or council's name by code. */
  areaName: (code: string) => string;
}

const nf = new Intl.NumberFormat('en-US');

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

function Row({ v, f, label }: { v: TableView; f: AreaFigures; label?: string }) {
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

export function FiguresTableView({ v, table }: { v: TableView; table: FiguresTable }) {
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
        {/* Its own box, focusable, should a wide table not fit; on a phone each row is a card. */}
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
