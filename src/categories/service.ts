/**
 * Categories use cases for headquarters (the console's Categories page): add, change (names in
 * both languages, SLA days, public in Open311), reorder, retire and bring back. Each owns its
 * transaction, records who changed what in the audit log (before and after), marks the change for every thread (categoriesVersion) and reads the categories
 * again into this thread's reference data at once, so the USSD menu, SMS wording, forms,
 * dashboard and Open311 use them from the next request, without a restart.
 */
import { inTransaction, type Db, type Tx } from '../../db/client';
import { recordAudit } from '../audit/repository';
import { readCategories } from '../reference/repository';
import type { ReferenceData } from '../reference/types';
import {
  categoryCode,
  checkCategory,
  type CategoryForm,
  type CategoryProblem,
} from './core/category-form';
import {
  bumpCategoriesVersion,
  categoriesVersion,
  findCategory,
  insertCategory,
  listCategoryRows,
  updateCategoryRow,
  type CategoryRow,
} from './repository';

export interface CategoryContext {
  db: Db;
  now: number;
  /** This thread's reference data, read again after a change. */
  reference: ReferenceData;
  /** Who makes the change (the audit log's actor); null for the command line or the system. */
  actorStaffId: number | null;
}

export type CategoryResult =
  | { ok: true; category: CategoryRow }
  | { ok: false; problems: CategoryProblem[] }
  | { ok: false; missing: true }
  | { ok: false; lastActive: true };

/** The categories read again into `ref` (in place: every holder of it sees them). */
export function refreshCategories(db: Db, ref: ReferenceData): void {
  Object.assign(ref, readCategories(db));
}

/**
 * A function that keeps `ref` current in a thread that does not make the changes (a read
 * worker): it reads the categories again whenever their version moved. One small read a call.
 */
export function categoryKeeper(db: Db, ref: ReferenceData): () => void {
  let seen: string | undefined;
  return () => {
    const version = categoriesVersion(db);
    if (version === seen) return;
    seen = version;
    refreshCategories(db, ref);
  };
}

/** A category as the audit log keeps it: every column headquarters can change. */
const snapshot = (c: CategoryRow | undefined) =>
  c === undefined
    ? null
    : {
        code: c.code,
        position: c.position,
        nameSw: c.nameSw,
        nameEn: c.nameEn,
        firstResponseDays: c.firstResponseDays,
        resolutionDays: c.resolutionDays,
        public: c.public,
        retired: c.retiredAt !== null,
      };

/**
 * Runs one change of category `code` (undefined: a new one) in a transaction with its audit row
 * (who, when, before, after) and the version bump, then reads the categories again.
 */
function changed(
  ctx: CategoryContext,
  action: string,
  code: string | undefined,
  fn: (tx: Tx) => CategoryResult,
): CategoryResult {
  const result = inTransaction(ctx.db, (tx) => {
    const before = code === undefined ? undefined : findCategory(tx, code);
    const r = fn(tx);
    if (!r.ok) return r;
    bumpCategoriesVersion(tx);
    recordAudit(tx, {
      at: ctx.now,
      actorStaffId: ctx.actorStaffId,
      entityKind: 'category',
      entityId: r.category.code,
      action,
      before: snapshot(before),
      after: snapshot(r.category),
    });
    return r;
  });
  if (result.ok) refreshCategories(ctx.db, ctx.reference);
  return result;
}

const namesBut = (rows: readonly CategoryRow[], code?: string) =>
  rows.filter((r) => r.code !== code).map((r) => ({ sw: r.nameSw, en: r.nameEn }));

/** Adds a category at the end of the menu; its code comes from its English name. */
export function addCategory(ctx: CategoryContext, form: CategoryForm): CategoryResult {
  return changed(ctx, 'create', undefined, (tx) => {
    const rows = listCategoryRows(tx);
    const checked = checkCategory(form, namesBut(rows));
    if (!checked.ok) return checked;
    const code = categoryCode(checked.value.nameEn, new Set(rows.map((r) => r.code)));
    const position = Math.max(0, ...rows.map((r) => r.position)) + 1;
    const category = insertCategory(tx, { code, position, ...checked.value, updatedAt: ctx.now });
    return { ok: true, category };
  });
}

/** Changes a category's names, SLA days and whether Open311 lists it. */
export function updateCategory(
  ctx: CategoryContext,
  code: string,
  form: CategoryForm,
): CategoryResult {
  return changed(ctx, 'update', code, (tx) => {
    const rows = listCategoryRows(tx);
    if (!rows.some((r) => r.code === code)) return { ok: false, missing: true };
    const checked = checkCategory(form, namesBut(rows, code));
    if (!checked.ok) return checked;
    const category = updateCategoryRow(tx, code, { ...checked.value, updatedAt: ctx.now });
    return category ? { ok: true, category } : { ok: false, missing: true };
  });
}

/** Moves a category one place up or down the menu (among all, retired ones keep their place). */
export function moveCategory(
  ctx: CategoryContext,
  code: string,
  direction: 'up' | 'down',
): CategoryResult {
  return changed(ctx, 'move', code, (tx) => {
    const rows = listCategoryRows(tx);
    const i = rows.findIndex((r) => r.code === code);
    const here = rows[i];
    if (!here) return { ok: false, missing: true };
    const there = rows[direction === 'up' ? i - 1 : i + 1];
    if (!there) return { ok: true, category: here };
    // Positions are unique only by convention: swap them through the values each had.
    updateCategoryRow(tx, there.code, { position: here.position, updatedAt: ctx.now });
    const category = updateCategoryRow(tx, code, { position: there.position, updatedAt: ctx.now });
    return category ? { ok: true, category } : { ok: false, missing: true };
  });
}

/**
 * Retires a category (kept on its complaints, gone from menus and forms) or brings it back. The
 * last active category cannot be retired: the USSD menu would have nothing to offer.
 */
export function setCategoryRetired(
  ctx: CategoryContext,
  code: string,
  retired: boolean,
): CategoryResult {
  return changed(ctx, retired ? 'retire' : 'restore', code, (tx) => {
    const row = findCategory(tx, code);
    if (!row) return { ok: false, missing: true };
    if (retired && row.retiredAt === null) {
      const active = listCategoryRows(tx).filter((r) => r.retiredAt === null);
      if (active.length <= 1) return { ok: false, lastActive: true };
    }
    const category = updateCategoryRow(tx, code, {
      retiredAt: retired ? (row.retiredAt ?? ctx.now) : null,
      updatedAt: ctx.now,
    });
    return category ? { ok: true, category } : { ok: false, missing: true };
  });
}
