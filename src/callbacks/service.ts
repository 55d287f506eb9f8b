/**
 * Call-back requests: a USSD caller asks to be called (requestCallback, in the hop's
 * transaction); staff of the request's region then log the call as a complaint, close it with a
 * note, or record a try that reached nobody; the second such try closes it as unreachable and
 * the citizen gets an SMS saying how to ask again. Each console action owns its transaction,
 * refuses with a typed reason and then changes nothing, and is audited (src/audit/repository.ts,
 * kind 'callback') with who, when and the request before and after.
 */
import { inTransaction, type Db, type Tx } from '../../db/client';
import type { CallbackRow, ComplaintRow } from '../../db/schema';
import { recordAudit } from '../audit/repository';
import { fileCall, type Call, type CallDeps } from '../complaints/calls';
import type { Scope } from '../complaints/core/scope';
import { upsertCitizen } from '../complaints/repository';
import { enqueueSms } from '../outbox/repository';
import type { ReferenceData } from '../reference/types';
import { orgVars } from '../text/org';
import { smsText } from '../text/sms';
import { translate, type Lang } from '../text/translate';
import type { WorkingHours } from '../text/calendar';
import { formatCallbackReference } from './core/reference';
import type { CallbackRefusal } from './core/refusal';
import { callbackDue, callbackInScope, missedTry, NOTE_MAX } from './core/rules';
import {
  findCallbackByReference,
  insertCallback,
  updateOpenCallback,
  type CallbackChanges,
} from './repository';

export type { CallbackRefusal };

export const UNREACHABLE_SMS = 'sms.callback.unreachable';

/** The request as the audit log keeps it: no phone number. */
const audited = (r: CallbackRow) => ({
  reference: r.reference,
  region: r.regionCode,
  category: r.categoryCode,
  status: r.status,
  dueAt: r.dueAt,
  attempts: r.attempts,
  complaintId: r.complaintId,
  note: r.closeNote,
});

export interface NewRequest {
  phone: string;
  reference: string;
  regionCode: string;
  categoryCode: string;
  language: Lang;
  serviceCode: string;
  hours: WorkingHours;
  now: number;
}

/**
 * Records a caller's request in the caller's transaction (the USSD hop's), due one working day
 * later. The menu checked that the phone has none open and is under its daily limit; the unique
 * index on open requests per phone would refuse a second one all the same.
 */
export function requestCallback(tx: Tx, r: NewRequest): CallbackRow {
  upsertCitizen(tx, r.phone, r.language, r.now);
  const row = insertCallback(tx, {
    reference: r.reference,
    phone: r.phone,
    language: r.language,
    regionCode: r.regionCode,
    categoryCode: r.categoryCode,
    serviceCode: r.serviceCode,
    createdAt: r.now,
    dueAt: callbackDue(r.now, r.hours),
  });
  recordAudit(tx, {
    at: r.now,
    actorStaffId: null,
    entityKind: 'callback',
    entityId: row.id,
    action: 'request',
    before: null,
    after: audited(row),
  });
  return row;
}

export interface CallbackDeps {
  db: Db;
  now: () => number;
  reference: ReferenceData;
}

/** Who acts: their id and what they see (src/complaints/core/scope.ts). */
export interface Actor {
  staffId: number;
  scope: Scope;
}

export type CallbackResult =
  { ok: true; callback: CallbackRow } | { ok: false; refusal: CallbackRefusal };

const refuse = (refusal: CallbackRefusal): { ok: false; refusal: CallbackRefusal } => ({
  ok: false,
  refusal,
});

/** The open request `reference` in the actor's scope, or why not. */
function openInScope(tx: Tx, actor: Actor, reference: string): CallbackResult {
  const row = findCallbackByReference(tx, reference);
  if (!row || !callbackInScope(actor.scope, row.regionCode)) return refuse({ code: 'notFound' });
  if (row.status !== 'open') return refuse({ code: 'notOpen', status: row.status });
  return { ok: true, callback: row };
}

