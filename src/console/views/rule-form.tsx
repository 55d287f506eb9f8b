/**
 * The routing rule form (category, where, goes to), on the rules page and on the page that
 * edits one rule.
 */
import type { Lang } from '../../text/translate';
import type { RuleForm, RuleFormError } from '../core/rule-form';
import { t } from '../core/words';
import type { RuleChoices } from '../pages/routing-data';
import { describedBy, Field, GroupedSelect, PostForm, Select } from './forms';
import { renderPage, type Frame } from './layout';

export interface FieldsView {
  lang: Lang;
  csrf: string;
  action: string;
  prefix: string;
  choices: RuleChoices;
  form: RuleForm;
  errors: RuleFormError[];
  button: string;
}

export function RuleFields(v: FieldsView) {
  const { lang, form, choices } = v;
  const err = (f: keyof RuleForm) => {
    const e = v.errors.find((x) => x.field === f);
    return e ? t(e.key, lang) : undefined;
  };
  const id = (f: string) => `${v.prefix}-${f}`;
  const whereHint = t('rules.whereHint', lang);
  const targetHint = t('rules.targetHint', lang);
  return (
    <PostForm action={v.action} csrf={v.csrf} class="panel">
      <Field id={id('category')} label={t('rules.category', lang)} error={err('category')}>
        <Select
          id={id('category')}
          name="category"
          value={form.category}
          blank={t('call.choose', lang)}
          choices={choices.categories}
          describedBy={describedBy(id('category'), undefined, err('category'))}
        />
      </Field>
      <Field id={id('where')} label={t('rules.where', lang)} hint={whereHint} error={err('where')}>
        <GroupedSelect
          id={id('where')}
          name="where"
          value={form.where}
          blank={t('call.choose', lang)}
          first={choices.everywhere}
          groups={choices.places}
          describedBy={describedBy(id('where'), whereHint, err('where'))}
        />
      </Field>
      <Field
        id={id('target')}
        label={t('rules.target', lang)}
        hint={targetHint}
        error={err('target')}
      >
        <GroupedSelect
          id={id('target')}
          name="target"
          value={form.target}
          blank={t('call.choose', lang)}
          groups={[
            ...(choices.teams.length > 0
              ? [{ label: t('rules.teams', lang), choices: choices.teams }]
              : []),
            ...choices.staff,
          ]}
          describedBy={describedBy(id('target'), targetHint, err('target'))}
        />
      </Field>
      <button type="submit">{v.button}</button>
    </PostForm>
  );
}

export function ruleEditPage(p: {
  frame: Frame;
  lang: Lang;
  csrf: string;
  id: number;
  label: string;
  choices: RuleChoices;
  form: RuleForm;
  errors: RuleFormError[];
}): string {
  const { lang } = p;
  return renderPage(
    p.frame,
    <>
      <p>
        <a href="/console/rules">{t('common.back', lang)}</a>
      </p>
      <h1>{t('rules.editTitle', lang)}</h1>
      <p class="lead">{p.label}</p>
      <RuleFields
        lang={lang}
        csrf={p.csrf}
        action={`/console/rules/${p.id}`}
        prefix="edit"
        choices={p.choices}
        form={p.form}
        errors={p.errors}
        button={t('rules.saveButton', lang)}
      />
    </>,
  );
}
