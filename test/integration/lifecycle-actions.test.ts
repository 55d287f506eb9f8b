/**
 * The lifecycle service on real SQLite: reply, note, resolve, set status. What each writes: the
 * complaint row, its event, and the SMS to the citizen (never for a note).
 */
import {
  addNote,
  replyToComplaint,
  resolveComplaint,
  setStatus,
} from '../../src/complaints/actions';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { isGsm7, smsParts } from '../../src/text/gsm7';
import {
  CITIZEN,
  complaintById,
  eventsOf,
  HOUR,
  openWorld,
  outboxOf,
  snapshot,
  type World,
} from '../helpers/world';
import { openDesk, type Desk } from './desk';

let w: World;
let d: Desk;
beforeEach(() => {
  w = openWorld();
  d = openDesk(w);
});
afterEach(() => w.close());

const lastSms = (id: number) => outboxOf(w, id).at(-1);

describe('replyToComplaint', () => {
  test('when the owner replies first, then it is in progress, the first-response time is set, the event is written and the citizen gets the reply', () => {
    const r = replyToComplaint(w.deps, d.neema.id, d.mine.number, '  Tunalifanyia kazi.  ');

    expect(r).toMatchObject({ ok: true, complaint: { status: 'in_progress' } });
    expect(complaintById(w, d.mine.id)).toMatchObject({
      status: 'in_progress',
      firstResponseAt: w.clock.now(),
      updatedAt: w.clock.now(),
    });
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      type: 'reply',
      actor: `staff:${d.neema.id}`,
      staffId: d.neema.id,
      fromStatus: 'assigned',
      toStatus: 'in_progress',
      note: 'Tunalifanyia kazi.',
    });
    expect(lastSms(d.mine.id)).toMatchObject({
      toPhone: CITIZEN,
      template: 'sms.reply',
      body: `OR-TAMISEMI, lalamiko ${formatComplaintNumber(d.mine.number)}: Tunalifanyia kazi.`,
    });
  });

  test('when the owner replies a second time, then the first-response time does not move and a second SMS goes out', () => {
    replyToComplaint(w.deps, d.neema.id, d.mine.number, 'Tunalifanyia kazi.');
    const first = w.clock.now();
    w.clock.advance(5 * HOUR);

    const r = replyToComplaint(w.deps, d.neema.id, d.mine.number, 'Fundi anakuja kesho.');

    expect(r.ok).toBe(true);
    expect(complaintById(w, d.mine.id)).toMatchObject({
      status: 'in_progress',
      firstResponseAt: first,
      updatedAt: w.clock.now(),
    });
    expect(outboxOf(w, d.mine.id).filter((m) => m.template === 'sms.reply')).toHaveLength(2);
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
    });
  });

  test('when the reply is long and has emoji, then the SMS is GSM-7 in at most 2 parts and the event keeps the whole text', () => {
    const message = `Habari 🙏🏽 ${'tumepokea taarifa yako na tunaishughulikia. '.repeat(9)}`.trim();

    replyToComplaint(w.deps, d.neema.id, d.mine.number, message);

    const sms = lastSms(d.mine.id)!;
    expect(isGsm7(sms.body)).toBe(true);
    expect(smsParts(sms.body).parts).toBeLessThanOrEqual(2);
    expect(sms.body.endsWith('..')).toBe(true);
    expect(eventsOf(w, d.mine.id).at(-1)?.note).toBe(message);
  });

  test('when the reply is blank, then it is refused as empty and nothing changes', () => {
    const before = snapshot(w);
    expect(replyToComplaint(w.deps, d.neema.id, d.mine.number, '   ')).toEqual({
      ok: false,
      refusal: { code: 'empty', vars: { field: 'message' } },
    });
    expect(snapshot(w)).toEqual(before);
  });
});

