/**
 * Saved and automatic replies in SQL. Both tables are small (a few hundred rows at most); the
 * one read on the request path of every filing, a category's automatic reply for a change, is
 * prepared once per connection and served by `auto_replies_active_idx`.
 */
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { preparedPerDb, type Tx } from '../../db/client';
import {
  autoReplies,
  savedReplies,
  type AutoReplyRow,
  type AutoReplyTrigger,
  type SavedReplyRow,
} from '../../db/schema';

const p = sql.placeholder;

const statements = preparedPerDb((db) => ({
  activeAuto: db
    .select()
    .from(autoReplies)
    .where(
      and(
        eq(autoReplies.categoryCode, p('category')),
        eq(autoReplies.trigger, p('trigger')),
        eq(autoReplies.active, true),
      ),
    )
    .prepare(),
  countAuto: db
    .update(autoReplies)
    .set({ sent: sql`${autoReplies.sent} + 1` })
    .where(eq(autoReplies.id, p('id')))
    .prepare(),
}));

/** The texts and who last changed them: what a form writes. */
export interface ReplyTexts {
  textSw: string;
  textEn: string;
}

export interface SavedReplyFields extends ReplyTexts {
  title: string;
  categoryCode: string | null;
  regionCode: string | null;
}

export interface AutoReplyFields extends ReplyTexts {
  categoryCode: string;
  trigger: AutoReplyTrigger;
}

/** The active automatic reply of a category for a change, if there is one. */
export function activeAutoReply(
  tx: Tx,
  category: string,
  trigger: AutoReplyTrigger,
): AutoReplyRow | undefined {
  return statements(tx).activeAuto.get({ category, trigger });
}

/** Counts one status SMS an automatic reply went with. */
export function countAutoReplySent(tx: Tx, id: number): void {
  statements(tx).countAuto.run({ id });
}

export function insertSavedReply(
  tx: Tx,
  f: SavedReplyFields,
  by: number,
  now: number,
): SavedReplyRow {
  return tx
    .insert(savedReplies)
    .values({ ...f, createdBy: by, createdAt: now, updatedBy: by, updatedAt: now })
    .returning()
    .get();
}

export function updateSavedReply(
  tx: Tx,
  id: number,
  f: Partial<SavedReplyFields> & { active?: boolean },
  by: number,
  now: number,
): SavedReplyRow | undefined {
  return tx
    .update(savedReplies)
    .set({ ...f, updatedBy: by, updatedAt: now })
    .where(eq(savedReplies.id, id))
    .returning()
    .get();
}

export function findSavedReply(tx: Tx, id: number): SavedReplyRow | undefined {
  return tx.select().from(savedReplies).where(eq(savedReplies.id, id)).get();
}

/** Every saved reply (retired ones too), active first, then by title. */
export function listSavedReplies(tx: Tx): SavedReplyRow[] {
  return tx
    .select()
    .from(savedReplies)
    .orderBy(desc(savedReplies.active), asc(savedReplies.title), asc(savedReplies.id))
    .all();
}

/** Active saved replies that fit a complaint of `category` in `region`. */
const fitting = (category: string, region: string) =>
  and(
    eq(savedReplies.active, true),
    or(isNull(savedReplies.categoryCode), eq(savedReplies.categoryCode, category)),
    or(isNull(savedReplies.regionCode), eq(savedReplies.regionCode, region)),
  );

/**
 * The saved replies the composer offers for a complaint of `category` in `region`: active, for
 * that category or every one, national or that region's; the category's own first, then by title.
 */
export function savedRepliesFor(tx: Tx, category: string, region: string): SavedReplyRow[] {
  return tx
    .select()
    .from(savedReplies)
    .where(fitting(category, region))
    .orderBy(
      sql`${savedReplies.categoryCode} IS NULL`,
      asc(savedReplies.title),
      asc(savedReplies.id),
    )
    .all();
}

/**
 * Counts a reply sent from saved reply `id`, only if that reply is one the composer offers for a
 * complaint of `category` in `region`; whether it counted.
 */
export function countSavedReplyUse(tx: Tx, id: number, category: string, region: string): boolean {
  const { changes } = tx
    .update(savedReplies)
    .set({ uses: sql`${savedReplies.uses} + 1` })
    .where(and(eq(savedReplies.id, id), fitting(category, region)))
    .run();
  return changes === 1;
}

export function insertAutoReply(tx: Tx, f: AutoReplyFields, by: number, now: number): AutoReplyRow {
  return tx
    .insert(autoReplies)
    .values({ ...f, createdBy: by, createdAt: now, updatedBy: by, updatedAt: now })
    .returning()
    .get();
}

export function updateAutoReply(
  tx: Tx,
  id: number,
  f: Partial<ReplyTexts> & { active?: boolean },
  by: number,
  now: number,
): AutoReplyRow | undefined {
  return tx
    .update(autoReplies)
    .set({ ...f, updatedBy: by, updatedAt: now })
    .where(eq(autoReplies.id, id))
    .returning()
    .get();
}

export function findAutoReply(tx: Tx, id: number): AutoReplyRow | undefined {
  return tx.select().from(autoReplies).where(eq(autoReplies.id, id)).get();
}

/** Every automatic reply (retired ones too), active first, then by category and trigger. */
export function listAutoReplies(tx: Tx): AutoReplyRow[] {
  return tx
    .select()
    .from(autoReplies)
    .orderBy(
      desc(autoReplies.active),
      asc(autoReplies.categoryCode),
      asc(autoReplies.trigger),
      asc(autoReplies.id),
    )
    .all();
}
