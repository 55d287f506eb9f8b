/**
 * First-response escalation on real SQLite with the clock in Dar es Salaam time: 3 working days
 * (Monday to Friday minus holidays), then to the region's supervisor, once, with SMS to both.
 */
import { replyToComplaint } from '../../src/complaints/actions';
import { runEscalations, runSlaTick } from '../../src/complaints/escalation';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import {
  CITIZEN,
  complaintById,
  eat,
  eventsOf,
  file,
  openWorld,
  outboxOf,
  snapshot,
  type World,
  type WorldOptions,
} from '../helpers/world';
import { hqStaff, officer, supervisor } from '../helpers/staff';

const FRIDAY_MORNING = eat('2026-03-13 10:00');

let w: World;
function open(opts: WorldOptions = {}) {
  w = openWorld({ start: FRIDAY_MORNING, ...opts });
  return w;
}
afterEach(() => w.close());

const tickAt = (wall: string) => {
  w.clock.set(eat(wall));
  return runSlaTick(w.deps);
};

describe('first response: when it is due', () => {
  test('when a complaint filed on Friday has no reply, then nothing happens up to Wednesday 23:59 and it escalates at Wednesday midnight EAT', () => {
    open();
    const o = officer(w, 'DAR');
    supervisor(w, 'DAR');
    const c = file(w, { council: 'DAR-KIM' });

    for (const wall of ['2026-03-16 17:00', '2026-03-17 20:00', '2026-03-18 23:59']) {
      expect(tickAt(wall)).toEqual({ escalated: [], closed: [] });
      expect(complaintById(w, c.id)).toMatchObject({ assigneeId: o.id, level: 'council' });
    }
    w.clock.set(eat('2026-03-19 00:00') - 1);
    expect(runEscalations(w.deps)).toEqual([]);

    expect(tickAt('2026-03-19 00:00').escalated).toHaveLength(1);
  });

  test('when a holiday falls in between, then the deadline moves one working day later', () => {
    open({ holidays: '2026-03-17' });
    officer(w, 'DAR');
    supervisor(w, 'DAR');
    file(w, { council: 'DAR-KIM' });

    expect(tickAt('2026-03-19 00:00').escalated).toEqual([]);
    expect(tickAt('2026-03-19 23:59').escalated).toEqual([]);
    expect(tickAt('2026-03-20 00:00').escalated).toHaveLength(1);
  });

  test.each([
    ['Friday 23:59', '2026-03-13 23:59', '2026-03-19 00:00'],
    ['Saturday 10:00', '2026-03-14 10:00', '2026-03-19 00:00'],
    ['Sunday 23:59', '2026-03-15 23:59', '2026-03-19 00:00'],
    ['Monday just after midnight, still Sunday in UTC', '2026-03-16 00:30', '2026-03-20 00:00'],
  ])(
    'when filed on %s (%s EAT), then it escalates at %s EAT and not a minute before',
    (_d, filed, due) => {
      open({ start: eat(filed) });
      officer(w, 'DAR');
      supervisor(w, 'DAR');
      file(w, { council: 'DAR-KIM' });

      w.clock.set(eat(due) - 60_000);
      expect(runEscalations(w.deps)).toEqual([]);
      w.clock.set(eat(due));
      expect(runEscalations(w.deps)).toHaveLength(1);
    },
  );

  test('when the owner replied in time, then it never escalates for first response', () => {
    open();
    const o = officer(w, 'DAR');
    supervisor(w, 'DAR');
    const c = file(w, { council: 'DAR-KIM' });
    w.clock.set(eat('2026-03-18 16:00'));
    expect(replyToComplaint(w.deps, o.id, c.number, 'Tunashughulikia').ok).toBe(true);

    for (const wall of ['2026-03-19 00:00', '2026-03-23 09:00', '2026-03-26 21:00']) {
      expect(tickAt(wall).escalated).toEqual([]);
    }
    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: o.id,
      level: 'council',
      firstResponseEscalatedAt: null,
    });
  });
});