describe('addNote', () => {
  test('when staff add a note, then it is an event with the note, the status stays and no SMS is queued', () => {
    const sms = outboxOf(w, d.mine.id).length;

    const r = addNote(w.deps, d.neema.id, d.mine.number, 'Nimeongea na mhandisi wa maji.');

    expect(r).toMatchObject({ ok: true, complaint: { status: 'assigned' } });
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      type: 'note',
      staffId: d.neema.id,
      fromStatus: 'assigned',
      toStatus: 'assigned',
      note: 'Nimeongea na mhandisi wa maji.',
    });
    expect(outboxOf(w, d.mine.id)).toHaveLength(sms);
    expect(complaintById(w, d.mine.id).firstResponseAt).toBeNull();
  });

  test('when a note is added to a resolved complaint, then it is accepted and still sends nothing', () => {
    resolveComplaint(w.deps, d.neema.id, d.mine.number, 'Imetatuliwa');
    const sms = outboxOf(w, d.mine.id).length;

    expect(addNote(w.deps, d.neema.id, d.mine.number, 'Mwananchi ameridhika').ok).toBe(true);
    expect(outboxOf(w, d.mine.id)).toHaveLength(sms);
  });
});

describe('resolveComplaint and setStatus', () => {
  test('when the owner resolves, then resolved_at is set, the event has the note and the citizen is asked to rate 1-5', () => {
    replyToComplaint(w.deps, d.neema.id, d.mine.number, 'Tunashughulikia.');
    w.clock.advance(HOUR);

    const r = resolveComplaint(w.deps, d.neema.id, d.mine.number, 'Bomba limetengenezwa');

    expect(r).toMatchObject({ ok: true, complaint: { status: 'resolved' } });
    expect(complaintById(w, d.mine.id).resolvedAt).toBe(w.clock.now());
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      type: 'resolved',
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      note: 'Bomba limetengenezwa',
    });
    expect(lastSms(d.mine.id)).toMatchObject({
      toPhone: CITIZEN,
      template: 'sms.resolved',
      body: `OR-TAMISEMI: Lalamiko lako ${formatComplaintNumber(d.mine.number)} limetatuliwa: Bomba limetengenezwa. Tafadhali tathmini huduma: jibu kwa namba 1 (mbaya sana) hadi 5 (nzuri sana).`,
    });
  });

  test('when the resolution note is long and has emoji, then the note is cut, the rating request kept, in at most 2 GSM-7 parts', () => {
    const note = `Tatizo limekwisha 👍 ${'bomba kuu limebadilishwa na maji yanatoka. '.repeat(8)}`;

    expect(resolveComplaint(w.deps, d.neema.id, d.mine.number, note).ok).toBe(true);

    const sms = lastSms(d.mine.id)!;
    expect(isGsm7(sms.body)).toBe(true);
    expect(smsParts(sms.body).parts).toBeLessThanOrEqual(2);
    expect(sms.body).toContain('Tatizo limekwisha ? bomba kuu');
    expect(sms.body.endsWith('jibu kwa namba 1 (mbaya sana) hadi 5 (nzuri sana).')).toBe(true);
  });

  test('when the status is set to in_progress, then it is a status event with no SMS and no first response', () => {
    const sms = outboxOf(w, d.mine.id).length;

    expect(setStatus(w.deps, d.neema.id, d.mine.number, 'in_progress').ok).toBe(true);

    expect(complaintById(w, d.mine.id)).toMatchObject({
      status: 'in_progress',
      firstResponseAt: null,
    });
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      type: 'status',
      toStatus: 'in_progress',
    });
    expect(outboxOf(w, d.mine.id)).toHaveLength(sms);
  });

  test('when a resolved complaint is set to closed, then closed_at is set', () => {
    setStatus(w.deps, d.neema.id, d.mine.number, 'resolved', 'Imekamilika');
    w.clock.advance(HOUR);

    expect(setStatus(w.deps, d.neema.id, d.mine.number, 'closed').ok).toBe(true);
    expect(complaintById(w, d.mine.id)).toMatchObject({
      status: 'closed',
      closedAt: w.clock.now(),
    });
  });
});
