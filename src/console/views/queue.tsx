/**
 * The queue page: search box, tabs with their counts, filters, the table (with bulk assignment
 * for supervisors and headquarters) and keyset paging. Links keep the filters.
 */
import type { QueueRow, Tab } from '../../complaints/queue';
import { COUNT_CAP, TABS } from '../../complaints/queue';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import type { WorkingHours } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { ago, slaBadge } from '../core/format';
import { t, type WordKey } from '../core/words';
import { Field, PostForm, Select, type Choice } from './forms';
import { renderPage, type Frame } from './layout';

export interface QueueView {
  frame: Frame;
  lang: Lang;
  now: number;
  hours: WorkingHours;
  reference: ReferenceData;
  tab: Tab;
  rows: QueueRow[];
  /** Each tab's count; none while searching by words. */
  counts?: Record<Tab, number> | undefined;
  /** The filters as typed (for the form and for links). */
  query: Record<string, string>;
  next?: string | undefined;
  /** Regions offered in the filter (headquarters only); councils of these. */
  regionCodes: string[];
  /** The wards of the council filtered to, by name (none: no council, or no ward list). */
  wards: Choice[];
  /** The names of the rows' wards, by code. */
  wardNames: ReadonlyMap<string, string>;
  /** Staff a supervisor may assign the selected complaints to (none: no bulk assignment). */
  assignees: Choice[];
  csrf: string;
  /** How many similar complaints each row's cluster holds (rows with none left out). */
  clusters: Map<number, number>;
}

const TAB_WORD: Record<Tab, WordKey> = {
  mine: 'queue.tab.mine',
  unassigned: 'queue.tab.unassigned',
  dueSoon: 'queue.tab.dueSoon',
  overdue: 'queue.tab.overdue',
  open: 'queue.tab.open',
  resolved: 'queue.tab.resolved',
};

const href = (
  query: Record<string, string>,
  change: Record<string, string | undefined>,
  path = '/console',
) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
};

const countText = (n: number, lang: Lang) =>
  n > COUNT_CAP ? t('queue.countMore', lang, { count: COUNT_CAP }) : String(n);

