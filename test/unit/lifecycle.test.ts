import type { ComplaintStatus } from '../../db/schema';
import { complaintStatuses } from '../../db/schema';
import type { Action, Actor, Owned } from '../../src/complaints/lifecycle';
import { mayAct, transition } from '../../src/complaints/lifecycle';

const ACTIONS: readonly Action[] = [
  'assign',
  'reply',
  'note',
  'start',
  'resolve',
  'close',
  'reopen',
  'escalate',
];
const STATUSES: readonly ComplaintStatus[] = [
  'received',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
];

/** The whole cross product, written out: the status after the action, or null when refused. */
const expectedTable: [ComplaintStatus, Action, ComplaintStatus | null][] = [
  ['received', 'assign', 'assigned'],
  ['received', 'reply', null],
  ['received', 'note', 'received'],
  ['received', 'start', null],
  ['received', 'resolve', null],
  ['received', 'close', null],
  ['received', 'reopen', null],
  ['received', 'escalate', 'received'],

  ['assigned', 'assign', 'assigned'],
  ['assigned', 'reply', 'in_progress'],
  ['assigned', 'note', 'assigned'],
  ['assigned', 'start', 'in_progress'],
  ['assigned', 'resolve', 'resolved'],
  ['assigned', 'close', null],
  ['assigned', 'reopen', null],
  ['assigned', 'escalate', 'assigned'],

  ['in_progress', 'assign', 'in_progress'],
  ['in_progress', 'reply', 'in_progress'],
  ['in_progress', 'note', 'in_progress'],
  ['in_progress', 'start', null],
  ['in_progress', 'resolve', 'resolved'],
  ['in_progress', 'close', null],
  ['in_progress', 'reopen', null],
  ['in_progress', 'escalate', 'in_progress'],

  ['resolved', 'assign', null],
  ['resolved', 'reply', null],
  ['resolved', 'note', 'resolved'],
  ['resolved', 'start', null],
  ['resolved', 'resolve', null],
  ['resolved', 'close', 'closed'],
  ['resolved', 'reopen', 'assigned'],
  ['resolved', 'escalate', null],

  ['closed', 'assign', null],
  ['closed', 'reply', null],
  ['closed', 'note', 'closed'],
  ['closed', 'start', null],
  ['closed', 'resolve', null],
  ['closed', 'close', null],
  ['closed', 'reopen', 'assigned'],
  ['closed', 'escalate', null],
];

const allowed = expectedTable.flatMap(([from, action, to]) =>
  to === null ? [] : [[from, action, to] as const],
);
const refused = expectedTable.flatMap(([from, action, to]) =>
  to === null ? [[from, action] as const] : [],
);

describe('transition', () => {
  test('when the expected table is listed, then it covers every status × action exactly once', () => {
    const pairs = expectedTable.map(([from, action]) => `${from}/${action}`);
    const product = STATUSES.flatMap((s) => ACTIONS.map((a) => `${s}/${a}`));
    expect([...STATUSES]).toEqual([...complaintStatuses]);
    expect(new Set(pairs).size).toBe(STATUSES.length * ACTIONS.length);
    expect([...pairs].sort()).toEqual([...product].sort());
    expect(allowed).toHaveLength(19);
    expect(refused).toHaveLength(21);
  });

  test.each(allowed)('when %s receives %s, then the status becomes %s', (from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, value: to });
  });

  test.each(refused)(
    'when %s receives %s, then it is refused with a reason naming the status',
    (from, action) => {
      const outcome = transition(from, action);
      expect(outcome.ok).toBe(false);
      const reason = outcome.ok ? '' : outcome.reason;
      expect(reason.trim()).not.toBe('');
      expect(reason).toContain(from);
    },
  );

  test.each(ACTIONS.filter((a) => refused.filter(([, r]) => r === a).length > 1))(
    'when %s is refused from different statuses, then each reason is different',
    (action) => {
      const reasons = refused
        .filter(([, a]) => a === action)
        .map(([from]) => {
          const outcome = transition(from, action);
          return outcome.ok ? '' : outcome.reason;
        });
      expect(new Set(reasons).size).toBe(reasons.length);
    },
  );
});

