/**
 * Who may do what, on real SQLite: officers on their own and on unassigned complaints of their
 * region, supervisors across their region, headquarters everywhere. Every refusal changes nothing.
 */
import {
  addNote,
  assignComplaint,
  replyToComplaint,
  resolveComplaint,
  takeComplaint,
  type ActionResult,
} from '../../src/complaints/actions';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import {
  CITIZEN,
  complaintById,
  eventsOf,
  openWorld,
  outboxOf,
  snapshot,
  type World,
} from '../helpers/world';
import { deactivate } from '../helpers/staff';
import { openDesk, type Desk } from './desk';
import type { Refusal } from '../../src/complaints/core/refusal';

let w: World;
let d: Desk;
beforeEach(() => {
  w = openWorld();
  d = openDesk(w);
});
afterEach(() => w.close());

/** Runs a refused action and checks that no row of any table it could touch has changed. */
function expectRefused(attempt: () => ActionResult, refusal: Refusal) {
  const before = snapshot(w);
  expect(attempt()).toEqual({ ok: false, refusal });
  expect(snapshot(w)).toEqual(before);
}

describe('allowed', () => {
  test('when an officer replies on their own complaint, then it is accepted', () => {
    expect(replyToComplaint(w.deps, d.neema.id, d.mine.number, 'Tunafuatilia').ok).toBe(true);
  });

  test('when an officer takes an unassigned complaint of their region, then it is theirs at council level, with an event and an SMS to the citizen', () => {
    const r = takeComplaint(w.deps, d.juma.id, d.unassigned.number);

    expect(r.ok).toBe(true);
    expect(complaintById(w, d.unassigned.id)).toMatchObject({
      assigneeId: d.juma.id,
      status: 'assigned',
      level: 'council',
    });
    expect(eventsOf(w, d.unassigned.id).at(-1)).toMatchObject({
      type: 'taken',
      staffId: d.juma.id,
      assigneeId: d.juma.id,
      fromStatus: 'received',
      toStatus: 'assigned',
    });
    // The citizen is told; the officer who took it needs no SMS about their own action.
    expect(outboxOf(w, d.unassigned.id).slice(-2)).toEqual([
      expect.objectContaining({ toPhone: CITIZEN, template: 'sms.received' }),
      expect.objectContaining({ toPhone: CITIZEN, template: 'sms.assigned' }),
    ]);
    expect(outboxOf(w, d.unassigned.id).filter((m) => m.toPhone === d.juma.phone)).toEqual([]);
  });

  test('when an officer adds a note to an unassigned complaint of a council they cover, then it is accepted', () => {
    expect(addNote(w.deps, d.juma.id, d.unassigned.number, 'Nitaliangalia').ok).toBe(true);
  });

  test('when the supervisor replies on an officer’s complaint of the region, then it is accepted', () => {
    expect(replyToComplaint(w.deps, d.darSup.id, d.jumas.number, 'We are on it').ok).toBe(true);
  });

  test('when the supervisor assigns a complaint to another officer, then the new owner has it and is told, in their language', () => {
    const r = assignComplaint(w.deps, d.darSup.id, d.mine.number, d.juma.phone);

    expect(r).toMatchObject({ ok: true, complaint: { assigneeId: d.juma.id } });
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      type: 'assigned',
      staffId: d.darSup.id,
      assigneeId: d.juma.id,
    });
    expect(outboxOf(w, d.mine.id).at(-1)).toMatchObject({
      toPhone: d.juma.phone,
      body: expect.stringContaining('Kero: lalamiko jipya') as string,
    });
  });

  test('when the supervisor names the new owner by a local 07… number, then it is the same person', () => {
    const local = `0${d.juma.phone.slice(4, 7)} ${d.juma.phone.slice(7)}`;
    const r = assignComplaint(w.deps, d.darSup.id, d.mine.number, local);
    expect(r).toMatchObject({ ok: true, complaint: { assigneeId: d.juma.id } });
  });

  test('when headquarters replies in any region and assigns in any region, then both are accepted', () => {
    expect(replyToComplaint(w.deps, d.hq.id, d.arusha.number, 'HQ inafuatilia').ok).toBe(true);
    const r = assignComplaint(w.deps, d.hq.id, d.unassigned.number, d.neema.phone);
    expect(r).toMatchObject({
      ok: true,
      complaint: { assigneeId: d.neema.id, status: 'assigned' },
    });
  });

  test('when the number is typed grouped, with a hyphen or a #, then it is found', () => {
    const grouped = formatComplaintNumber(d.mine.number);
    expect(addNote(w.deps, d.neema.id, grouped, 'a').ok).toBe(true);
    expect(addNote(w.deps, d.neema.id, `${grouped.replace(' ', '-')}#`, 'b').ok).toBe(true);
  });
});

