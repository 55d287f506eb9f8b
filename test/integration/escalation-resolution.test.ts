/**
 * Resolution escalation and auto-close on real SQLite: not resolved within 14 days goes to
 * headquarters, once; resolved complaints close by themselves 14 days after resolution.
 */
import { firstResponseDue, resolutionDue } from '../../src/complaints/core/sla';
import { inTransaction } from '../../db/client';
import { replyToComplaint, resolveComplaint } from '../../src/complaints/actions';
import { runAutoClose, runEscalations, runSlaTick } from '../../src/complaints/escalation';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import {
  CITIZEN,
  complaintById,
  DAY,
  eat,
  eventsOf,
  file,
  HOUR,
  openWorld,
  outboxOf,
  snapshot,
  type World,
} from '../helpers/world';
import { insertComplaint, upsertCitizen } from '../../src/complaints/repository';
import { T0 } from '../helpers/app';
import { hqStaff, officer, supervisor } from '../helpers/staff';

let w: World;
beforeEach(() => {
  w = openWorld();
});
afterEach(() => w.close());

describe('resolution: not resolved within 14 days', () => {
  test('when a replied complaint is still open after 14 days, then it goes to headquarters at exactly 14 days, with event and SMS', () => {
    const o = officer(w, 'DAR');
    supervisor(w, 'DAR');
    const hq = hqStaff(w, { lang: 'en' });
    const c = file(w, { council: 'DAR-KIM', language: 'sw', category: 'roads' });
    w.clock.advance(2 * HOUR);
    replyToComplaint(w.deps, o.id, c.number, 'Tunashughulikia');
    const number = formatComplaintNumber(c.number);

    w.clock.set(T0 + 14 * DAY - 1);
    expect(runEscalations(w.deps)).toEqual([]);
    w.clock.set(T0 + 14 * DAY);
    const { escalated } = runSlaTick(w.deps);

    expect(escalated).toEqual([
      {
        number: c.number,
        breach: 'resolution',
        fromLevel: 'council',
        toLevel: 'national',
        fromAssignee: o.id,
        toAssignee: hq.id,
      },
    ]);
    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: hq.id,
      level: 'national',
      status: 'in_progress',
      resolutionEscalatedAt: w.clock.now(),
    });
    expect(eventsOf(w, c.id).at(-1)).toMatchObject({
      type: 'escalated',
      assigneeId: hq.id,
      note: 'not resolved within the SLA',
    });
    expect(
      outboxOf(w, c.id)
        .slice(-2)
        .map((m) => [m.toPhone, m.body]),
    ).toEqual([
      [
        CITIZEN,
        `OR-TAMISEMI: Lalamiko lako ${number} limepelekwa ngazi ya makao makuu kwa sababu halikushughulikiwa kwa wakati.`,
      ],
      [
        hq.phone,
        `Kero: complaint ${number} (Roads, Kinondoni MC) escalated to you: not resolved in time. "Maji hayatoki kijijini tangu wiki iliyopita.". Reply by SMS: R ${number} <message>`,
      ],
    ]);
  });

  test('when a complaint is never answered, then it escalates twice over 20 days: to the region at 3 working days, to headquarters at 14 days', () => {
    officer(w, 'DAR');
    const sup = supervisor(w, 'DAR');
    const hq = hqStaff(w);
    const c = file(w, { council: 'DAR-KIM' });

    const seen = [];
    for (let h = 3; h <= 20 * 24; h += 3) {
      w.clock.set(T0 + h * HOUR);
      seen.push(...runSlaTick(w.deps).escalated.map((e) => ({ ...e, at: w.clock.now() - T0 })));
    }

    // Filed Thursday: Friday, Monday, Tuesday are the 3 working days; due at Tuesday midnight EAT.
    expect(seen).toEqual([
      expect.objectContaining({
        breach: 'first_response',
        toLevel: 'region',
        toAssignee: sup.id,
        at: eat('2026-03-18 00:00') - T0,
      }),
      expect.objectContaining({
        breach: 'resolution',
        toLevel: 'national',
        toAssignee: hq.id,
        at: 14 * DAY,
      }),
    ]);
    expect(eventsOf(w, c.id).filter((e) => e.type === 'escalated')).toHaveLength(2);
    expect(outboxOf(w, c.id).filter((m) => m.template === 'sms.escalated')).toHaveLength(2);
  });

  test('when the run is repeated after a resolution escalation, then nothing more happens', () => {
    officer(w, 'DAR');
    hqStaff(w);
    file(w, { council: 'DAR-KIM' });
    w.clock.set(T0 + 15 * DAY);
    expect(runSlaTick(w.deps).escalated).toMatchObject([{ breach: 'resolution' }]);
    const after = snapshot(w);

    w.clock.advance(HOUR);
    expect(runSlaTick(w.deps)).toEqual({ escalated: [], closed: [] });
    w.clock.advance(30 * DAY);
    expect(runSlaTick(w.deps)).toEqual({ escalated: [], closed: [] });
    expect(snapshot(w)).toEqual(after);
  });

  test('when headquarters already owns it (no supervisor at the first breach), then the resolution breach is marked once, without moving or SMS', () => {
    officer(w, 'DAR');
    const hq = hqStaff(w);
    const c = file(w, { council: 'DAR-KIM' });
    w.clock.set(T0 + 7 * DAY);
    expect(runEscalations(w.deps)).toMatchObject([{ toAssignee: hq.id, toLevel: 'national' }]);
    const sms = outboxOf(w, c.id).length;

    w.clock.set(T0 + 14 * DAY);
    runEscalations(w.deps);
    w.clock.advance(DAY);
    runEscalations(w.deps);

    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: hq.id,
      resolutionEscalatedAt: T0 + 14 * DAY,
    });
    expect(eventsOf(w, c.id).filter((e) => e.type === 'sla_breach')).toHaveLength(1);
    expect(outboxOf(w, c.id)).toHaveLength(sms);
  });

  test('when the complaint was resolved in time, then it never escalates', () => {
    const o = officer(w, 'DAR');
    hqStaff(w);
    const c = file(w, { council: 'DAR-KIM' });
    w.clock.advance(DAY);
    resolveComplaint(w.deps, o.id, c.number, 'Imetatuliwa');

    w.clock.set(T0 + 14 * DAY + HOUR);
    expect(runEscalations(w.deps)).toEqual([]);
  });

  test('when more complaints are due than one batch holds, then every one of them escalates in one run', () => {
    const o = officer(w, 'DAR');
    const sup = supervisor(w, 'DAR');
    const n = 501;
    // Bulk rows through the real repository (filing each one costs ~10x more and adds nothing).
    inTransaction(w.db, (tx) => {
      upsertCitizen(tx, CITIZEN, 'sw', T0);
      for (let i = 0; i < n; i++) {
        insertComplaint(tx, {
          number: w.nextNumber(),
          citizenPhone: CITIZEN,
          regionCode: 'DAR',
          councilCode: 'DAR-KIM',
          categoryCode: 'water',
          place: null,
          wardCode: null,
          village: null,
          placeKey: null,
          description: 'Maji hayatoki',
          anonymous: false,
          language: 'sw',
          channel: 'ussd',
          status: 'assigned',
          level: 'council',
          assigneeId: o.id,
          firstResponseDueAt: firstResponseDue(T0, w.deps.policy),
          resolutionDueAt: resolutionDue(T0, w.deps.policy),
          createdAt: T0,
          updatedAt: T0,
        });
      }
    });

    w.clock.set(T0 + 6 * DAY);
    const escalated = runEscalations(w.deps);

    expect(escalated).toHaveLength(n);
    expect(new Set(escalated.map((e) => e.number)).size).toBe(n);
    const left = w.db.$client
      .prepare('SELECT count(*) AS n FROM complaints WHERE assignee_id IS NOT ?')
      .get(sup.id) as { n: number };
    expect(left.n).toBe(0);
  });
});

