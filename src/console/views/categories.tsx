/**
 * The categories page (headquarters): every category in menu order with its names, deadlines,
 * whether Open311 publishes it and whether it is in the menus; move, retire, bring back; add
 * one; and the edit page of one.
 */
import type { CategoryItem } from '../../reference/types';
import type { Lang } from '../../text/translate';
import { MAX_CATEGORY_NAME, type CategoryForm } from '../../categories/core/category-form';
import { t, type WordKey } from '../core/words';
import { describedBy, Field, PostForm } from './forms';
import { AuditTable, type AuditItem } from './audit';
import { renderPage, type Frame } from './layout';

export interface CategoryFormError {
  field: keyof CategoryForm;
  key: WordKey;
  vars?: Record<string, string | number>;
}

export interface CategoryFormView {
  lang: Lang;
  csrf: string;
  action: string;
  form: CategoryForm;
  errors: CategoryFormError[];
  /** The centre's default deadlines (SLA_FIRST_RESPONSE_DAYS, SLA_RESOLUTION_DAYS). */
  defaults: { firstResponseDays: number; resolutionDays: number };
  button: string;
}

export interface CategoriesPageView {
  frame: Frame;
  lang: Lang;
  csrf: string;
  items: CategoryItem[];
  defaults: CategoryFormView['defaults'];
  add: CategoryFormView;
  /** The latest changes to categories, newest first. */
  audit: AuditItem[];
}

export function CategoryFields({ v, prefix }: { v: CategoryFormView; prefix: string }) {
  const { lang, form } = v;
  const err = (f: keyof CategoryForm) => {
    const e = v.errors.find((x) => x.field === f);
    return e ? t(e.key, lang, e.vars) : undefined;
  };
  const id = (f: string) => `${prefix}-${f}`;
  const text = (field: 'nameSw' | 'nameEn', label: WordKey) => (
    <Field
      id={id(field)}
      label={t(label, lang)}
      hint={t('categories.nameHint', lang, { max: MAX_CATEGORY_NAME })}
      error={err(field)}
    >
      <input
        type="text"
        id={id(field)}
        name={field}
        value={form[field]}
        maxLength={MAX_CATEGORY_NAME + 10}
        autocomplete="off"
        aria-describedby={describedBy(id(field), 'hint', err(field))}
      />
    </Field>
  );
  const days = (field: 'firstResponseDays' | 'resolutionDays', label: WordKey, dflt: number) => (
    <Field
      id={id(field)}
      label={t(label, lang)}
      hint={t('categories.daysHint', lang, { days: dflt })}
      error={err(field)}
    >
      <input
        type="text"
        inputMode="numeric"
        id={id(field)}
        name={field}
        value={form[field]}
        class="short"
        autocomplete="off"
        aria-describedby={describedBy(id(field), 'hint', err(field))}
      />
    </Field>
  );
  return (
    <PostForm action={v.action} csrf={v.csrf} class="panel">
      {text('nameSw', 'categories.nameSw')}
      {text('nameEn', 'categories.nameEn')}
      {days('firstResponseDays', 'categories.firstResponseDays', v.defaults.firstResponseDays)}
      {days('resolutionDays', 'categories.resolutionDays', v.defaults.resolutionDays)}
      <div class="checks">
        <p class="hint" id={id('public-hint')}>
          {t('categories.publicHint', lang)}
        </p>
        <label>
          <input
            type="checkbox"
            name="public"
            value="1"
            id={id('public')}
            checked={form.public}
            aria-describedby={id('public-hint')}
          />
          {t('categories.publicLabel', lang)}
        </label>
      </div>
      <button type="submit">{v.button}</button>
    </PostForm>
  );
}

function Row({ v, c, i }: { v: CategoriesPageView; c: CategoryItem; i: number }) {
  const { lang } = v;
  const label = (k: string) => t(`categories.col.${k}` as WordKey, lang);
  const day = (own: number | null, dflt: number, word: WordKey) =>
    own === null
      ? t('categories.default', lang, { text: t(word, lang, { days: dflt }) })
      : t(word, lang, { days: own });
  const name = c.label[lang];
  const post = (path: string, word: WordKey, cls = 'secondary small', extra?: [string, string]) => (
    <PostForm action={`/console/categories/${c.code}/${path}`} csrf={v.csrf} class="inline">
      {extra && <input type="hidden" name={extra[0]} value={extra[1]} />}
      <button type="submit" class={cls} aria-label={`${t(word, lang)} ${name}`}>
        {t(word, lang)}
      </button>
    </PostForm>
  );
  return (
    <tr>
      <td data-label={label('order')} class="num">
        {i + 1}
      </td>
      <td data-label={label('nameSw')} lang="sw">
        {c.label.sw}
      </td>
      <td data-label={label('nameEn')} lang="en">
        {c.label.en}
      </td>
      <td data-label={label('code')}>
        <code>{c.code}</code>
      </td>
      <td data-label={label('sla')}>
        {t('categories.sla', lang, {
          first: day(c.firstResponseDays, v.defaults.firstResponseDays, 'categories.workingDays'),
          resolution: day(c.resolutionDays, v.defaults.resolutionDays, 'categories.days'),
        })}
      </td>
      <td data-label={label('public')}>
        {c.public ? t('categories.public', lang) : t('categories.private', lang)}
      </td>
      <td data-label={label('status')}>
        {c.retired ? t('categories.retired', lang) : t('categories.active', lang)}
      </td>
      <td>
        <a href={`/console/categories/${c.code}`}>
          {t('categories.edit', lang)}
          <span class="visually-hidden"> {name}</span>
        </a>
        {i > 0 && post('move', 'categories.up', 'secondary small', ['direction', 'up'])}
        {i < v.items.length - 1 &&
          post('move', 'categories.down', 'secondary small', ['direction', 'down'])}
        {c.retired
          ? post('restore', 'categories.restore')
          : post('retire', 'categories.retire', 'warning small')}
      </td>
    </tr>
  );
}

const COLUMNS = ['order', 'nameSw', 'nameEn', 'code', 'sla', 'public', 'status'] as const;

export function categoriesPage(v: CategoriesPageView): string {
  const { lang } = v;
  return renderPage(
    v.frame,
    <>
      <h1>{t('categories.title', lang)}</h1>
      <p>{t('categories.intro', lang)}</p>
      <div class="table-wrap">
        <table class="cards" id="categories-list">
          <caption>{t('categories.caption', lang, { count: v.items.length })}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th scope="col" key={c} class={c === 'order' ? 'num' : undefined}>
                  {t(`categories.col.${c}` as WordKey, lang)}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">{t('complaint.actions', lang)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {v.items.map((c, i) => (
              <Row key={c.code} v={v} c={c} i={i} />
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="add">{t('categories.add', lang)}</h2>
      <CategoryFields v={v.add} prefix="add" />
      <AuditTable lang={lang} items={v.audit} title="categories.audit" />
    </>,
  );
}

export function categoryEditPage(p: { frame: Frame; form: CategoryFormView; name: string }) {
  return renderPage(
    p.frame,
    <>
      <h1>{t('categories.editTitle', p.form.lang, { name: p.name })}</h1>
      <CategoryFields v={p.form} prefix="edit" />
    </>,
  );
}