const REGION = 'DOM';
const OTHER_REGION = 'ARS';

const hq: Actor = { id: 1, role: 'hq', regionCode: null, active: true };
const supervisor: Actor = { id: 2, role: 'supervisor', regionCode: REGION, active: true };
const officer: Actor = { id: 3, role: 'officer', regionCode: REGION, active: true };
const colleague: Actor = { id: 4, role: 'officer', regionCode: REGION, active: true };

const unassignedHere: Owned = { regionCode: REGION, assigneeId: null };
const mineHere: Owned = { regionCode: REGION, assigneeId: officer.id };
const colleaguesHere: Owned = { regionCode: REGION, assigneeId: colleague.id };
const supervisorsHere: Owned = { regionCode: REGION, assigneeId: supervisor.id };
const unassignedElsewhere: Owned = { regionCode: OTHER_REGION, assigneeId: null };
const mineElsewhere: Owned = { regionCode: OTHER_REGION, assigneeId: officer.id };
const someoneElsewhere: Owned = { regionCode: OTHER_REGION, assigneeId: 99 };

type MayActAction = Action | 'assign_other';
const EVERY_ACTION: readonly MayActAction[] = [...ACTIONS, 'assign_other'];

type Case = [string, string, MayActAction, boolean, Actor, Owned];

/** One row per action for each (actor, complaint) situation. */
const rows = (
  who: string,
  actor: Actor,
  what: string,
  complaint: Owned,
  expected: (action: MayActAction) => boolean,
): Case[] => EVERY_ACTION.map((action) => [who, what, action, expected(action), actor, complaint]);

const always = () => true;
const never = () => false;
const exceptAssignOther = (action: MayActAction) => action !== 'assign_other';

const mayActCases: Case[] = [
  ...rows('hq', hq, 'an unassigned complaint here', unassignedHere, always),
  ...rows('hq', hq, "an officer's complaint in another region", someoneElsewhere, always),
  ...rows('hq', hq, 'an unassigned complaint in another region', unassignedElsewhere, always),
  ...rows('a supervisor', supervisor, 'an unassigned complaint here', unassignedHere, always),
  ...rows('a supervisor', supervisor, "an officer's complaint here", colleaguesHere, always),
  ...rows('a supervisor', supervisor, 'their own complaint here', supervisorsHere, always),
  ...rows('a supervisor', supervisor, 'a complaint in another region', someoneElsewhere, never),
  ...rows('a supervisor', supervisor, 'an unassigned one elsewhere', unassignedElsewhere, never),
  ...rows('an officer', officer, 'a complaint assigned to them', mineHere, exceptAssignOther),
  ...rows('an officer', officer, 'an unassigned complaint here', unassignedHere, exceptAssignOther),
  ...rows('an officer', officer, "another officer's complaint", colleaguesHere, never),
  ...rows('an officer', officer, "the supervisor's complaint", supervisorsHere, never),
  ...rows('an officer', officer, 'an unassigned one elsewhere', unassignedElsewhere, never),
  ...rows('an officer', officer, 'one assigned to them elsewhere', mineElsewhere, never),
  ...rows('an inactive hq', { ...hq, active: false }, 'any complaint', unassignedHere, never),
  ...rows(
    'an inactive supervisor',
    { ...supervisor, active: false },
    'a complaint in their region',
    unassignedHere,
    never,
  ),
  ...rows('an inactive officer', { ...officer, active: false }, 'their own', mineHere, never),
  ...rows(
    'an inactive officer',
    { ...officer, active: false },
    'an unassigned one here',
    unassignedHere,
    never,
  ),
];

describe('mayAct', () => {
  test.each(mayActCases)(
    'when %s acts on %s with %s, then allowed is %p',
    (_who, _what, action, expected, actor, complaint) => {
      const outcome = mayAct(actor, complaint, action);
      if (expected) {
        expect(outcome).toEqual({ ok: true, value: true });
      } else {
        expect(outcome.ok).toBe(false);
        expect(outcome.ok ? '' : outcome.reason.trim()).not.toBe('');
      }
    },
  );
});
