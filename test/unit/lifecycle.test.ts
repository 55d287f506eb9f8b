import type { ComplaintStatus } from '../../db/schema';
import { complaintStatuses } from '../../db/schema';
import type { Action, Actor, Owned } from '../../src/complaints/core/lifecycle';
import { mayAct, nextStatus, transition } from '../../src/complaints/core/lifecycle';
import type { RefusalCode } from '../../src/complaints/core/refusal';

const NUMBER = '48210379';

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
    expect(transition({ number: NUMBER, status: from }, action)).toEqual({ ok: true, value: to });
    expect(nextStatus(from, action)).toBe(to);
  });

  test.each(refused)(
    'when %s receives %s, then it is refused with a code naming the status',
    (from, action) => {
      expect(transition({ number: NUMBER, status: from }, action)).toEqual({
        ok: false,
        refusal:
          from === 'received' && action === 'reply'
            ? { code: 'notAssigned', vars: { number: NUMBER } }
            : { code: 'badState', vars: { number: NUMBER, status: from } },
      });
      expect(nextStatus(from, action)).toBeUndefined();
    },
  );
});

const REGION = 'DOM';
const OTHER_REGION = 'ARS';

const hq: Actor = { id: 1, role: 'hq', regionCode: null, active: true };
const supervisor: Actor = { id: 2, role: 'supervisor', regionCode: REGION, active: true };
const officer: Actor = { id: 3, role: 'officer', regionCode: REGION, active: true };
const colleague: Actor = { id: 4, role: 'officer', regionCode: REGION, active: true };

const unassignedHere: Owned = { number: NUMBER, regionCode: REGION, assigneeId: null };
const mineHere: Owned = { number: NUMBER, regionCode: REGION, assigneeId: officer.id };
const colleaguesHere: Owned = { number: NUMBER, regionCode: REGION, assigneeId: colleague.id };
const supervisorsHere: Owned = { number: NUMBER, regionCode: REGION, assigneeId: supervisor.id };
const unassignedElsewhere: Owned = { number: NUMBER, regionCode: OTHER_REGION, assigneeId: null };
const mineElsewhere: Owned = { number: NUMBER, regionCode: OTHER_REGION, assigneeId: officer.id };
const someoneElsewhere: Owned = { number: NUMBER, regionCode: OTHER_REGION, assigneeId: 99 };

type MayActAction = Action | 'assign_other';
const EVERY_ACTION: readonly MayActAction[] = [...ACTIONS, 'assign_other'];

/** Allowed (true), or the code of the refusal. */
type Expected = true | RefusalCode;
type Case = [string, string, MayActAction, Expected, Actor, Owned];

/** One row per action for each (actor, complaint) situation. */
const rows = (
  who: string,
  actor: Actor,
  what: string,
  complaint: Owned,
  expected: (action: MayActAction) => Expected,
): Case[] => EVERY_ACTION.map((action) => [who, what, action, expected(action), actor, complaint]);

const always = (): Expected => true;
const refusing = (code: RefusalCode) => (): Expected => code;
const exceptAssignOther = (action: MayActAction): Expected =>
  action === 'assign_other' ? 'notSupervisor' : true;

const mayActCases: Case[] = [
  ...rows('hq', hq, 'an unassigned complaint here', unassignedHere, always),
  ...rows('hq', hq, "an officer's complaint in another region", someoneElsewhere, always),
  ...rows('hq', hq, 'an unassigned complaint in another region', unassignedElsewhere, always),
  ...rows('a supervisor', supervisor, 'an unassigned complaint here', unassignedHere, always),
  ...rows('a supervisor', supervisor, "an officer's complaint here", colleaguesHere, always),
  ...rows('a supervisor', supervisor, 'their own complaint here', supervisorsHere, always),
  ...rows(
    'a supervisor',
    supervisor,
    'a complaint in another region',
    someoneElsewhere,
    refusing('otherRegion'),
  ),
  ...rows(
    'a supervisor',
    supervisor,
    'an unassigned one elsewhere',
    unassignedElsewhere,
    refusing('otherRegion'),
  ),
  ...rows('an officer', officer, 'a complaint assigned to them', mineHere, exceptAssignOther),
  ...rows('an officer', officer, 'an unassigned complaint here', unassignedHere, exceptAssignOther),
  ...rows('an officer', officer, "another officer's complaint", colleaguesHere, (a) =>
    a === 'assign_other' ? 'notSupervisor' : 'otherOfficer',
  ),
  ...rows('an officer', officer, "the supervisor's complaint", supervisorsHere, (a) =>
    a === 'assign_other' ? 'notSupervisor' : 'otherOfficer',
  ),
  ...rows(
    'an officer',
    officer,
    'an unassigned one elsewhere',
    unassignedElsewhere,
    refusing('otherRegion'),
  ),
  ...rows(
    'an officer',
    officer,
    'one assigned to them elsewhere',
    mineElsewhere,
    refusing('otherRegion'),
  ),
  ...rows(
    'an inactive hq',
    { ...hq, active: false },
    'any complaint',
    unassignedHere,
    refusing('inactive'),
  ),
  ...rows(
    'an inactive supervisor',
    { ...supervisor, active: false },
    'a complaint in their region',
    unassignedHere,
    refusing('inactive'),
  ),
  ...rows(
    'an inactive officer',
    { ...officer, active: false },
    'their own',
    mineHere,
    refusing('inactive'),
  ),
  ...rows(
    'an inactive officer',
    { ...officer, active: false },
    'an unassigned one here',
    unassignedHere,
    refusing('inactive'),
  ),
];

describe('mayAct', () => {
  test.each(mayActCases)(
    'when %s acts on %s with %s, then the answer is %p',
    (_who, _what, action, expected, actor, complaint) => {
      const outcome = mayAct(actor, complaint, action);
      if (expected === true) expect(outcome).toEqual({ ok: true, value: true });
      else expect(outcome.ok ? undefined : outcome.refusal.code).toBe(expected);
    },
  );
});

describe('mayAct with the councils an officer covers', () => {
  const kinondoni: Actor = { ...officer, councils: ['DAR-KIM'] };
  const unassignedIn = (councilCode: string): Owned => ({
    number: NUMBER,
    regionCode: REGION,
    councilCode,
    assigneeId: null,
  });

  test.each([
    ['an unassigned complaint of a council they cover', unassignedIn('DAR-KIM'), true],
    ['an unassigned complaint of another council', unassignedIn('DAR-UBM'), 'otherCouncil'],
    [
      'one assigned to them in another council',
      { ...unassignedIn('DAR-UBM'), assigneeId: officer.id },
      true,
    ],
  ] as const)(
    'when an officer of Kinondoni acts on %s, then the answer is %p',
    (_what, c, expected) => {
      const outcome = mayAct(kinondoni, c, 'note');
      if (expected === true) expect(outcome).toEqual({ ok: true, value: true });
      else expect(outcome.ok ? undefined : outcome.refusal.code).toBe(expected);
    },
  );
});
