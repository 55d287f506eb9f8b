/**
 * The citizen's other complaints on a complaint page (same phone, within the viewer's scope,
 * newest first): a repeat caller seen at once. An anonymous complaint lists none.
 */
import type { OtherComplaint } from '../../complaints/detail';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { dateTime } from '../core/format';
import { t } from '../core/words';

export interface OthersView {
  lang: Lang;
  reference: ReferenceData;
  anonymous: boolean;
  others: OtherComplaint[];
}

export function CitizenComplaints({ v }: { v: OthersView }) {
  const { lang } = v;
  const label = (k: 'number' | 'age' | 'category' | 'council') => t(`queue.col.${k}`, lang);
  const status = t('complaint.status', lang);
  return (
    <section class="panel" id="others" aria-labelledby="others-title">
      <h2 id="others-title">{t('complaint.others', lang)}</h2>
      {v.anonymous ? (
        <p>{t('complaint.othersAnonymous', lang)}</p>
      ) : v.others.length === 0 ? (
        <p>{t('complaint.othersNone', lang)}</p>
      ) : (
        <>
          <p class="hint">{t('complaint.othersHint', lang)}</p>
          <div class="table-wrap">
            <table class="cards">
              <caption class="visually-hidden">{t('complaint.othersCaption', lang)}</caption>
              <thead>
                <tr>
                  <th scope="col">{label('number')}</th>
                  <th scope="col">{label('age')}</th>
                  <th scope="col">{label('category')}</th>
                  <th scope="col">{status}</th>
                  <th scope="col">{label('council')}</th>
                </tr>
              </thead>
              <tbody>
                {v.others.map((o) => (
                  <tr key={o.id}>
                    <td data-label={label('number')}>
                      <a href={`/console/c/${o.number}`}>{formatComplaintNumber(o.number)}</a>
                    </td>
                    <td data-label={label('age')}>{dateTime(o.createdAt)}</td>
                    <td data-label={label('category')}>
                      {codeLabel('category', o.categoryCode, lang)}
                    </td>
                    <td data-label={status}>{codeLabel('status', o.status, lang)}</td>
                    <td data-label={label('council')}>
                      {v.reference.councilLabels.get(o.councilCode)?.[lang] ?? o.councilCode}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
