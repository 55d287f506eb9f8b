/**
 * The categories pages as read jobs (GET /console/categories and /console/categories/:code), and
 * the same list and form redrawn by their POSTs with errors. Headquarters only: anyone else gets
 * the forbidden page.
 */
import type { CategoryForm, CategoryProblem } from '../../categories/core/category-form';
import type { CategoryItem } from '../../reference/types';
import { t } from '../core/words';
import { auditItemsOf } from './audit';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, messageOf, notFoundOf, type Page, type PageRequest } from '../page';
import {
  categoriesPage,
  categoryEditPage,
  type CategoryFormError,
  type CategoryFormView,
} from '../views/categories';

export const emptyCategoryForm: CategoryForm = {
  nameSw: '',
  nameEn: '',
  firstResponseDays: '',
  resolutionDays: '',
  public: true,
};

/** A category's stored values as its form shows them. */
export const formOfCategory = (c: CategoryItem): CategoryForm => ({
  nameSw: c.label.sw,
  nameEn: c.label.en,
  firstResponseDays: c.firstResponseDays === null ? '' : String(c.firstResponseDays),
  resolutionDays: c.resolutionDays === null ? '' : String(c.resolutionDays),
  public: c.public,
});

/** The service's problems as the form's errors, in the console's words. */
export const categoryErrors = (problems: readonly CategoryProblem[]): CategoryFormError[] =>
  problems.map((p) =>
    p.kind === 'days'
      ? { field: p.field, key: 'categories.err.days' }
      : { field: p.field, key: `categories.err.${p.kind}`, vars: { max: p.max ?? 0 } },
  );

/** The forbidden page for anyone but headquarters; undefined for headquarters. */
export function notHq(r: PageRequest): Page | undefined {
  if (r.viewer.staff.role === 'hq') return undefined;
  return messageOf(r, 403, 'categories', 'error.forbidden.title', 'error.forbidden.body');
}

function formView(
  deps: ConsoleDeps,
  v: Viewer,
  action: string,
  form: CategoryForm,
  errors: CategoryFormError[],
  button: string,
): CategoryFormView {
  return {
    lang: v.lang,
    csrf: v.session.csrf,
    action,
    form,
    errors,
    defaults: defaultsOf(deps),
    button,
  };
}

const defaultsOf = (deps: ConsoleDeps) => ({
  firstResponseDays: deps.sla.firstResponseWorkingDays,
  resolutionDays: deps.sla.resolutionDays,
});

const summary = (v: Viewer, errors: CategoryFormError[], prefix: string) =>
  errors.map((e) => ({ text: t(e.key, v.lang, e.vars), field: `${prefix}-${e.field}` }));

export interface CategoryListOptions {
  status?: number;
  notice?: string;
  error?: string;
  add?: { form: CategoryForm; errors: CategoryFormError[] };
}

export function categoriesListOf(
  deps: ConsoleDeps,
  r: PageRequest,
  o: CategoryListOptions = {},
): Page {
  const v = r.viewer;
  const addErrors = o.add?.errors ?? [];
  const html = categoriesPage({
    frame: frameOf(r, t('categories.title', v.lang), 'categories', {
      ...(o.notice ? { notice: o.notice } : {}),
      errors: [...(o.error ? [{ text: o.error }] : []), ...summary(v, addErrors, 'add')],
    }),
    lang: v.lang,
    csrf: v.session.csrf,
    items: [...deps.reference.categoryInfo.values()],
    defaults: defaultsOf(deps),
    audit: auditItemsOf(deps, v, ['category']),
    add: formView(
      deps,
      v,
      '/console/categories',
      o.add?.form ?? emptyCategoryForm,
      addErrors,
      t('categories.addButton', v.lang),
    ),
  });
  return { status: o.status ?? 200, html };
}

export function categoryEditOf(
  deps: ConsoleDeps,
  r: PageRequest,
  category: CategoryItem,
  form: CategoryForm,
  errors: CategoryFormError[],
  status = 200,
): Page {
  const v = r.viewer;
  const name = category.label[v.lang];
  const view = formView(
    deps,
    v,
    `/console/categories/${category.code}`,
    form,
    errors,
    t('categories.saveButton', v.lang),
  );
  const frame = frameOf(r, t('categories.editTitle', v.lang, { name }), 'categories', {
    errors: summary(v, errors, 'edit'),
  });
  return { status, html: categoryEditPage({ frame, form: view, name }) };
}

const DONE = ['add', 'edit', 'move', 'retire', 'restore'] as const;

/** GET /console/categories. */
export function categoriesGet(deps: ConsoleDeps, r: PageRequest): Page {
  const refused = notHq(r);
  if (refused) return refused;
  const done = DONE.find((d) => d === arg(r, 'done'));
  const name = arg(r, 'name').slice(0, 80);
  return categoriesListOf(
    deps,
    r,
    done ? { notice: t(`categories.done.${done}`, r.viewer.lang, { name }) } : {},
  );
}

/** GET /console/categories/:code. */
export function categoryEditGet(deps: ConsoleDeps, r: PageRequest): Page {
  const refused = notHq(r);
  if (refused) return refused;
  const category = deps.reference.categoryInfo.get(String(r.params.code));
  if (!category) return notFoundOf(r, 'categories');
  return categoryEditOf(deps, r, category, formOfCategory(category), []);
}