/** Applies `changes` to the open request and audits it as `action` (in the caller's transaction). */
function change(
  tx: Tx,
  at: number,
  actor: Actor,
  before: CallbackRow,
  action: string,
  changes: CallbackChanges,
): CallbackRow {
  const after = updateOpenCallback(tx, before.id, changes, at);
  if (!after) throw new Error(`call-back ${before.reference} was not open any more`);
  recordAudit(tx, {
    at,
    actorStaffId: actor.staffId,
    entityKind: 'callback',
    entityId: before.id,
    action,
    before: audited(before),
    after: audited(after),
  });
  return after;
}

/** The SMS that tells the citizen nobody could reach them, and how to ask again. */
export function unreachableSms(ref: ReferenceData, r: CallbackRow): string {
  return smsText(UNREACHABLE_SMS, r.language, {
    ...orgVars(ref.org, r.language),
    number: formatCallbackReference(r.reference),
    code: r.serviceCode || translate('sms.ussdCode', r.language),
  });
}

/**
 * A try that reached nobody. `seen` is how many tries the agent's page showed: when another was
 * recorded meanwhile (a double click, a colleague), nothing is counted twice. The second try
 * (at least an hour after the first) closes the request as unreachable and queues the SMS.
 */
export function recordMissedTry(
  deps: CallbackDeps,
  actor: Actor,
  reference: string,
  seen: number,
): CallbackResult {
  return inTransaction(deps.db, (tx) => {
    const found = openInScope(tx, actor, reference);
    if (!found.ok) return found;
    const row = found.callback;
    if (row.attempts !== seen) return refuse({ code: 'stale' });
    const now = deps.now();
    const next = missedTry(row, now);
    if ('tooSoonUntil' in next) return refuse({ code: 'tooSoon', until: next.tooSoonUntil });
    const tried = { attempts: next.attempts, lastAttemptAt: now, lastAttemptBy: actor.staffId };
    if (!next.unreachable) {
      return { ok: true, callback: change(tx, now, actor, row, 'missed', tried) };
    }
    const closed = change(tx, now, actor, row, 'unreachable', {
      ...tried,
      status: 'unreachable',
      closedAt: now,
      closedBy: actor.staffId,
    });
    const body = unreachableSms(deps.reference, closed);
    enqueueSms(tx, { toPhone: closed.phone, body, template: UNREACHABLE_SMS }, now);
    return { ok: true, callback: closed };
  });
}

/** Closes the request with a note (the citizen was called and needed no complaint, ...). */
export function closeCallback(
  deps: CallbackDeps,
  actor: Actor,
  reference: string,
  note: string,
): CallbackResult {
  const text = note.trim();
  if (text === '') return refuse({ code: 'noteEmpty' });
  if ([...text].length > NOTE_MAX) return refuse({ code: 'noteLong' });
  return inTransaction(deps.db, (tx) => {
    const found = openInScope(tx, actor, reference);
    if (!found.ok) return found;
    const now = deps.now();
    const closed = change(tx, now, actor, found.callback, 'close', {
      status: 'closed',
      closedAt: now,
      closedBy: actor.staffId,
      closeNote: text,
    });
    return { ok: true, callback: closed };
  });
}

/**
 * The agent called and logs the call as a complaint (the "Log a call" form, prefilled from the
 * request): the complaint is filed as any logged call is (channel `call`), and the request is
 * closed as logged with the complaint's id, in one transaction. Refused, nothing is filed.
 */
export function logCallbackCall(
  deps: CallDeps,
  actor: Actor,
  reference: string,
  call: Call,
):
  | { ok: true; complaint: ComplaintRow; callback: CallbackRow }
  | { ok: false; refusal: CallbackRefusal } {
  return inTransaction(deps.db, (tx) => {
    const found = openInScope(tx, actor, reference);
    if (!found.ok) return found;
    const complaint = fileCall(deps, actor.staffId, call);
    const now = deps.now();
    const callback = change(tx, now, actor, found.callback, 'logged', {
      status: 'logged',
      closedAt: now,
      closedBy: actor.staffId,
      complaintId: complaint.id,
    });
    return { ok: true, complaint, callback };
  });
}
