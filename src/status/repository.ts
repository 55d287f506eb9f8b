/** The one read of the status page: a complaint by number (the unique index), public columns only. */
import { eq, sql } from 'drizzle-orm';
import { preparedPerDb, type Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { StatusRow } from './core/status';

const statements = preparedPerDb((db) =>
  db
    .select({
      number: complaints.number,
      status: complaints.status,
      councilCode: complaints.councilCode,
      categoryCode: complaints.categoryCode,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
      firstResponseAt: complaints.firstResponseAt,
      firstResponseDueAt: complaints.firstResponseDueAt,
      resolvedAt: complaints.resolvedAt,
      resolutionDueAt: complaints.resolutionDueAt,
    })
    .from(complaints)
    .where(eq(complaints.number, sql.placeholder('number')))
    .prepare(),
);

export function findStatusRow(db: Db, number: string): StatusRow | undefined {
  return statements(db).get({ number });
}
