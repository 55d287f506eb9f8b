/**
 * SLA escalation and auto-close, run on a timer inside the server and by `kero escalate`.
 * No first response in time: to the region's supervisor; not resolved in time: to headquarters.
 * Each breach escalates once; every escalation is an event, reassigns and tells citizen and owner.
 */
import { inTransaction, type Tx } from '../../db/client';
import type { ComplaintRow } from '../../db/schema';
import { findStaffById } from '../staff/repository';
import type { ActionDeps } from './actions';
import { pickEscalationOwner, type Candidate, type Level } from './core/assignment';
import { notifyCitizen, notifyStaff, type NotifyContext } from './notify';
import { insertEvent, updateComplaint } from './repository';
import { dueEscalation, policyFor, shortestPolicy, type SlaPolicy } from './core/sla';
import { translate } from '../text/translate';
import { escalationCandidates, resolvedBefore } from './lists-repository';
import { loadCandidates } from './candidates';

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 500;
const rank: Record<Level, number> = { council: 0, region: 1, national: 2 };

export interface EscalationDeps extends ActionDeps {
  policy: SlaPolicy;
  autoCloseDays: number;
}

export interface Escalated {
  number: string;
  breach: 'first_response' | 'resolution';
  fromLevel: Level;
  toLevel: Level;
  fromAssignee: number | null;
  toAssignee: number | null;
}

/**
 * Candidates per region for one batch (one transaction): loaded once, then kept current by
 * `moveLoad` as complaints change owner, instead of re-counting every owner's load per complaint.
 */
type CandidateCache = Map<string, Candidate[]>;

function candidatesIn(tx: Tx, cache: CandidateCache, regionCode: string): Candidate[] {
  let list = cache.get(regionCode);
  if (!list) {
    list = loadCandidates(tx, regionCode);
    cache.set(regionCode, list);
  }
  return list;
}

/** Moves one open complaint's weight from one owner to another in every cached region. */
function moveLoad(cache: CandidateCache, from: number | null, to: number | null, now: number) {
  for (const list of cache.values()) {
    for (const c of list) {
      if (c.id === from) c.openComplaints -= 1;
      if (c.id === to) {
        c.openComplaints += 1;
        c.lastAssignedAt = now;
      }
    }
  }
}

function escalateOne(
  tx: Tx,
  ctx: NotifyContext,
  cache: CandidateCache,
  c: ComplaintRow,
  due: 'region' | 'national',
): Escalated {
  const breach = due === 'region' ? 'first_response' : 'resolution';
  const target: Level = rank[due] > rank[c.level] ? due : c.level;
  const candidates = candidatesIn(tx, cache, c.regionCode);
  const current = candidates.find((x) => x.id === c.assigneeId);
  // Already owned at the target level: a breach is recorded, the complaint does not move sideways.
  const owner =
    current && c.level === target
      ? { staffId: current.id, level: target }
      : pickEscalationOwner(candidates, c.regionCode, target === 'council' ? 'region' : target);
  const marks =
    breach === 'first_response'
      ? { firstResponseEscalatedAt: ctx.now }
      : {
          resolutionEscalatedAt: ctx.now,
          // Never answered at all: the first-response breach is real too, and this escalation covers it.
          ...(c.firstResponseAt === null && c.firstResponseEscalatedAt === null
            ? { firstResponseEscalatedAt: ctx.now }
            : {}),
        };
  const moved = owner.staffId !== c.assigneeId || owner.level !== c.level;
  if (moved) moveLoad(cache, c.assigneeId, owner.staffId, ctx.now);
  const status = owner.staffId !== null && c.status === 'received' ? 'assigned' : c.status;
  const row = updateComplaint(
    tx,
    c.id,
    { ...marks, ...(moved ? { assigneeId: owner.staffId, level: owner.level, status } : {}) },
    ctx.now,
  );
  insertEvent(tx, {
    complaintId: c.id,
    type: moved ? 'escalated' : 'sla_breach',
    actor: 'system',
    source: 'system',
    assigneeId: row.assigneeId,
    fromStatus: c.status,
    toStatus: row.status,
    note:
      breach === 'first_response'
        ? 'no first response within the SLA'
        : 'not resolved within the SLA',
    createdAt: ctx.now,
  });
  if (moved) {
    const levelKey = row.level === 'national' ? 'sms.level.national' : 'sms.level.region';
    const reasonKey =
      breach === 'first_response' ? 'sms.reason.firstResponse' : 'sms.reason.resolution';
    notifyCitizen(tx, ctx, row, 'sms.escalated', (lang) => ({ level: translate(levelKey, lang) }));
    const newOwner = row.assigneeId === null ? undefined : findStaffById(tx, row.assigneeId);
    if (newOwner) {
      notifyStaff(tx, ctx, newOwner, row, 'sms.staff.escalated', (lang) => ({
        reason: translate(reasonKey, lang),
      }));
    }
  }
  return {
    number: c.number,
    breach,
    fromLevel: c.level,
    toLevel: row.level,
    fromAssignee: c.assigneeId,
    toAssignee: row.assigneeId,
  };
}

/** Escalates every complaint whose SLA is breached now; returns what it did. */
export function runEscalations(deps: EscalationDeps): Escalated[] {
  const now = deps.now();
  const ctx: NotifyContext = { now, reference: deps.reference, source: 'system' };
  const { policy } = deps;
  // A deadline is never earlier than this many calendar days after filing (the shortest any
  // category sets): the index narrows the scan.
  const shortest = shortestPolicy(policy, deps.reference.categoryInfo.values());
  const firstBefore = now - shortest.firstResponseWorkingDays * DAY;
  const resolutionBefore = now - shortest.resolutionDays * DAY;
  const done: Escalated[] = [];
  let afterId = 0;
  for (;;) {
    const batch = inTransaction(deps.db, (tx) => {
      const rows = escalationCandidates(tx, {
        afterId,
        firstBefore,
        resolutionBefore,
        limit: BATCH,
      });
      const cache: CandidateCache = new Map();
      for (const c of rows) {
        const categoryPolicy = policyFor(policy, deps.reference.categoryInfo.get(c.categoryCode));
        const due = dueEscalation(c, now, categoryPolicy);
        if (due) done.push(escalateOne(tx, ctx, cache, c, due));
      }
      return rows;
    });
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1]?.id ?? afterId;
  }
  return done;
}

/** Closes complaints resolved more than `autoCloseDays` ago; returns their numbers. */
export function runAutoClose(deps: EscalationDeps): string[] {
  const now = deps.now();
  const before = now - deps.autoCloseDays * DAY;
  return inTransaction(deps.db, (tx) => {
    const rows = resolvedBefore(tx, before);
    for (const c of rows) {
      updateComplaint(tx, c.id, { status: 'closed', closedAt: now }, now);
      insertEvent(tx, {
        complaintId: c.id,
        type: 'closed',
        actor: 'system',
        source: 'system',
        fromStatus: 'resolved',
        toStatus: 'closed',
        note: `closed automatically ${deps.autoCloseDays} days after resolution`,
        createdAt: now,
      });
    }
    return rows.map((c) => c.number);
  });
}

/** One tick of the SLA timer: escalations, then auto-close. */
export function runSlaTick(deps: EscalationDeps): { escalated: Escalated[]; closed: string[] } {
  return { escalated: runEscalations(deps), closed: runAutoClose(deps) };
}
