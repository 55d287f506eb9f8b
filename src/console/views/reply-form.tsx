/**
 * The form of a saved or an automatic reply (add and edit): title, category and region (saved),
 * category and change (automatic; fixed once saved), and the two texts, each problem next to its
 * field.
 */
import type { ReplyField, ReplyForm, ReplyProblem } from '../../complaints/core/reply-rules';
import { AUTO_TRIGGER_LIST, REPLY_TEXT_MAX } from '../../complaints/core/replies';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { replyProblemText, t } from '../core/words';
import { describedBy, Field, PostForm, Select } from './forms';

export interface ReplyFormView {
  lang: Lang;
  reference: ReferenceData;
  csrf: string;
  kind: 'saved' | 'auto';
  action: string;
  /** Prefix of the fields' ids (`add`, `auto`, `edit`). */
  prefix: string;
  form: ReplyForm;
  problems: ReplyProblem[];
  /** Headquarters choose a saved reply's region; a supervisor's is always theirs. */
  chooseRegion: boolean;
  /** An automatic reply being edited: its category and change are shown, not chosen. */
  fixed: boolean;
  button: string;
}

const LABEL = {
  title: 'replies.f.title',
  category: 'replies.f.category',
  region: 'replies.f.region',
  trigger: 'replies.f.trigger',
  textSw: 'replies.f.textSw',
  textEn: 'replies.f.textEn',
} as const satisfies Record<ReplyField, string>;

/** The error summary's entries for a reply form: each problem after its field's name. */
export function replyFormErrors(v: Pick<ReplyFormView, 'lang' | 'prefix' | 'problems'>) {
  return v.problems.map((p) => ({
    text: `${t(LABEL[p.field], v.lang)}: ${replyProblemText(p, v.lang)}`,
    field: `${v.prefix}-${p.field}`,
  }));
}

export const triggerLabel = (trigger: string, lang: Lang) =>
  AUTO_TRIGGER_LIST.includes(trigger as never)
    ? t(`replies.trigger.${trigger as (typeof AUTO_TRIGGER_LIST)[number]}`, lang)
    : trigger;

export function ReplyFields({ v }: { v: ReplyFormView }) {
  const { lang, form, reference: ref } = v;
  const id = (f: ReplyField) => `${v.prefix}-${f}`;
  const err = (f: ReplyField) => {
    const p = v.problems.find((x) => x.field === f);
    return p ? replyProblemText(p, lang) : undefined;
  };
  const categories = ref.categories.map((c) => ({
    value: c,
    label: codeLabel('category', c, lang),
  }));
  const select = (
    f: 'category' | 'region' | 'trigger',
    choices: { value: string; label: string }[],
    blank?: string,
  ) => (
    <Field id={id(f)} label={t(LABEL[f], lang)} error={err(f)}>
      <Select
        id={id(f)}
        name={f}
        value={form[f]}
        choices={choices}
        {...(blank === undefined ? {} : { blank })}
        describedBy={describedBy(id(f), undefined, err(f))}
      />
    </Field>
  );
  const textHint = t('replies.f.textHint', lang, { max: REPLY_TEXT_MAX });
  const text = (f: 'textSw' | 'textEn', textLang: Lang) => (
    <Field id={id(f)} label={t(LABEL[f], lang)} hint={textHint} error={err(f)}>
      <textarea
        id={id(f)}
        name={f}
        rows={4}
        maxLength={1000}
        lang={textLang}
        aria-describedby={`${v.prefix}-vars ${describedBy(id(f), textHint, err(f)) ?? ''}`.trim()}
      >
        {form[f]}
      </textarea>
    </Field>
  );
  return (
    <PostForm action={v.action} csrf={v.csrf} class="panel">
      {v.kind === 'saved' && (
        <Field
          id={id('title')}
          label={t('replies.f.title', lang)}
          hint={t('replies.f.titleHint', lang)}
          error={err('title')}
        >
          <input
            type="text"
            id={id('title')}
            name="title"
            value={form.title}
            maxLength={80}
            autocomplete="off"
            aria-describedby={describedBy(
              id('title'),
              t('replies.f.titleHint', lang),
              err('title'),
            )}
          />
        </Field>
      )}
      {v.kind === 'saved' && select('category', categories, t('replies.allCategories', lang))}
      {v.kind === 'saved' &&
        v.chooseRegion &&
        select(
          'region',
          ref.regions.map((r) => ({ value: r.code, label: r.label[lang] })),
          t('replies.allRegions', lang),
        )}
      {v.kind === 'auto' && !v.fixed && select('category', categories, t('call.choose', lang))}
      {v.kind === 'auto' &&
        !v.fixed &&
        select(
          'trigger',
          AUTO_TRIGGER_LIST.map((x) => ({ value: x, label: triggerLabel(x, lang) })),
          t('call.choose', lang),
        )}
      <p class="hint vars" id={`${v.prefix}-vars`}>
        {t('replies.variables', lang)}
      </p>
      {text('textSw', 'sw')}
      {text('textEn', 'en')}
      <button type="submit">{v.button}</button>
    </PostForm>
  );
}
