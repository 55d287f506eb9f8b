/**
 * Clusters: complaints of one council and category about the same place within 7 days, most
 * often one broken pump that many people report. The console shows each complaint's cluster; a
 * supervisor can link the cluster's complaints under one lead, and from the lead send one update
 * or resolve them all. Each citizen still gets their own SMS about their own number, and can rate
 * or reopen their own complaint: linking changes who is handled together, not what each citizen
 * is told.
 */
import { inTransaction, type Db } from '../../db/client';
import type { FillIn } from '../../db/job-runner';
import type { ComplaintRow } from '../../db/schema';
import { findStaffById } from '../staff/repository';
import { replyToComplaint, resolveComplaint, type ActionDeps, type ActionResult } from './actions';
import {
  clusterMembers,
  clusterOf,
  complaintsWithoutPlaceKey,
  hasLinked,
  linkedUnder,
  setLead,
  setPlaceKey,
} from './clusters-repository';
import { isOpen } from './core/lifecycle';
import { parseComplaintNumber } from './core/numbers';
import { placeKey } from './core/place';
import type { Refusal } from './core/refusal';
import { inScope, type Scope } from './core/scope';
import { findComplaintById, findComplaintByNumber, insertEvent } from './repository';

/** At most this many similar complaints are listed (a cluster larger than this is still linked page by page). */
export const CLUSTER_LIMIT = 100;

/** The complaints of `c`'s cluster the viewer may see. */
export function similarInScope(db: Db, scope: Scope, c: ComplaintRow): ComplaintRow[] {
  return clusterOf(db, c, CLUSTER_LIMIT).filter((o) => inScope(scope, o));
}

/** How many complaints the viewer may see in each row's cluster (rows with none are left out). */
export function clusterSizes(
  db: Db,
  scope: Scope,
  rows: readonly ComplaintRow[],
): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const r of rows) {
    const n = clusterMembers(db, r, CLUSTER_LIMIT).filter((o) => inScope(scope, o)).length;
    if (n > 0) sizes.set(r.id, n);
  }
  return sizes;
}

/** What the complaint page shows of a complaint's cluster, within the viewer's scope. */
export interface ClusterInfo {
  similar: ComplaintRow[];
  linked: ComplaintRow[];
  lead?: ComplaintRow | undefined;
  leaders: Map<string, number>;
  leadNumbers: Map<number, string>;
}

export function clusterInfo(db: Db, scope: Scope, c: ComplaintRow): ClusterInfo {
  const similar = similarInScope(db, scope, c);
  const leaders = new Map<string, number>();
  for (const o of similar) {
    const n = linkedUnder(db, o.id).length;
    if (n > 0) leaders.set(o.number, n);
  }
  const leadIds = [...new Set(similar.map((o) => o.leadId).filter((id) => id !== null))];
  const leads = leadIds.map((id) => findComplaintById(db, id)).filter((l) => l !== undefined);
  const lead = c.leadId === null ? undefined : findComplaintById(db, c.leadId);
  return {
    similar,
    linked: linkedUnder(db, c.id).filter((o) => inScope(scope, o)),
    lead: lead && inScope(scope, lead) ? lead : undefined,
    leaders,
    leadNumbers: new Map(leads.map((l) => [l.id, l.number])),
  };
}

export type LinkResult =
  | { ok: true; linked: number }
  | { ok: false; refusal: Refusal }
  /** These numbers are not in the lead's cluster, are linked elsewhere, or lead their own. */
  | { ok: false; notLinkable: string[] };

/** Who may link and handle a cluster as one: supervisors in their region, headquarters. */
function mayLead(db: Db, actorId: number, lead: ComplaintRow): Refusal | undefined {
  const actor = findStaffById(db, actorId);
  if (!actor) return { code: 'unknownActor' };
  if (!actor.active) return { code: 'inactive' };
  if (actor.role === 'officer') return { code: 'notSupervisor' };
  if (actor.role === 'supervisor' && actor.regionCode !== lead.regionCode) {
    return { code: 'otherRegion', vars: { number: lead.number } };
  }
  return undefined;
}

/** The complaint a typed number names, when `actorId` may handle its group; else why not. */
function groupComplaint(
  db: Db,
  actorId: number,
  number: string,
): { ok: true; complaint: ComplaintRow } | { ok: false; refusal: Refusal } {
  const parsed = parseComplaintNumber(number);
  if (!parsed.ok) return { ok: false, refusal: { code: 'badNumber', vars: { input: number } } };
  const complaint = findComplaintByNumber(db, parsed.number);
  if (!complaint) {
    return { ok: false, refusal: { code: 'notFound', vars: { number: parsed.number } } };
  }
  const refused = mayLead(db, actorId, complaint);
  return refused ? { ok: false, refusal: refused } : { ok: true, complaint };
}