describe('first response: what an escalation does', () => {
  test('when it escalates, then the supervisor owns it at region level, with an escalated event and SMS to the citizen and the supervisor', () => {
    open();
    const o = officer(w, 'DAR');
    const sup = supervisor(w, 'DAR', { lang: 'en' });
    hqStaff(w);
    const c = file(w, { council: 'DAR-KIM', language: 'sw', category: 'water' });
    const number = formatComplaintNumber(c.number);

    const { escalated } = tickAt('2026-03-19 00:00');

    expect(escalated).toEqual([
      {
        number: c.number,
        breach: 'first_response',
        fromLevel: 'council',
        toLevel: 'region',
        fromAssignee: o.id,
        toAssignee: sup.id,
      },
    ]);
    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: sup.id,
      level: 'region',
      status: 'assigned',
      firstResponseEscalatedAt: w.clock.now(),
      resolutionEscalatedAt: null,
    });
    expect(eventsOf(w, c.id).at(-1)).toMatchObject({
      type: 'escalated',
      actor: 'system',
      assigneeId: sup.id,
      fromStatus: 'assigned',
      toStatus: 'assigned',
      createdAt: w.clock.now(),
    });
    expect(
      outboxOf(w, c.id)
        .slice(-2)
        .map((m) => [m.toPhone, m.template, m.body]),
    ).toEqual([
      [
        CITIZEN,
        'sms.escalated',
        `OR-TAMISEMI: Lalamiko lako ${number} limepelekwa ngazi ya mkoa kwa sababu halikushughulikiwa kwa wakati.`,
      ],
      [
        sup.phone,
        'sms.staff.escalated',
        `Kero: complaint ${number} (Water, Kinondoni MC) escalated to you: no first response in time. "Maji hayatoki kijijini tangu wiki iliyopita.". Reply by SMS: R ${number} <message>`,
      ],
    ]);
  });

  test('when the run is repeated, then the breach does not escalate again and nothing changes', () => {
    open();
    officer(w, 'DAR');
    supervisor(w, 'DAR');
    file(w, { council: 'DAR-KIM' });
    expect(tickAt('2026-03-19 00:00').escalated).toHaveLength(1);
    const after = snapshot(w);

    expect(tickAt('2026-03-19 00:15').escalated).toEqual([]);
    expect(tickAt('2026-03-20 12:00').escalated).toEqual([]);
    expect(snapshot(w)).toEqual(after);
  });

  test('when the region has no supervisor, then it goes to headquarters at national level, and the citizen is told so', () => {
    open();
    officer(w, 'DAR');
    supervisor(w, 'ARU');
    const hq = hqStaff(w, { lang: 'sw' });
    const c = file(w, { council: 'DAR-KIM', language: 'en' });

    const { escalated } = tickAt('2026-03-19 00:00');

    expect(escalated).toMatchObject([{ toLevel: 'national', toAssignee: hq.id }]);
    expect(complaintById(w, c.id)).toMatchObject({ assigneeId: hq.id, level: 'national' });
    const [citizen, staff] = outboxOf(w, c.id).slice(-2);
    expect(citizen?.body).toBe(
      `PO-RALG: your complaint ${formatComplaintNumber(c.number)} has been passed to the headquarters level because it was not handled in time.`,
    );
    expect(staff).toMatchObject({ toPhone: hq.phone, template: 'sms.staff.escalated' });
    expect(staff?.body).toContain('limepandishwa kwako: halikujibiwa kwa wakati');
  });

  test('when there is neither a supervisor nor headquarters staff, then it waits unassigned in the headquarters queue', () => {
    open();
    officer(w, 'DAR');
    const c = file(w, { council: 'DAR-KIM' });

    expect(tickAt('2026-03-19 00:00').escalated).toMatchObject([
      { toLevel: 'national', toAssignee: null },
    ]);
    expect(complaintById(w, c.id)).toMatchObject({ assigneeId: null, level: 'national' });
  });

  test('when it waits unassigned in the headquarters queue, then headquarters staff get it and the citizen is told', () => {
    open();
    const hq = hqStaff(w, { lang: 'en' });
    const c = file(w, { council: 'DAR-KIM', language: 'en' });
    expect(c).toMatchObject({ assigneeId: null, status: 'received' });

    expect(tickAt('2026-03-19 00:00').escalated).toMatchObject([
      { fromAssignee: null, toAssignee: hq.id, toLevel: 'national' },
    ]);
    expect(complaintById(w, c.id)).toMatchObject({ assigneeId: hq.id, status: 'assigned' });
    expect(
      outboxOf(w, c.id)
        .slice(-2)
        .map((m) => [m.toPhone, m.template]),
    ).toEqual([
      [CITIZEN, 'sms.escalated'],
      [hq.phone, 'sms.staff.escalated'],
    ]);
  });

  test('when the supervisor already owns it (no officer at filing), then it stays with them, marked once, without SMS', () => {
    open();
    const sup = supervisor(w, 'DAR');
    const c = file(w, { council: 'DAR-KIM' });
    const sms = outboxOf(w, c.id).length;

    tickAt('2026-03-19 00:00');
    tickAt('2026-03-19 01:00');

    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: sup.id,
      level: 'region',
      firstResponseEscalatedAt: eat('2026-03-19 00:00'),
    });
    expect(eventsOf(w, c.id).filter((e) => e.type === 'sla_breach')).toHaveLength(1);
    expect(outboxOf(w, c.id)).toHaveLength(sms);
  });

  test('when the region has two supervisors and one already owns it, then it does not move sideways to the other', () => {
    open();
    const owner = supervisor(w, 'DAR', { name: 'Owner Supervisor' });
    const c = file(w, { council: 'DAR-KIM' });
    expect(c.assigneeId).toBe(owner.id);
    // A second, idle supervisor joins: least loaded, but the complaint is already at region level.
    supervisor(w, 'DAR', { name: 'Idle Supervisor' });

    tickAt('2026-03-19 00:00');

    expect(complaintById(w, c.id)).toMatchObject({ assigneeId: owner.id, level: 'region' });
    expect(eventsOf(w, c.id).map((e) => e.type)).not.toContain('escalated');
  });
});
