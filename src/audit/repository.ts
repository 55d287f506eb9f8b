/**
 * The audit log of the centre's own set-up (routing rules, teams, categories...): who changed
 * what, when, and the entity before and after. Generic: any service records its changes here, in
 * the transaction of the change, under its own entity kind.
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditLog, type ChangeSource } from '../../db/schema';

export interface AuditEntry {
  at: number;
  /** The staff member who made the change; null for the command line or the system. */
  actorStaffId: number | null;
  /** What was changed: 'routing_rule', 'team', 'category'... */
  entityKind: string;
  entityId: string | number;
  /** What was done: 'create', 'update', 'delete', or a kind's own verb ('add_member'). */
  action: string;
  /** The entity as it was (null: it did not exist) and as it is now (null: deleted). */
  before: unknown;
  after: unknown;
  /** Where the change was made (the console, the command line...). */
  source?: ChangeSource;
}

/** An audit row read back, its before and after parsed. */
export interface AuditRecord extends Omit<AuditEntry, 'entityId' | 'source'> {
  id: number;
  entityId: string;
  /** Null in rows written before the column, and by services that do not say. */
  source: ChangeSource | null;
}

const json = (v: unknown): string | null =>
  v === null || v === undefined ? null : JSON.stringify(v);

/** Records one change in the caller's transaction. */
export function recordAudit(tx: Tx, e: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      at: e.at,
      actorStaffId: e.actorStaffId,
      entityKind: e.entityKind,
      entityId: String(e.entityId),
      action: e.action,
      before: json(e.before),
      after: json(e.after),
      source: e.source ?? null,
    })
    .run();
}

const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export interface AuditQuery {
  /** Only these kinds (all when absent). */
  kinds?: readonly string[];
  /** Only this entity (with `kinds`). */
  entityId?: string | number;
  /** Only rows older than this id (the next page). */
  beforeId?: number;
  /** At most this many, newest first (default 50). */
  limit?: number;
}

/** Audit rows, newest first. */
export function listAudit(tx: Tx, q: AuditQuery = {}): AuditRecord[] {
  const rows = tx
    .select()
    .from(auditLog)
    .where(
      and(
        q.kinds ? inArray(auditLog.entityKind, [...q.kinds]) : undefined,
        q.entityId === undefined ? undefined : eq(auditLog.entityId, String(q.entityId)),
        q.beforeId === undefined ? undefined : lt(auditLog.id, q.beforeId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit ?? 50)
    .all();
  return rows.map((r) => ({ ...r, before: parsed(r.before), after: parsed(r.after) }));
}
