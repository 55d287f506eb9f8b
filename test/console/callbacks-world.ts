/**
 * Call-back requests for the console's tests: made through the real service (as the USSD hop
 * makes them) at the world's clock, read back from the table, and the console's call-back
 * actions' dependencies on the world's clock.
 */
import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/client';
import { auditLog, callbacks, type CallbackRow } from '../../db/schema';
import { requestCallback, type CallbackDeps } from '../../src/callbacks/service';
import { makeCallbackReference } from '../../src/callbacks/core/reference';
import { seededRandomInt } from '../helpers/app';
import { SERVICE_CODE } from '../helpers/world';
import type { ConsoleWorld } from './world';

export interface Ask {
  phone: string;
  region: string;
  category?: string;
  lang?: 'sw' | 'en';
}

const random = seededRandomInt(77);

/** A request made now (the world's clock), as "Call me back" on USSD makes it. */
export function ask(w: ConsoleWorld, a: Ask): CallbackRow {
  return inTransaction(w.db, (tx) =>
    requestCallback(tx, {
      phone: a.phone,
      reference: makeCallbackReference(random),
      regionCode: a.region,
      categoryCode: a.category ?? 'water',
      language: a.lang ?? 'en',
      serviceCode: SERVICE_CODE,
      hours: w.console.hours,
      now: w.clock.now(),
    }),
  );
}

export function callbackRow(w: ConsoleWorld, reference: string): CallbackRow {
  const row = w.db.select().from(callbacks).where(eq(callbacks.reference, reference)).get();
  if (!row) throw new Error(`no call-back ${reference}`);
  return row;
}

/** The audit rows of a request, oldest first: [action, actor]. */
export const auditOf = (w: ConsoleWorld, row: CallbackRow) =>
  w.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, String(row.id)))
    .all()
    .filter((a) => a.entityKind === 'callback')
    .map((a) => [a.action, a.actorStaffId]);

export const callbackDeps = (w: ConsoleWorld): CallbackDeps => ({
  db: w.db,
  now: w.clock.now,
  reference: w.console.reference,
});

/** The references in a queue page's rows, in order. */
export const referencesOn = (html: string): string[] =>
  [...html.matchAll(/href="\/console\/callbacks\/(\d{7})"/g)].map((m) => m[1] ?? '');
