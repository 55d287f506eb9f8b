/**
 * A citizen's phone number seen by staff: only on purpose, with a reason, and recorded. An
 * anonymous citizen's number is never shown, not even to headquarters.
 */
import { inTransaction } from '../../db/client';
import type { ActionDeps } from './actions';
import type { Scope } from './core/scope';
import { complaintInScope } from './detail';
import { insertEvent } from './repository';

export type Reveal =
  { ok: true; phone: string } | { ok: false; why: 'notFound' | 'anonymous' | 'noReason' };

/** The citizen's number of a complaint in `scope`, with a `phone_shown` event naming the reason. */
export function revealCitizenPhone(
  deps: ActionDeps,
  o: { actorId: number; scope: Scope; number: string; reason: string },
): Reveal {
  const reason = o.reason.trim();
  return inTransaction(deps.db, (tx): Reveal => {
    const c = complaintInScope(tx, o.scope, o.number);
    if (!c) return { ok: false, why: 'notFound' };
    if (c.anonymous) return { ok: false, why: 'anonymous' };
    if (reason === '') return { ok: false, why: 'noReason' };
    insertEvent(tx, {
      complaintId: c.id,
      type: 'phone_shown',
      actor: `staff:${o.actorId}`,
      source: deps.via ?? 'console',
      staffId: o.actorId,
      fromStatus: c.status,
      toStatus: c.status,
      note: reason.slice(0, 200),
      createdAt: deps.now(),
    });
    return { ok: true, phone: c.citizenPhone };
  });
}
