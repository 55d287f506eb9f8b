/**
 * The `categories` rows and the version every thread checks to know it must read them again.
 * Plain rows in, plain rows out.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { preparedPerDb, type Db, type Tx } from '../../db/client';
import { categories, settings } from '../../db/schema';

export type CategoryRow = typeof categories.$inferSelect;

const VERSION_KEY = 'categories_version';

const statements = preparedPerDb((db) => ({
  version: db.$client
    .prepare(`SELECT coalesce((SELECT value FROM settings WHERE key = '${VERSION_KEY}'), '0')`)
    .pluck(),
}));

/** How many times the categories have changed (0: never): one indexed read, cheap per request. */
export function categoriesVersion(db: Db): string {
  return statements(db).version.get() as string;
}

/** Marks a change of the categories, in the caller's transaction. */
export function bumpCategoriesVersion(tx: Tx): void {
  tx.insert(settings)
    .values({ key: VERSION_KEY, value: '1' })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: sql`cast(cast(${settings.value} as integer) + 1 as text)` },
    })
    .run();
}

export function listCategoryRows(tx: Tx): CategoryRow[] {
  return tx.select().from(categories).orderBy(asc(categories.position)).all();
}

export function findCategory(tx: Tx, code: string): CategoryRow | undefined {
  return tx.select().from(categories).where(eq(categories.code, code)).get();
}

export function insertCategory(tx: Tx, row: typeof categories.$inferInsert): CategoryRow {
  return tx.insert(categories).values(row).returning().get();
}

export function updateCategoryRow(
  tx: Tx,
  code: string,
  set: Partial<Omit<CategoryRow, 'code'>>,
): CategoryRow | undefined {
  return tx.update(categories).set(set).where(eq(categories.code, code)).returning().get();
}