describe('auto-close: 14 days after resolution', () => {
  test('when a complaint was resolved 14 days ago, then it closes by itself with a closed event, once', () => {
    const o = officer(w, 'DAR');
    const c = file(w, { council: 'DAR-KIM' });
    replyToComplaint(w.deps, o.id, c.number, 'Tunashughulikia');
    w.clock.advance(2 * DAY);
    resolveComplaint(w.deps, o.id, c.number, 'Imetatuliwa');
    const resolvedAt = w.clock.now();

    w.clock.set(resolvedAt + 14 * DAY - 1);
    expect(runAutoClose(w.deps)).toEqual([]);
    expect(complaintById(w, c.id).status).toBe('resolved');

    w.clock.set(resolvedAt + 14 * DAY);
    expect(runSlaTick(w.deps)).toEqual({ escalated: [], closed: [c.number] });
    expect(complaintById(w, c.id)).toMatchObject({
      status: 'closed',
      closedAt: w.clock.now(),
      resolvedAt,
    });
    expect(eventsOf(w, c.id).at(-1)).toMatchObject({
      type: 'closed',
      actor: 'system',
      fromStatus: 'resolved',
      toStatus: 'closed',
      createdAt: w.clock.now(),
    });

    w.clock.advance(DAY);
    expect(runSlaTick(w.deps).closed).toEqual([]);
    expect(eventsOf(w, c.id).filter((e) => e.type === 'closed')).toHaveLength(1);
  });

  test('when a complaint is open or was resolved less than 14 days ago, then it is not closed', () => {
    const o = officer(w, 'DAR');
    const open = file(w, { council: 'DAR-KIM' });
    const recent = file(w, { council: 'DAR-KIM' });
    w.clock.advance(10 * DAY);
    resolveComplaint(w.deps, o.id, recent.number, 'Imetatuliwa');

    w.clock.advance(13 * DAY);
    expect(runAutoClose(w.deps)).toEqual([]);
    expect(complaintById(w, open.id).status).not.toBe('closed');
    expect(complaintById(w, recent.id).status).toBe('resolved');
  });
});
