/**
 * Every reason the lifecycle service gives for refusing is worded for staff in both languages:
 * none falls through to the generic "not done: <English reason>". Pure.
 */
import { complaintStatuses, staffRoles, type ComplaintStatus } from '../../db/schema';
import { mayAct, transition, type Action } from '../../src/complaints/lifecycle';
import { refusalSay } from '../../src/staff/commands-format';

const actions: (Action | 'assign_other')[] = ['assign', 'assign_other', 'reply', 'note', 'resolve'];

const forbidden = [
  ...new Set(
    staffRoles.flatMap((role) =>
      [true, false].flatMap((active) =>
        ['DAR', 'ARU'].flatMap((regionCode) =>
          [null, 1, 2].flatMap((assigneeId) =>
            actions.flatMap((action) => {
              const actor = { id: 1, role, regionCode: role === 'hq' ? null : 'DAR', active };
              const r = mayAct(actor, { regionCode, assigneeId }, action);
              return r.ok ? [] : [r.reason];
            }),
          ),
        ),
      ),
    ),
  ),
];

const invalid = complaintStatuses.flatMap((status) =>
  (['assign', 'reply', 'note', 'resolve'] as const).flatMap((action) => {
    const r = transition(status, action);
    return r.ok ? [] : [[status, action, r.reason] as const];
  }),
);

describe('refusalSay', () => {
  test('when the refusals of mayAct are collected, then there are four of them', () => {
    expect(forbidden.sort()).toEqual([
      'only a supervisor can assign',
      'this complaint is assigned to another officer',
      'this complaint is in another region',
      'your account is not active',
    ]);
  });

  test.each(
    forbidden.flatMap((reason) =>
      (['sw', 'en'] as const).map((lang): [string, 'sw' | 'en'] => [reason, lang]),
    ),
  )('when the service says %j, then the %s answer has its own text', (reason, lang) => {
    const say = refusalSay(
      { error: 'forbidden', reason },
      { command: 'reply', number: '48210379', status: 'assigned' },
      lang,
    );

    expect(say.key).not.toBe('sms.cmd.err.other');
  });

  test.each(invalid)(
    'when a %s complaint refuses %s, then the answer names its status',
    (status: ComplaintStatus, action, reason) => {
      const command = action === 'assign' ? 'take' : action;
      const say = refusalSay(
        { error: 'invalid', reason },
        { command, number: '48210379', status },
        'en',
      );

      expect(say.key).toBe(
        status === 'received' && action === 'reply'
          ? 'sms.cmd.err.notAssigned'
          : 'sms.cmd.err.state',
      );
    },
  );

  test('when the service gives a reason the table does not know, then it is passed on, not hidden', () => {
    const say = refusalSay(
      { error: 'unknown_actor', reason: 'you are not registered as staff' },
      { command: 'take', number: '48210379', status: undefined },
      'sw',
    );

    expect(say).toEqual({
      key: 'sms.cmd.err.other',
      vars: { reason: 'you are not registered as staff' },
      shrink: 'reason',
    });
  });
});
