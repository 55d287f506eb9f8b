/**
 * The triage tab: each SMS complaint waiting for its council, as a panel with the citizen's
 * words, Kero's guesses, the form that sends it on (council and category, prefilled with the
 * guesses) and, folded away, the form that closes it with a note to the citizen.
 */
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { ago, dateTime } from '../core/format';
import { t, type WordKey } from '../core/words';
import { CouncilSelect, councilGroups, describedBy, Field, PostForm, Select } from './forms';
import { renderPage, type Frame } from './layout';

export interface TriageItem {
  id: number;
  number: string;
  receivedAt: number;
  language: Lang;
  text: string;
  guess: { regions: string[]; council?: string | undefined; place?: string };
  /** The form's values: Kero's guesses, or what staff chose before a problem. */
  council: string;
  category: string;
  note: string;
}

export interface TriagePageView {
  frame: Frame;
  lang: Lang;
  reference: ReferenceData;
  now: number;
  /** Waiting in all (the page shows the oldest TRIAGE_PAGE). */
  total: number;
  items: TriageItem[];
  problem?: { id: number; field: string; key: WordKey };
  /** The complaint just routed, for the link under the notice. */
  routed?: string;
  csrf: string;
}

function Guess({ item, lang }: { item: TriageItem; lang: Lang }) {
  const g = item.guess;
  const parts = [g.place, g.council, g.regions.join(', ')].filter((x) => x && x !== '');
  return (
    <p class="hint">
      {parts.length > 0
        ? t('triage.guess', lang, { guess: parts.join(' · ') })
        : t('triage.noGuess', lang)}
    </p>
  );
}

function Item({ v, item }: { v: TriagePageView; item: TriageItem }) {
  const { lang, reference: ref } = v;
  const id = (f: string) => `triage-${item.id}-${f}`;
  const err = (f: string) =>
    v.problem?.id === item.id && v.problem.field === f ? t(v.problem.key, lang) : undefined;
  const number = formatComplaintNumber(item.number);
  return (
    <section class="panel" aria-labelledby={id('h')}>
      <h2 id={id('h')}>{t('triage.item', lang, { number })}</h2>
      <p class="hint">
        {t('triage.received', lang, {
          when: dateTime(item.receivedAt),
          ago: ago(v.now, item.receivedAt, lang),
          language: t(`lang.${item.language}`, lang),
        })}
      </p>
      <blockquote>{item.text}</blockquote>
      <Guess item={item} lang={lang} />
      <PostForm action={`/console/triage/${item.id}/route`} csrf={v.csrf}>
        <Field id={id('council')} label={t('call.council', lang)} error={err('council')}>
          <CouncilSelect
            id={id('council')}
            name="council"
            value={item.council}
            blank={t('call.choose', lang)}
            describedBy={describedBy(id('council'), undefined, err('council'))}
            groups={councilGroups(ref, ref.regions, lang)}
          />
        </Field>
        <Field id={id('category')} label={t('call.category', lang)} error={err('category')}>
          <Select
            id={id('category')}
            name="category"
            value={item.category}
            blank={t('call.choose', lang)}
            describedBy={describedBy(id('category'), undefined, err('category'))}
            choices={ref.categories.map((c) => ({
              value: c,
              label: codeLabel('category', c, lang),
            }))}
          />
        </Field>
        <button type="submit">{t('triage.route', lang)}</button>
      </PostForm>
      <details open={err('note') !== undefined}>
        <summary>{t('triage.closeOpen', lang)}</summary>
        <PostForm action={`/console/triage/${item.id}/close`} csrf={v.csrf}>
          <Field
            id={id('note')}
            label={t('triage.note', lang)}
            hint={t('triage.noteHint', lang)}
            error={err('note')}
          >
            <textarea
              id={id('note')}
              name="note"
              rows={2}
              maxLength={160}
              aria-describedby={describedBy(id('note'), t('triage.noteHint', lang), err('note'))}
            >
              {item.note}
            </textarea>
          </Field>
          <button type="submit" class="secondary">
            {t('triage.close', lang)}
          </button>
        </PostForm>
      </details>
    </section>
  );
}

export function triagePage(v: TriagePageView): string {
  const { lang } = v;
  return renderPage(
    v.frame,
    <>
      <h1>{t('triage.title', lang)}</h1>
      {v.routed && (
        <p>
          <a href={`/console/c/${v.routed}`}>
            {t('call.open', lang, { number: formatComplaintNumber(v.routed) })}
          </a>
        </p>
      )}
      <p>{t('triage.intro', lang)}</p>
      <p>
        <strong>{t('triage.count', lang, { n: v.total })}</strong>
        {v.total > v.items.length && ` ${t('triage.oldest', lang, { n: v.items.length })}`}
      </p>
      {v.items.length === 0 && <p>{t('triage.empty', lang)}</p>}
      {v.items.map((item) => (
        <Item key={item.id} v={v} item={item} />
      ))}
    </>,
  );
}