function Tabs({ v }: { v: QueueView }) {
  return (
    <nav aria-label={t('queue.tabs', v.lang)}>
      <ul class="tabs">
        {TABS.map((tab) => (
          <li key={tab}>
            <a
              href={href(v.query, { tab, after: undefined })}
              aria-current={tab === v.tab ? 'page' : undefined}
            >
              {t(TAB_WORD[tab], v.lang)}
              {v.counts && <span class="count">{countText(v.counts[tab], v.lang)}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Search({ v }: { v: QueueView }) {
  return (
    <form method="get" action="/console" class="search" role="search">
      <input type="hidden" name="tab" value={v.tab} />
      <Field id="q" label={t('queue.search', v.lang)} hint={t('queue.searchHint', v.lang)}>
        <input type="search" id="q" name="q" value={v.query.q ?? ''} aria-describedby="q-hint" />
      </Field>
      <button type="submit">{t('queue.searchButton', v.lang)}</button>
    </form>
  );
}

function Filters({ v }: { v: QueueView }) {
  const { lang, reference: ref, query } = v;
  const regions = ref.regions.filter((r) => v.regionCodes.includes(r.code));
  const opt = (value: string, label: string): Choice => ({ value, label });
  const open = ['region', 'council', 'ward', 'category', 'status', 'channel', 'from', 'to'].some(
    (k) => query[k],
  );
  return (
    <details open={open}>
      <summary>{t('queue.filters', lang)}</summary>
      <form method="get" action="/console" class="panel">
        <input type="hidden" name="tab" value={v.tab} />
        {query.q && <input type="hidden" name="q" value={query.q} />}
        <div class="filters">
          {regions.length > 1 && (
            <Field id="f-region" label={t('queue.filter.region', lang)}>
              <Select
                id="f-region"
                name="region"
                value={query.region ?? ''}
                blank={t('common.all', lang)}
                choices={regions.map((r) => opt(r.code, r.label[lang]))}
              />
            </Field>
          )}
          <Field id="f-council" label={t('queue.filter.council', lang)}>
            <select id="f-council" name="council">
              <option value="">{t('common.all', lang)}</option>
              {regions.map((r) => (
                <optgroup key={r.code} label={r.label[lang]} data-region={r.code}>
                  {(ref.councilsByRegion.get(r.code) ?? []).map((c) => (
                    <option key={c.code} value={c.code} selected={c.code === query.council}>
                      {c.label[lang]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          {v.wards.length > 0 && (
            <Field id="f-ward" label={t('queue.filter.ward', lang)}>
              <Select
                id="f-ward"
                name="ward"
                value={query.ward ?? ''}
                blank={t('common.all', lang)}
                choices={v.wards}
              />
            </Field>
          )}
          <Field id="f-category" label={t('queue.filter.category', lang)}>
            <Select
              id="f-category"
              name="category"
              value={query.category ?? ''}
              blank={t('common.all', lang)}
              choices={[...ref.categoryInfo.keys()].map((c) =>
                opt(c, codeLabel('category', c, lang)),
              )}
            />
          </Field>
          <Field id="f-status" label={t('queue.filter.status', lang)}>
            <Select
              id="f-status"
              name="status"
              value={query.status ?? ''}
              blank={t('common.all', lang)}
              choices={['received', 'assigned', 'in_progress', 'resolved', 'closed'].map((s) =>
                opt(s, codeLabel('status', s, lang)),
              )}
            />
          </Field>
          <Field id="f-channel" label={t('queue.filter.channel', lang)}>
            <Select
              id="f-channel"
              name="channel"
              value={query.channel ?? ''}
              blank={t('common.all', lang)}
              choices={(['ussd', 'sms', 'call', 'demo'] as const).map((c) =>
                opt(c, t(`channel.${c}`, lang)),
              )}
            />
          </Field>
          <Field id="f-from" label={t('queue.filter.from', lang)}>
            <input type="date" id="f-from" name="from" value={query.from ?? ''} />
          </Field>
          <Field id="f-to" label={t('queue.filter.to', lang)}>
            <input type="date" id="f-to" name="to" value={query.to ?? ''} />
          </Field>
        </div>
        <button type="submit">{t('queue.filter.apply', lang)}</button>
        <a class="button secondary" href={href({}, { tab: v.tab })}>
          {t('queue.filter.clear', lang)}
        </a>
      </form>
    </details>
  );
}

const COLUMNS = ['number', 'category', 'council', 'age', 'sla', 'assignee', 'activity'] as const;

function Row({ v, row, select }: { v: QueueView; row: QueueRow; select: boolean }) {
  const { lang } = v;
  const badge = slaBadge(v.now, row.dueAt, v.hours, lang);
  const number = formatComplaintNumber(row.number);
  const label = (c: (typeof COLUMNS)[number]) => t(`queue.col.${c}`, lang);
  const ward = row.wardCode === null ? undefined : v.wardNames.get(row.wardCode);
  return (
    <tr>
      {select && (
        <td>
          <input
            type="checkbox"
            name="numbers"
            value={row.number}
            id={`sel-${row.number}`}
            aria-label={`${t('queue.col.select', lang)} ${number}`}
          />
        </td>
      )}
      <td data-label={label('number')}>
        <a href={`/console/c/${row.number}`}>{number}</a>
        {v.clusters.has(row.id) && (
          <a class="similar" href={`/console/c/${row.number}#cluster`}>
            {t('queue.cluster', lang, { count: v.clusters.get(row.id) ?? 0 })}
          </a>
        )}
      </td>
      <td data-label={label('category')}>{codeLabel('category', row.categoryCode, lang)}</td>
      <td data-label={label('council')}>
        {/* One box: on a phone the cell's parts are laid out side by side. */}
        <span>
          {v.reference.councilLabels.get(row.councilCode)?.[lang] ?? row.councilCode}
          {ward && <span class="meta"> · {ward}</span>}
        </span>
      </td>
      <td data-label={label('age')}>{ago(v.now, row.createdAt, lang)}</td>
      <td data-label={label('sla')}>
        <span class={`badge ${badge.kind}`}>{badge.text}</span>
      </td>
      <td data-label={label('assignee')}>
        {row.assigneeName ??
          t(row.level === 'national' ? 'common.hqQueue' : 'common.unassigned', lang)}
      </td>
      <td data-label={label('activity')}>{ago(v.now, row.updatedAt, lang)}</td>
    </tr>
  );
}

function Table({ v }: { v: QueueView }) {
  const { lang } = v;
  const select = v.assignees.length > 0 && v.tab !== 'resolved' && v.rows.length > 0;
  const tab = t(TAB_WORD[v.tab], lang);
  const caption = v.counts
    ? t('queue.caption', lang, { tab, count: countText(v.counts[v.tab], lang) })
    : t('queue.searchCaption', lang, { tab, words: v.query.q ?? '' });
  const table = (
    <div class="table-wrap">
      <table class="cards">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {select && (
              <th scope="col">
                <span data-select-all hidden>
                  <input type="checkbox" aria-label={t('queue.col.select', lang)} />
                </span>
                <span class="muted">{t('queue.col.select', lang)}</span>
              </th>
            )}
            {COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {t(`queue.col.${c}`, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.rows.map((row) => (
            <Row key={row.id} v={v} row={row} select={select} />
          ))}
        </tbody>
      </table>
    </div>
  );
  if (v.rows.length === 0) return <p class="panel">{t('queue.empty', lang)}</p>;
  if (!select) return table;
  return (
    <PostForm action="/console/assign-many" csrf={v.csrf}>
      {table}
      <fieldset class="panel no-print">
        <legend>{t('queue.bulk.title', lang)}</legend>
        <Field id="bulk-to" label={t('queue.bulk.to', lang)}>
          <Select id="bulk-to" name="staffId" value="" blank="" choices={v.assignees} />
        </Field>
        <input type="hidden" name="back" value={href(v.query, {})} />
        <button type="submit">{t('queue.bulk.button', lang)}</button>
      </fieldset>
    </PostForm>
  );
}

export function queuePage(v: QueueView): string {
  return renderPage(
    v.frame,
    <>
      <h1>{t('queue.title', v.lang)}</h1>
      <Search v={v} />
      <Tabs v={v} />
      <Filters v={v} />
      <Table v={v} />
      <div class="pager">
        <a href={href(v.query, { after: undefined }, '/console/queue.csv')} download>
          {t('queue.export', v.lang)}
        </a>
        {v.query.after && (
          <a href={href(v.query, { after: undefined })}>{t('queue.first', v.lang)}</a>
        )}
        {v.next && (
          <a href={href(v.query, { after: v.next })} rel="next">
            {t('queue.next', v.lang)}
          </a>
        )}
      </div>
    </>,
  );
}
