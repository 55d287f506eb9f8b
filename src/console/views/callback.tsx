/**
 * One call-back request: the caller's number to call, what it is about, its deadline and tries;
 * while open, the three ways it ends (log the call as a complaint, a try that reached nobody,
 * close with a note); its history.
 */
import type { CallbackDetail, HistoryItem } from '../../callbacks/reads';
import { formatCallbackReference } from '../../callbacks/core/reference';
import { MAX_ATTEMPTS, NOTE_MAX, RETRY_GAP_MS } from '../../callbacks/core/rules';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import type { WorkingHours } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { dateTime, slaBadge, whenText } from '../core/format';
import { t } from '../core/words';
import { describedBy, Field, PostForm } from './forms';
import { renderPage, type Frame } from './layout';

export const NOTE_FIELD = 'cb-note';

export interface CallbackPageView {
  frame: Frame;
  lang: Lang;
  now: number;
  hours: WorkingHours;
  reference: ReferenceData;
  detail: CallbackDetail;
  csrf: string;
  /** The closing note as typed (redrawn after a refusal). */
  note: string;
  noteError?: string;
}

/** `+255712345678` as people read it out: `+255 712 345 678`. */
const spaced = (phone: string) =>
  /^\+255\d{9}$/.test(phone)
    ? `+255 ${phone.slice(4, 7)} ${phone.slice(7, 10)} ${phone.slice(10)}`
    : phone;

function Facts({ v }: { v: CallbackPageView }) {
  const { lang, detail } = v;
  const c = detail.callback;
  const region = v.reference.regions.find((r) => r.code === c.regionCode);
  const badge = slaBadge(v.now, c.status === 'open' ? c.dueAt : null, v.hours, lang);
  return (
    <dl class="facts panel">
      <dt>{t('cb.fact.status', lang)}</dt>
      <dd>{t(`cb.status.${c.status}`, lang)}</dd>
      <dt>{t('cb.fact.phone', lang)}</dt>
      <dd>
        <a href={`tel:${c.phone}`} class="nowrap">
          {t('cb.call', lang, { phone: spaced(c.phone) })}
        </a>
      </dd>
      <dt>{t('cb.fact.language', lang)}</dt>
      <dd>{t(`lang.${c.language}`, lang)}</dd>
      <dt>{t('cb.fact.category', lang)}</dt>
      <dd>{codeLabel('category', c.categoryCode, lang)}</dd>
      <dt>{t('cb.fact.region', lang)}</dt>
      <dd>{region?.label[lang] ?? c.regionCode}</dd>
      <dt>{t('cb.fact.asked', lang)}</dt>
      <dd>{dateTime(c.createdAt)}</dd>
      <dt>{t('cb.fact.due', lang)}</dt>
      <dd>
        {dateTime(c.dueAt)}
        {c.status === 'open' && (
          <>
            {' '}
            <span class={`badge ${badge.kind}`}>{badge.text}</span>
          </>
        )}
      </dd>
      <dt>{t('cb.fact.tries', lang)}</dt>
      <dd>{c.attempts}</dd>
      {detail.complaintNumber && (
        <>
          <dt>{t('cb.fact.complaint', lang)}</dt>
          <dd>
            <a href={`/console/c/${detail.complaintNumber}`}>
              {formatComplaintNumber(detail.complaintNumber)}
            </a>
          </dd>
        </>
      )}
      {c.closeNote && (
        <>
          <dt>{t('cb.fact.note', lang)}</dt>
          <dd>{c.closeNote}</dd>
        </>
      )}
    </dl>
  );
}

function Actions({ v }: { v: CallbackPageView }) {
  const { lang } = v;
  const c = v.detail.callback;
  const base = `/console/callbacks/${c.reference}`;
  const last = c.attempts + 1 >= MAX_ATTEMPTS;
  const waitUntil = c.lastAttemptAt === null ? null : c.lastAttemptAt + RETRY_GAP_MS;
  const closeHint = t('cb.close.hint', lang);
  return (
    <>
      <section class="panel" aria-labelledby="cb-log-h">
        <h2 id="cb-log-h">{t('cb.log.title', lang)}</h2>
        <p class="hint">{t('cb.log.hint', lang)}</p>
        <a class="button" href={`/console/call?callback=${c.reference}`}>
          {t('cb.log.button', lang)}
        </a>
      </section>
      <section class="panel" aria-labelledby="cb-missed-h">
        <h2 id="cb-missed-h">{t('cb.missed.title', lang)}</h2>
        <p class="hint">{t(last ? 'cb.missed.last' : 'cb.missed.first', lang)}</p>
        {waitUntil !== null && waitUntil > v.now && (
          <p class="hint">{t('cb.missed.wait', lang, { time: whenText(v.now, waitUntil) })}</p>
        )}
        <PostForm action={`${base}/missed`} csrf={v.csrf}>
          <input type="hidden" name="seen" value={String(c.attempts)} />
          <button type="submit" class={last ? 'warning' : 'secondary'}>
            {t('cb.missed.button', lang)}
          </button>
        </PostForm>
      </section>
      <section class="panel" aria-labelledby="cb-close-h">
        <h2 id="cb-close-h">{t('cb.close.title', lang)}</h2>
        <PostForm action={`${base}/close`} csrf={v.csrf}>
          <Field
            id={NOTE_FIELD}
            label={t('cb.close.note', lang)}
            hint={closeHint}
            error={v.noteError}
          >
            <textarea
              id={NOTE_FIELD}
              name="note"
              rows={3}
              maxLength={NOTE_MAX}
              aria-describedby={describedBy(NOTE_FIELD, closeHint, v.noteError)}
            >
              {v.note}
            </textarea>
          </Field>
          <button type="submit" class="secondary">
            {t('cb.close.button', lang)}
          </button>
        </PostForm>
      </section>
    </>
  );
}

function historyText(h: HistoryItem, names: ReadonlyMap<number, string>, lang: Lang): string {
  const name = h.staffId === null ? '' : (names.get(h.staffId) ?? `#${h.staffId}`);
  switch (h.action) {
    case 'request':
      return t('cb.h.request', lang);
    case 'missed':
      return t('cb.h.missed', lang, { name });
    case 'unreachable':
      return t('cb.h.unreachable', lang, { name });
    case 'close':
      return t('cb.h.close', lang, { name, note: h.note ?? '' });
    case 'logged':
      return t('cb.h.logged', lang, {
        name,
        number: h.complaintNumber ? formatComplaintNumber(h.complaintNumber) : '',
      });
    default:
      return h.action;
  }
}

export function callbackPage(v: CallbackPageView): string {
  const { lang, detail } = v;
  const c = detail.callback;
  return renderPage(
    v.frame,
    <>
      <p class="no-print">
        <a href="/console/callbacks">{t('cb.back', lang)}</a>
      </p>
      <h1>{t('cb.request.title', lang, { reference: formatCallbackReference(c.reference) })}</h1>
      <Facts v={v} />
      {c.status === 'open' && <Actions v={v} />}
      <h2>{t('cb.history', lang)}</h2>
      <ol class="timeline">
        {detail.history.map((h, i) => (
          <li key={i}>
            <span class="meta">{dateTime(h.at)}</span> {historyText(h, detail.names, lang)}
          </li>
        ))}
      </ol>
    </>,
  );
}
