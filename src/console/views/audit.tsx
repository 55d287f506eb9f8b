/**
 * The audit log as a table: when, who, what, the change, before and after in words.
 */
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
      {items.length === 0 ? (
        <p class="panel">{t('audit.none', lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards" id="audit-log">
            <caption>{t('audit.caption', lang, { count: items.length })}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c}>
                    {t(`audit.col.${c}`, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  {COLUMNS.map((c) => (
                    <td key={c} data-label={t(`audit.col.${c}`, lang)}>
                      {a[c]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
