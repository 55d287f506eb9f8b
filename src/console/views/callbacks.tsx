/**
 * The call-back queue: the open requests of a region (headquarters: every region, or the one
 * chosen), the first due first, overdue ones marked; each opens its request's page. A table on
 * a desk, cards on a phone.
 */
import type { CallbackQueue } from '../../callbacks/reads';
import { formatCallbackReference } from '../../callbacks/core/reference';
import type { CallbackRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import type { WorkingHours } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { ago, dateTime, maskedPhone, slaBadge } from '../core/format';
import { t } from '../core/words';
import { Field, Select } from './forms';
import { renderPage, type Frame } from './layout';

export { callbackPage, NOTE_FIELD } from './callback';

export interface CallbacksView {
  frame: Frame;
  lang: Lang;
  now: number;
  hours: WorkingHours;
  reference: ReferenceData;
  queue: CallbackQueue;
  /** Regions offered in the filter (headquarters); none: the viewer's own region only. */
  regionCodes: string[];
  /** The cursor of the page shown ('' on the first). */
  after: string;
}

const COLUMNS = ['reference', 'phone', 'category', 'region', 'asked', 'due', 'tries'] as const;
type Column = (typeof COLUMNS)[number];

/** The columns shown: the region only where the list spans regions (headquarters). */
const columnsOf = (v: CallbacksView): Column[] =>
  COLUMNS.filter((c) => c !== 'region' || v.regionCodes.length > 0);

const href = (region: string | undefined, after?: string) => {
  const q = new URLSearchParams();
  if (region) q.set('region', region);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `/console/callbacks?${s}` : '/console/callbacks';
};

/** Pure. How many tries, and who made the last one when. */
export function triesText(
  row: Pick<CallbackRow, 'attempts' | 'lastAttemptAt' | 'lastAttemptBy'>,
  names: ReadonlyMap<number, string>,
  lang: Lang,
): string {
  if (row.attempts === 0 || row.lastAttemptAt === null) return t('cb.tries.none', lang);
  const name = row.lastAttemptBy === null ? '' : (names.get(row.lastAttemptBy) ?? '');
  return t('cb.tries.last', lang, { n: row.attempts, name, when: dateTime(row.lastAttemptAt) });
}

function Row({ v, row }: { v: CallbacksView; row: CallbackRow }) {
  const { lang } = v;
  const badge = slaBadge(v.now, row.dueAt, v.hours, lang);
  const label = (c: Column) => t(`cb.col.${c}`, lang);
  const shown = columnsOf(v);
  const region = v.reference.regions.find((r) => r.code === row.regionCode);
  return (
    <tr class={badge.kind === 'overdue' ? 'overdue' : undefined}>
      <td data-label={label('reference')}>
        <a href={`/console/callbacks/${row.reference}`} class="nowrap">
          {formatCallbackReference(row.reference)}
        </a>
      </td>
      <td data-label={label('phone')} class="nowrap">
        {maskedPhone(row.phone)}
      </td>
      <td data-label={label('category')}>{codeLabel('category', row.categoryCode, lang)}</td>
      {shown.includes('region') && (
        <td data-label={label('region')}>{region?.label[lang] ?? row.regionCode}</td>
      )}
      <td data-label={label('asked')}>{ago(v.now, row.createdAt, lang)}</td>
      <td data-label={label('due')}>
        <span class={`badge ${badge.kind} nowrap`}>{badge.text}</span>
      </td>
      <td data-label={label('tries')}>{triesText(row, v.queue.names, lang)}</td>
    </tr>
  );
}

function RegionFilter({ v }: { v: CallbacksView }) {
  const { lang } = v;
  const regions = v.reference.regions.filter((r) => v.regionCodes.includes(r.code));
  return (
    <form method="get" action="/console/callbacks" class="search panel">
      <Field id="cb-region" label={t('cb.filter.region', lang)}>
        <Select
          id="cb-region"
          name="region"
          value={v.queue.regionCode ?? ''}
          blank={t('common.all', lang)}
          choices={regions.map((r) => ({ value: r.code, label: r.label[lang] }))}
        />
      </Field>
      <button type="submit">{t('cb.filter.apply', lang)}</button>
    </form>
  );
}

export function callbacksPage(v: CallbacksView): string {
  const { lang, queue } = v;

  return renderPage(
    v.frame,
    <>
      <h1>{t('cb.title', lang)}</h1>
      <p class="lead">{t('cb.intro', lang)}</p>
      {v.regionCodes.length > 0 && <RegionFilter v={v} />}
      {queue.rows.length === 0 ? (
        <p class="panel">{t('cb.empty', lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <caption>{t('cb.caption', lang, { open: queue.open, overdue: queue.overdue })}</caption>
            <thead>
              <tr>
                {columnsOf(v).map((c) => (
                  <th scope="col" key={c}>
                    {t(`cb.col.${c}`, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((row) => (
                <Row key={row.id} v={v} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="pager">
        {v.after && <a href={href(queue.regionCode)}>{t('cb.first', lang)}</a>}
        {queue.next && (
          <a href={href(queue.regionCode, queue.next)} rel="next">
            {t('cb.next', lang)}
          </a>
        )}
      </div>
    </>,
  );
}
