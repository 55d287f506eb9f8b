/**
 * Loads the demonstration data through the real services (addStaff, fileComplaint in a
 * transaction, replyToComplaint, addNote, resolveComplaint, setStatus) with a clock that is moved
 * to each step's time, so that history, SLA fields and SMS carry back-dated times.
 */
import { inTransaction, type Db } from '../../../db/client';
import type { ComplaintRow, ComplaintStatus } from '../../../db/schema';
import {
  addNote,
  replyToComplaint,
  resolveComplaint,
  setStatus,
  type ActionDeps,
  type ActionResult,
} from '../../complaints/actions';
import { makeComplaintNumber } from '../../complaints/core/numbers';
import { complaintNumberExists } from '../../complaints/repository';
import { fileComplaint } from '../../complaints/filing';
import { addStaff } from '../../directory/service';
import { countByChannel } from '../../complaints/lists-repository';
import { lastOutboxId, markQueuedSent } from '../../outbox/repository';
import { findStaffByPhone } from '../../staff/repository';
import { DEMO_PHONE_PATTERNS, type DemoComplaintPlan, type DemoRegion } from './demo-data';
import { type ReferenceData } from '../../reference/types';
import type { SlaPolicy } from '../../complaints/core/sla';

/** Regions with their mainland flag and council codes, in menu order. */
export function loadDemoRegions(ref: ReferenceData): DemoRegion[] {
  return ref.regions.map((r) => ({
    code: r.code,
    name: r.label.en,
    mainland: r.mainland,
    councils: (ref.councilsByRegion.get(r.code) ?? []).map((c) => c.code),
  }));
}

/** Complaints not made by the demo (channel other than 'demo'), and the demo's own. */
export function countComplaintsByOrigin(db: Db): { real: number; demo: number } {
  const byChannel = countByChannel(db);
  const demo = byChannel.get('demo') ?? 0;
  const all = [...byChannel.values()].reduce((a, b) => a + b, 0);
  return { real: all - demo, demo };
}

/** Adds each staff member whose phone is not registered yet; returns how many were added. */
export function addDemoStaff(
  db: Db,
  ctx: { now: number; reference: ReferenceData },
  inputs: Parameters<typeof addStaff>[2][],
): { added: number; skipped: number } {
  let added = 0;
  for (const input of inputs) {
    if (findStaffByPhone(db, input.phone)) continue;
    const result = addStaff(db, { ...ctx, source: 'cli' }, input);
    if (!result.ok) throw new Error(`demo staff ${input.name}: ${result.errors.join('; ')}`);
    added++;
  }
  return { added, skipped: inputs.length - added };
}

type Deps = ActionDeps & { setNow: (ms: number) => void; policy: SlaPolicy };

/** Files one planned complaint at its time, marked as demo, in one transaction. */
function fileDemoComplaint(
  deps: Deps,
  plan: DemoComplaintPlan,
  randomInt: (max: number) => number,
): ComplaintRow {
  deps.setNow(plan.createdAt);
  return inTransaction(deps.db, (tx) => {
    let number = makeComplaintNumber(randomInt);
    while (complaintNumberExists(tx, number)) number = makeComplaintNumber(randomInt);
    return fileComplaint(tx, deps.reference, {
      phone: plan.citizenPhone,
      number,
      draft: plan,
      language: plan.language,
      serviceCode: '*384*1234#',
      channel: 'demo',
      filedBy: { source: 'ussd' },
      policy: deps.policy,
      now: plan.createdAt,
    });
  });
}

interface Step {
  at: number;
  name: string;
  run: (actorId: number, number: string) => ActionResult;
}

/** The planned staff actions after filing, in time order. */
function stepsOf(deps: Deps, plan: DemoComplaintPlan): Step[] {
  const { reply, note, resolve, closeAt } = plan;
  return [
    ...(reply
      ? [
          {
            at: reply.at,
            name: 'reply',
            run: (a: number, n: string) => replyToComplaint(deps, a, n, reply.message),
          },
        ]
      : []),
    ...(note
      ? [
          {
            at: note.at,
            name: 'note',
            run: (a: number, n: string) => addNote(deps, a, n, note.text),
          },
        ]
      : []),
    ...(resolve
      ? [
          {
            at: resolve.at,
            name: 'resolve',
            run: (a: number, n: string) => resolveComplaint(deps, a, n, resolve.note),
          },
        ]
      : []),
    ...(closeAt !== undefined
      ? [
          {
            at: closeAt,
            name: 'close',
            run: (a: number, n: string) => setStatus(deps, a, n, 'closed'),
          },
        ]
      : []),
  ];
}

/** Files one planned complaint, then replays its staff actions as its owner, each at its time. */
function loadOne(deps: Deps, plan: DemoComplaintPlan, randomInt: (max: number) => number) {
  let row = fileDemoComplaint(deps, plan, randomInt);
  for (const step of stepsOf(deps, plan)) {
    if (row.assigneeId === null) throw new Error(`demo complaint ${row.number} has no owner`);
    deps.setNow(step.at);
    const result = step.run(row.assigneeId, row.number);
    if (!result.ok) {
      throw new Error(`demo ${step.name} on ${row.number}: ${JSON.stringify(result.refusal)}`);
    }
    row = result.complaint;
  }
  return row;
}

/**
 * Files every planned complaint in time order. The SMS they cause go to fake numbers: they are
 * marked sent at once, so that a server with an Africa's Talking key never sends them (call it
 * inside one transaction, so that the dispatcher never sees them queued).
 */
export function loadDemoComplaints(
  db: Db,
  reference: ReferenceData,
  plans: readonly DemoComplaintPlan[],
  randomInt: (max: number) => number,
  policy: SlaPolicy,
): Record<ComplaintStatus, number> {
  const lastSmsId = lastOutboxId(db);
  let now = 0;
  const deps = { db, reference, policy, now: () => now, setNow: (ms: number) => (now = ms) };
  const counts: Record<ComplaintStatus, number> = {
    received: 0,
    assigned: 0,
    in_progress: 0,
    resolved: 0,
    closed: 0,
  };
  for (const plan of plans) counts[loadOne(deps, plan, randomInt).status]++;
  markQueuedSent(db, lastSmsId, DEMO_PHONE_PATTERNS);
  return counts;
}