/**
 * Links complaints of the lead's cluster under it, in one transaction: all or none. Each linked
 * complaint gets a `linked` event naming its lead; the lead one listing them.
 */
export function linkUnderLead(
  deps: ActionDeps,
  actorId: number,
  leadNumber: string,
  numbers: readonly string[],
): LinkResult {
  return inTransaction(deps.db, (tx): LinkResult => {
    const found = groupComplaint(tx, actorId, leadNumber);
    if (!found.ok) return found;
    const lead = found.complaint;
    if (lead.leadId !== null) return { ok: false, notLinkable: [lead.number] };
    const cluster = new Map(clusterOf(tx, lead, CLUSTER_LIMIT).map((c) => [c.number, c]));
    const wanted = [...new Set(numbers)];
    const bad = wanted.filter((n) => {
      const c = cluster.get(n);
      return !c || c.leadId !== null || hasLinked(tx, c.id);
    });
    if (bad.length > 0 || wanted.length === 0) return { ok: false, notLinkable: bad };
    const now = deps.now();
    const source = deps.via ?? 'console';
    for (const n of wanted) {
      const c = cluster.get(n);
      if (!c) continue;
      setLead(tx, c.id, lead.id, now);
      insertEvent(tx, {
        complaintId: c.id,
        type: 'linked',
        actor: `staff:${actorId}`,
        source,
        staffId: actorId,
        note: lead.number,
        createdAt: now,
      });
    }
    insertEvent(tx, {
      complaintId: lead.id,
      type: 'lead',
      actor: `staff:${actorId}`,
      source,
      staffId: actorId,
      note: wanted.join(' '),
      createdAt: now,
    });
    return { ok: true, linked: wanted.length };
  });
}

/** Takes one complaint out of its lead's group. */
export function unlink(deps: ActionDeps, actorId: number, number: string): LinkResult {
  return inTransaction(deps.db, (tx): LinkResult => {
    const found = groupComplaint(tx, actorId, number);
    if (!found.ok) return found;
    const c = found.complaint;
    if (c.leadId === null) return { ok: false, notLinkable: [c.number] };
    setLead(tx, c.id, null, deps.now());
    insertEvent(tx, {
      complaintId: c.id,
      type: 'unlinked',
      actor: `staff:${actorId}`,
      source: deps.via ?? 'console',
      staffId: actorId,
      createdAt: deps.now(),
    });
    return { ok: true, linked: 0 };
  });
}

export interface GroupResult {
  /** Complaints that got the update (or were resolved), lead first. */
  done: string[];
  /** Complaints the action did not apply to, and why (already resolved, another's, ...). */
  skipped: { number: string; refusal: Refusal }[];
}

/**
 * Replies to (or resolves) the lead and every open complaint linked under it, each through the
 * lifecycle service: each citizen gets the SMS about their own number, each complaint its own
 * events. The lead must be the viewer's to lead.
 */
export function actOnGroup(
  deps: ActionDeps,
  actorId: number,
  leadNumber: string,
  kind: 'reply' | 'resolve',
  text: string,
): { ok: true; result: GroupResult } | { ok: false; refusal: Refusal } {
  const found = groupComplaint(deps.db, actorId, leadNumber);
  if (!found.ok) return found;
  const lead = found.complaint;
  if (text.trim() === '') {
    return {
      ok: false,
      refusal: { code: 'empty', vars: { field: kind === 'reply' ? 'message' : 'resolution' } },
    };
  }
  const members = [lead, ...linkedUnder(deps.db, lead.id)].filter((c) => isOpen(c.status));
  const result: GroupResult = { done: [], skipped: [] };
  for (const c of members) {
    const r: ActionResult =
      kind === 'reply'
        ? replyToComplaint(deps, actorId, c.number, text)
        : resolveComplaint(deps, actorId, c.number, text);
    if (r.ok) result.done.push(c.number);
    else result.skipped.push({ number: c.number, refusal: r.refusal });
  }
  return { ok: true, result };
}

/** The job that stores the place key of every complaint filed before keys were kept. */
export const placeKeysFill: FillIn = {
  name: 'place_keys',
  what: 'place keys for older complaints (clusters)',
  fill(tx, after, upTo) {
    const rows = complaintsWithoutPlaceKey(tx, after, upTo);
    for (const r of rows) setPlaceKey(tx, r.id, placeKey(r.place) ?? '');
    return rows.length;
  },
};
