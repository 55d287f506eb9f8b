/**
 * The routing rules page: the rules the viewer sees (those pointing at nobody active marked),
 * a form to add one (./rule-form.tsx), "who would get it now?", and for headquarters the audit
 * log of rules and teams.
 */
import type { Lang } from '../../text/translate';
import type { RuleForm, RuleFormError } from '../core/rule-form';
import { t } from '../core/words';
import type { RuleChoices } from '../pages/routing-data';
import { CouncilSelect, Field, PostForm, Select } from './forms';
import { RuleFields } from './rule-form';
import { renderPage, type Frame } from './layout';
import { AuditTable, type AuditItem } from './audit';

export type { AuditItem };

export interface RuleItem {
  id: number;
  category: string;
  where: string;
  target: string;
  /** The target has nobody active: complaints fall back. */
  noActive: boolean;
  editable: boolean;
}

export interface PreviewView {
  category: string;
  council: string;
  error?: string;
  answer?: { question: string; lines: string[]; ownerId: number | null };
}

export interface RulesPageView {
  frame: Frame;
  lang: Lang;
  csrf: string;
  items: RuleItem[];
  choices: RuleChoices;
  add: { form: RuleForm; errors: RuleFormError[] };
  preview: PreviewView;
  /** Headquarters: the latest changes to rules and teams. */
  audit?: AuditItem[];
}

function Row({ v, item }: { v: RulesPageView; item: RuleItem }) {
  const { lang } = v;
  const label = (c: 'category' | 'where' | 'target') => t(`rules.col.${c}`, lang);
  return (
    <tr id={`rule-${item.id}`}>
      <td data-label={label('category')}>{item.category}</td>
      <td data-label={label('where')}>{item.where}</td>
      <td data-label={label('target')}>
        {item.target}
        {item.noActive && (
          <p class="error-message" data-no-active>
            {t('rules.noActive', lang)}
          </p>
        )}
      </td>
      <td>
        {item.editable ? (
          <>
            <a href={`/console/rules/${item.id}`}>
              {t('rules.edit', lang)}
              <span class="visually-hidden">
                {' '}
                {item.category}, {item.where}
              </span>
            </a>
            <PostForm action={`/console/rules/${item.id}/delete`} csrf={v.csrf} class="inline">
              <button
                type="submit"
                class="secondary small"
                aria-label={`${t('rules.delete', lang)}: ${item.category}, ${item.where}`}
              >
                {t('rules.delete', lang)}
              </button>
            </PostForm>
          </>
        ) : (
          <span class="muted">{t('rules.byHq', lang)}</span>
        )}
      </td>
    </tr>
  );
}

function Preview({ v }: { v: RulesPageView }) {
  const { lang, preview: p, choices } = v;
  const hint = t('rules.previewHint', lang);
  return (
    <>
      <h2 id="preview">{t('rules.preview', lang)}</h2>
      <form method="get" action="/console/rules#preview" class="panel">
        <p class="hint">{hint}</p>
        {p.error && <p class="error-message">{p.error}</p>}
        <Field id="preview-category" label={t('rules.category', lang)}>
          <Select
            id="preview-category"
            name="category"
            value={p.category}
            blank={t('call.choose', lang)}
            choices={choices.categories}
          />
        </Field>
        <Field id="preview-council" label={t('rules.council', lang)}>
          <CouncilSelect
            id="preview-council"
            name="council"
            value={p.council}
            blank={t('call.choose', lang)}
            groups={choices.councils}
          />
        </Field>
        <button type="submit" class="secondary">
          {t('rules.previewButton', lang)}
        </button>
      </form>
      {p.answer && (
        <div class="notice" role="status" id="preview-answer">
          <p>
            <strong>{p.answer.question}</strong>
          </p>
          {p.answer.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </>
  );
}

export function rulesPage(v: RulesPageView): string {
  const { lang } = v;
  return renderPage(
    v.frame,
    <>
      <h1>{t('rules.title', lang)}</h1>
      <p>{t('rules.intro', lang)}</p>
      {v.items.length === 0 ? (
        <p class="panel">{t('rules.none', lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <caption>{t('rules.caption', lang, { count: v.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rules.col.category', lang)}</th>
                <th scope="col">{t('rules.col.where', lang)}</th>
                <th scope="col">{t('rules.col.target', lang)}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('complaint.actions', lang)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((item) => (
                <Row key={item.id} v={v} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Preview v={v} />
      <h2 id="add">{t('rules.add', lang)}</h2>
      <RuleFields
        lang={lang}
        csrf={v.csrf}
        action="/console/rules"
        prefix="add"
        choices={v.choices}
        form={v.add.form}
        errors={v.add.errors}
        button={t('rules.addButton', lang)}
      />
      {v.audit && <AuditTable lang={lang} items={v.audit} />}
    </>,
  );
}
