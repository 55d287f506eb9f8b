/**
 * The audit log as a table: when, who, what, the change, before and after in words.
 */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../text/translate';
import { t, type WordKey } from '../core/words';

export interface AuditItem {
  id: number;
  when: string;
  who: string;
  what: string;
  action: string;
  before: string;
  after: string;
}

const COLUMNS = ['when', 'who', 'what', 'action', 'before', 'after'] as const;

/**
 * A log of changes as a table (cards at phone width): a caption, a column a field, a row a
 * change, or a panel saying there is none. The audit log and the staff log draw theirs with it.
 */
export function ChangeTable<R extends { id: number }, C extends string>(p: {
  lang: Lang;
  id: string;
  caption: string;
  columns: readonly C[];
  label: (column: C) => string;
  rows: readonly R[];
  cell: (row: R, column: C) => ComponentChildren;
}) {
  if (p.rows.length === 0) return <p class="panel">{t('audit.none', p.lang)}</p>;
  return (
    <div class="table-wrap">
      <table class="cards" id={p.id}>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th scope="col" key={c}>
                {p.label(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => (
            <tr key={row.id}>
              {p.columns.map((c) => (
                <td key={c} data-label={p.label(c)}>
                  {p.cell(row, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditTable({
  lang,
  items,
  title = 'audit.title',
}: {
  lang: Lang;
  items: AuditItem[];
  title?: WordKey;
}) {
  return (
    <>
      <h2 id="audit">{t(title, lang)}</h2>
      <ChangeTable
        lang={lang}
        id="audit-log"
        caption={t('audit.caption', lang, { count: items.length })}
        columns={COLUMNS}
        label={(c) => t(`audit.col.${c}`, lang)}
        rows={items}
        cell={(a, c) => a[c]}
      />
    </>
  );
}
