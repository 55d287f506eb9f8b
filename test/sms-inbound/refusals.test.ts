/**
 * Every refusal the lifecycle service can give is a code, and the staff SMS console has words for
 * each in both languages: no fallback, no prose parsed back. Pure.
 */
import { en } from '../../menus/locales/en';
import { complaintStatuses, staffRoles } from '../../db/schema';
import { mayAct, transition, type Action } from '../../src/complaints/core/lifecycle';
import { REFUSAL_CODES, type Refusal } from '../../src/complaints/core/refusal';
import { refusalSay } from '../../src/commands/core/format';
import { translate } from '../../src/text/translate';

const NUMBER = '48210379';
const actions: (Action | 'assign_other')[] = ['assign', 'assign_other', 'reply', 'note', 'resolve'];

const forbidden = staffRoles.flatMap((role) =>
  [true, false].flatMap((active) =>
    ['DAR', 'ARU'].flatMap((regionCode) =>
      [null, 1, 2].flatMap((assigneeId) =>
        actions.flatMap((action) => {
          const actor = { id: 1, role, regionCode: role === 'hq' ? null : 'DAR', active };
          const r = mayAct(actor, { number: NUMBER, regionCode, assigneeId }, action);
          return r.ok ? [] : [r.refusal];
        }),
      ),
    ),
  ),
);

const invalid = complaintStatuses.flatMap((status) =>
  (['assign', 'reply', 'note', 'resolve'] as const).flatMap((action) => {
    const r = transition({ number: NUMBER, status }, action);
    return r.ok ? [] : [[status, action, r.refusal] as const];
  }),
);

/** One refusal of every code, with realistic values. */
const everyCode: Refusal[] = [
  { code: 'badNumber', vars: { input: '1234' } },
  { code: 'notFound', vars: { number: NUMBER } },
  { code: 'unknownActor' },
  { code: 'inactive' },
  { code: 'otherRegion', vars: { number: NUMBER } },
  { code: 'otherCouncil', vars: { number: NUMBER } },
  { code: 'notSupervisor' },
  { code: 'otherOfficer', vars: { number: NUMBER } },
  { code: 'notAssigned', vars: { number: NUMBER } },
  { code: 'badState', vars: { number: NUMBER, status: 'resolved' } },
  { code: 'noStaff', vars: { phone: '+255754000111' } },
  { code: 'staffInactive', vars: { name: 'Juma Said' } },
  { code: 'staffOtherRegion', vars: { name: 'Juma Said' } },
  { code: 'empty', vars: { field: 'message' } },
];

describe('the refusals of mayAct and transition', () => {
  test('when every role, region and owner is tried, then mayAct refuses with four codes', () => {
    expect([...new Set(forbidden.map((r) => r.code))].sort()).toEqual([
      'inactive',
      'notSupervisor',
      'otherOfficer',
      'otherRegion',
    ]);
  });

  test.each(invalid)(
    'when a %s complaint refuses %s, then the refusal names its status (or asks to take it first)',
    (status, action, refusal) => {
      expect(refusal).toEqual(
        status === 'received' && action === 'reply'
          ? { code: 'notAssigned', vars: { number: NUMBER } }
          : { code: 'badState', vars: { number: NUMBER, status } },
      );
    },
  );
});

describe('refusalSay', () => {
  test('when the test lists one refusal of each code, then every code is there', () => {
    expect(everyCode.map((r) => r.code).sort()).toEqual([...REFUSAL_CODES].sort());
  });

  test.each(
    everyCode.flatMap((r) => (['sw', 'en'] as const).map((lang) => [r.code, lang, r] as const)),
  )(
    'when the service refuses with %s, then the %s answer is a staff message with every value filled in',
    (_code, lang, refusal) => {
      const say = refusalSay(refusal, { command: 'reply' }, lang);
      expect(say.key in en).toBe(true);
      expect(say.key.startsWith('sms.cmd.err.')).toBe(true);
      expect(translate(say.key, lang, say.vars)).not.toMatch(/\{\w+\}/);
    },
  );

  test.each([
    [
      { code: 'otherRegion', vars: { number: NUMBER } },
      'sms.cmd.err.otherRegion',
      { number: '4821 0379' },
    ],
    [
      { code: 'notAssigned', vars: { number: NUMBER } },
      'sms.cmd.err.notAssigned',
      { number: '4821 0379' },
    ],
    [
      { code: 'badState', vars: { number: NUMBER, status: 'in_progress' } },
      'sms.cmd.err.state',
      { number: '4821 0379', status: 'In progress' },
    ],
    [
      { code: 'staffOtherRegion', vars: { name: 'Asha' } },
      'sms.cmd.err.staffOtherRegion',
      { name: 'Asha' },
    ],
    [
      { code: 'noStaff', vars: { phone: '+255754000111' } },
      'sms.cmd.err.noStaff',
      { phone: '+255754000111' },
    ],
  ] as const)('when the refusal is %j, then the answer is %s with %j', (refusal, key, vars) => {
    expect(refusalSay(refusal as Refusal, { command: 'assign' }, 'en')).toEqual({ key, vars });
  });
});