describe('refused, and nothing changes', () => {
  test.each([
    ['reply', () => replyToComplaint(w.deps, d.neema.id, d.jumas.number, 'x')],
    ['note', () => addNote(w.deps, d.neema.id, d.jumas.number, 'x')],
    ['resolve', () => resolveComplaint(w.deps, d.neema.id, d.jumas.number, 'x')],
    ['take', () => takeComplaint(w.deps, d.neema.id, d.jumas.number)],
  ])(
    'when an officer tries to %s on another officer’s complaint, then it is forbidden',
    (_a, attempt) => {
      expectRefused(attempt, { code: 'otherOfficer', vars: { number: d.jumas.number } });
    },
  );

  test.each([
    ['an officer replies', () => replyToComplaint(w.deps, d.neema.id, d.arusha.number, 'x')],
    ['an officer takes', () => takeComplaint(w.deps, d.neema.id, d.arusha.number)],
    ['a supervisor replies', () => replyToComplaint(w.deps, d.darSup.id, d.arusha.number, 'x')],
    [
      'a supervisor assigns',
      () => assignComplaint(w.deps, d.darSup.id, d.arusha.number, d.neema.phone),
    ],
  ])('when %s in another region, then it is forbidden', (_a, attempt) => {
    expectRefused(attempt, { code: 'otherRegion', vars: { number: d.arusha.number } });
  });

  test('when an officer acts on an unassigned complaint of a council they do not cover, then it is refused', () => {
    expectRefused(() => takeComplaint(w.deps, d.neema.id, d.unassigned.number), {
      code: 'otherCouncil',
      vars: { number: d.unassigned.number },
    });
  });

  test('when an officer assigns to someone else, even their own complaint, then it is forbidden', () => {
    expectRefused(() => assignComplaint(w.deps, d.neema.id, d.mine.number, d.juma.phone), {
      code: 'notSupervisor',
    });
  });

  test('when a supervisor assigns to an officer of another region, then it is forbidden', () => {
    expectRefused(() => assignComplaint(w.deps, d.darSup.id, d.mine.number, d.aruOfficer.phone), {
      code: 'staffOtherRegion',
      vars: { name: d.aruOfficer.name },
    });
  });

  test('when a supervisor assigns to someone inactive or unknown, then it is refused', () => {
    deactivate(w, d.juma);
    expectRefused(() => assignComplaint(w.deps, d.darSup.id, d.mine.number, d.juma.phone), {
      code: 'staffInactive',
      vars: { name: d.juma.name },
    });
    expectRefused(() => assignComplaint(w.deps, d.darSup.id, d.mine.number, '+255799999999'), {
      code: 'noStaff',
      vars: { phone: '+255799999999' },
    });
  });

  test('when the actor is inactive, then even what an active officer may do is refused', () => {
    deactivate(w, d.neema);
    expectRefused(() => addNote(w.deps, d.neema.id, d.unassigned.number, 'x'), {
      code: 'inactive',
    });
    expectRefused(() => takeComplaint(w.deps, d.neema.id, d.unassigned.number), {
      code: 'inactive',
    });
  });

  test('when the actor is not staff at all, then it is refused as unknown', () => {
    expectRefused(() => addNote(w.deps, 9999, d.mine.number, 'x'), { code: 'unknownActor' });
  });

  test('when the number has a typo (changed digit or swapped neighbours), then it is a bad number', () => {
    const n = d.mine.number;
    const changed = n.slice(0, 7) + String((Number(n[7]) + 1) % 10);
    const swapped = n[0]! + n[2]! + n[1]! + n.slice(3);
    expect(swapped).not.toBe(n);
    for (const typo of [changed, swapped]) {
      expectRefused(() => addNote(w.deps, d.neema.id, typo, 'x'), {
        code: 'badNumber',
        vars: { input: typo },
      });
    }
  });

  test('when the number is valid but no such complaint exists, then it is not found', () => {
    const number = w.nextNumber();
    expectRefused(() => addNote(w.deps, d.neema.id, number, 'x'), {
      code: 'notFound',
      vars: { number },
    });
  });
});
