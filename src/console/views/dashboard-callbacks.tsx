/**
 * The dashboard's call-back figures: the requests made in the period in the region the viewer
 * sees (a region's staff: their region; headquarters: every region, or the one looked at), by
 * how they ended, with a link to the queue of those still open.
 */
import type { CallbackFigures } from '../../callbacks/reads';
import type { Lang } from '../../text/translate';
import { t, type WordKey } from '../core/words';

export interface CallbackFiguresView {
  lang: Lang;
  figures: CallbackFigures;
  /** Whose requests, in words: "all regions", "region Arusha". */
  scopeText: string;
  /** The call-back queue of that region. */
  queueHref: string;
}

const nf = new Intl.NumberFormat('en-US');

const ROWS: [keyof CallbackFigures, WordKey][] = [
  ['asked', 'cb.dash.asked'],
  ['open', 'cb.dash.open'],
  ['overdue', 'cb.dash.overdue'],
  ['logged', 'cb.dash.logged'],
  ['closed', 'cb.dash.closed'],
  ['unreachable', 'cb.dash.unreachable'],
];

export function CallbackFiguresSection({ v }: { v: CallbackFiguresView }) {
  const { lang } = v;
  return (
    <section aria-labelledby="h-callbacks">
      <h2 id="h-callbacks">{t('cb.dash.title', lang)}</h2>
      <p class="hint">{t('cb.dash.hint', lang, { scope: v.scopeText })}</p>
      <div class="table-wrap dash">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cb.dash.col.what', lang)}</th>
              <th scope="col" class="num">
                {t('cb.dash.col.count', lang)}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([key, word]) => (
              <tr key={key}>
                <th scope="row">{t(word, lang)}</th>
                <td class="num">{nf.format(v.figures[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="no-print">
        <a href={v.queueHref}>{t('cb.dash.queue', lang)}</a>
      </p>
    </section>
  );
}
