/**
 * Saved and automatic replies: add, edit and retire them (each in its own transaction, with who
 * did it and when on the row), and the lists the console shows. Rights and form checks are in
 * ./core/reply-rules.ts; a refusal is data (a problem code and its field, or `notFound` for a
 * reply the staff member may not change).
 */
import { inTransaction, type Db } from '../../db/client';
import type { AutoReplyRow, ComplaintRow, SavedReplyRow } from '../../db/schema';
import type { ReferenceData } from '../reference/types';
import { staffNames } from '../staff/repository';
import {
  checkAutoReply,
  checkSavedReply,
  managesAutoReplies,
  managesReplies,
  managesSavedReply,
  type ReplyForm,
  type ReplyManager,
  type ReplyProblem,
} from './core/reply-rules';
import {
  activeAutoReply,
  findAutoReply,
  findSavedReply,
  insertAutoReply,
  insertSavedReply,
  listAutoReplies,
  listSavedReplies,
  savedRepliesFor,
  updateAutoReply,
  updateSavedReply,
} from './replies-repository';

/** The staff member acting: who they are and what they may manage. */
export interface ReplyActor extends ReplyManager {
  id: number;
}

export interface ReplyDeps {
  db: Db;
  now: () => number;
  reference: ReferenceData;
}

export type ReplyResult<T> =
  | { ok: true; row: T }
  | { ok: false; problems: ReplyProblem[] }
  /** No such active reply, or not one this staff member may change. */
  | { ok: false; notFound: true };

const notFound = { ok: false, notFound: true } as const;

/**
 * The saved replies the composer offers for complaint `c`: active, for its category or every
 * one, national or its region's; the category's own first.
 */
export function savedRepliesOffered(
  db: Db,
  c: Pick<ComplaintRow, 'categoryCode' | 'regionCode'>,
): SavedReplyRow[] {
  return savedRepliesFor(db, c.categoryCode, c.regionCode);
}

/**
 * What the replies page lists for `m`: the saved replies national or of m's region (all of them
 * for headquarters), every automatic reply, retired ones too; and who last changed each.
 */
export function replyLists(db: Db, m: ReplyManager) {
  const saved = listSavedReplies(db).filter(
    (r) => m.role === 'hq' || r.regionCode === null || r.regionCode === m.regionCode,
  );
  const auto = listAutoReplies(db);
  const names = staffNames(
    db,
    [...saved, ...auto].map((r) => r.updatedBy),
  );
  return { saved, auto, names };
}

/** Adds a saved reply (a supervisor's is their region's). */
export function addSavedReply(
  deps: ReplyDeps,
  actor: ReplyActor,
  form: ReplyForm,
): ReplyResult<SavedReplyRow> {
  if (!managesReplies(actor)) return notFound;
  const checked = checkSavedReply(actor, form, deps.reference);
  if (!checked.ok) return checked;
  return inTransaction(deps.db, (tx) => ({
    ok: true,
    row: insertSavedReply(tx, checked.fields, actor.id, deps.now()),
  }));
}

/** The active saved reply `id` when `actor` may change it. */
export function managedSavedReply(
  db: Db,
  actor: ReplyManager,
  id: number,
): SavedReplyRow | undefined {
  const row = findSavedReply(db, id);
  return row?.active && managesSavedReply(actor, row.regionCode) ? row : undefined;
}

/** Changes a saved reply's title, category, region (headquarters) and texts. */
export function editSavedReply(
  deps: ReplyDeps,
  actor: ReplyActor,
  id: number,
  form: ReplyForm,
): ReplyResult<SavedReplyRow> {
  const checked = checkSavedReply(actor, form, deps.reference);
  return inTransaction(deps.db, (tx) => {
    if (!managedSavedReply(tx, actor, id)) return notFound;
    if (!checked.ok) return checked;
    const row = updateSavedReply(tx, id, checked.fields, actor.id, deps.now());
    return row ? { ok: true, row } : notFound;
  });
}

/** Retires a saved reply: the composer no longer offers it; its count stays. */
export function retireSavedReply(
  deps: ReplyDeps,
  actor: ReplyActor,
  id: number,
): ReplyResult<SavedReplyRow> {
  return inTransaction(deps.db, (tx) => {
    if (!managedSavedReply(tx, actor, id)) return notFound;
    const row = updateSavedReply(tx, id, { active: false }, actor.id, deps.now());
    return row ? { ok: true, row } : notFound;
  });
}

/** Adds a category's automatic reply for a change; refused when it already has an active one. */
export function addAutoReply(
  deps: ReplyDeps,
  actor: ReplyActor,
  form: ReplyForm,
): ReplyResult<AutoReplyRow> {
  if (!managesAutoReplies(actor)) return notFound;
  const checked = checkAutoReply(form, deps.reference);
  if (!checked.ok) return checked;
  const { categoryCode, trigger } = checked.fields;
  return inTransaction(deps.db, (tx) =>
    activeAutoReply(tx, categoryCode, trigger)
      ? { ok: false, problems: [{ field: 'trigger', code: 'taken' }] }
      : { ok: true, row: insertAutoReply(tx, checked.fields, actor.id, deps.now()) },
  );
}

/** The active automatic reply `id` when `actor` may change it. */
export function managedAutoReply(
  db: Db,
  actor: ReplyManager,
  id: number,
): AutoReplyRow | undefined {
  const row = findAutoReply(db, id);
  return row?.active && managesAutoReplies(actor) ? row : undefined;
}

/** Changes an automatic reply's texts; its category and change stay (retire it, add another). */
export function editAutoReply(
  deps: ReplyDeps,
  actor: ReplyActor,
  id: number,
  form: ReplyForm,
): ReplyResult<AutoReplyRow> {
  return inTransaction(deps.db, (tx) => {
    const current = managedAutoReply(tx, actor, id);
    if (!current) return notFound;
    const own = { ...form, category: current.categoryCode, trigger: current.trigger };
    const checked = checkAutoReply(own, deps.reference);
    if (!checked.ok) return checked;
    const { textSw, textEn } = checked.fields;
    const row = updateAutoReply(tx, id, { textSw, textEn }, actor.id, deps.now());
    return row ? { ok: true, row } : notFound;
  });
}

/** Retires an automatic reply: status SMS go without it from now on. */
export function retireAutoReply(
  deps: ReplyDeps,
  actor: ReplyActor,
  id: number,
): ReplyResult<AutoReplyRow> {
  return inTransaction(deps.db, (tx) => {
    if (!managedAutoReply(tx, actor, id)) return notFound;
    const row = updateAutoReply(tx, id, { active: false }, actor.id, deps.now());
    return row ? { ok: true, row } : notFound;
  });
}
