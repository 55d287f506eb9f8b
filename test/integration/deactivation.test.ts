/**
 * Deactivating a staff member on real SQLite: every open complaint moves by the assignment rule
 * with a `reassigned` event; resolved and closed ones stay; the departed person is never picked.
 */
import { replyToComplaint, resolveComplaint, setStatus } from '../../src/complaints/actions';
import {
  complaintById,
  eventsOf,
  file,
  HOUR,
  openWorld,
  outboxOf,
  snapshot,
  type World,
} from '../helpers/world';
import { deactivate, officer, supervisor } from '../helpers/staff';
import { deactivateStaff } from '../../src/directory/service';
import { runEscalations } from '../../src/complaints/escalation';
import { type StaffRow, type ComplaintRow } from '../../db/schema';

let w: World;
beforeEach(() => {
  w = openWorld();
});
afterEach(() => w.close());

/** Files `n` complaints in DOD-DOC, all landing on `owner` (the only officer active then). */
function loadOnto(owner: StaffRow, n: number) {
  return Array.from({ length: n }, () => {
    w.clock.advance(HOUR);
    const c = file(w, { council: 'DOD-DOC' });
    expect(c.assigneeId).toBe(owner.id);
    return c;
  });
}

describe('deactivateStaff: open complaints move on', () => {
  test('when an officer with open, resolved and closed complaints leaves, then only the open ones move, each with a reassigned event', () => {
    const leaving = officer(w, 'DOD', { name: 'Asha Mollel' });
    const [received, inProgress, resolved, closed] = loadOnto(leaving, 4) as [
      ComplaintRow,
      ComplaintRow,
      ComplaintRow,
      ComplaintRow,
    ];
    const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);
    ok(replyToComplaint(w.deps, leaving.id, inProgress.number, 'Tunafuatilia'));
    ok(resolveComplaint(w.deps, leaving.id, resolved.number, 'Imetatuliwa'));
    ok(resolveComplaint(w.deps, leaving.id, closed.number, 'Imetatuliwa'));
    ok(setStatus(w.deps, leaving.id, closed.number, 'closed'));
    const taker = officer(w, 'DOD', { lang: 'en' });
    const before = [resolved, closed].map((c) => complaintById(w, c.id));
    w.clock.advance(HOUR);

    expect(deactivate(w, leaving)).toEqual({ reassigned: 2 });

    const moved = [received, inProgress].map((c) => complaintById(w, c.id));
    expect(moved.map((c) => [c.assigneeId, c.status, c.level, c.updatedAt])).toEqual([
      [taker.id, 'assigned', 'council', w.clock.now()],
      [taker.id, 'in_progress', 'council', w.clock.now()],
    ]);
    for (const c of moved) {
      expect(eventsOf(w, c.id).at(-1)).toEqual(
        expect.objectContaining({
          type: 'reassigned',
          actor: 'system',
          assigneeId: taker.id,
          fromStatus: c.status,
          toStatus: c.status,
          note: 'Asha Mollel deactivated',
          createdAt: w.clock.now(),
        }),
      );
      expect(outboxOf(w, c.id).at(-1)).toMatchObject({
        toPhone: taker.phone,
        template: 'sms.staff.assigned',
      });
    }
    const after = before.map((c) => complaintById(w, c.id));
    expect(after).toEqual(before);
    expect(after.map((c) => c.assigneeId)).toEqual([leaving.id, leaving.id]);
  });

  test('when several open complaints move, then each goes to whoever has the fewest open at that moment', () => {
    const leaving = officer(w, 'DOD');
    const open = loadOnto(leaving, 4);
    const a = officer(w, 'DOD');
    const b = officer(w, 'DOD', { councils: ['DOD-DOC'] });

    deactivate(w, leaving);

    const owners = open.map((c) => complaintById(w, c.id).assigneeId);
    expect(owners.filter((id) => id === a.id)).toHaveLength(2);
    expect(owners.filter((id) => id === b.id)).toHaveLength(2);
  });

  test('when no other officer covers the council, then the supervisor takes them at region level', () => {
    const leaving = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    const open = loadOnto(leaving, 2);
    officer(w, 'DOD', { councils: ['DOD-BAD'] });
    officer(w, 'DAR');
    const sup = supervisor(w, 'DOD');

    deactivate(w, leaving);

    for (const c of open) {
      expect(complaintById(w, c.id)).toMatchObject({ assigneeId: sup.id, level: 'region' });
    }
  });

  test('when nobody is left in the region, then the complaints go to the headquarters queue with an event saying so', () => {
    const leaving = officer(w, 'DOD');
    const [c] = loadOnto(leaving, 1);

    deactivate(w, leaving);

    expect(complaintById(w, c!.id)).toMatchObject({ assigneeId: null, level: 'national' });
    expect(eventsOf(w, c!.id).at(-1)).toMatchObject({ type: 'reassigned', assigneeId: null });
  });

  test('when the departing officer is the least loaded, then they are still never picked, now or for new complaints', () => {
    const leaving = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    const other = officer(w, 'DOD');
    // other carries two complaints from a council only they cover; leaving has none there.
    expect(file(w, { council: 'DOD-BAD' }).assigneeId).toBe(other.id);
    expect(file(w, { council: 'DOD-BAD' }).assigneeId).toBe(other.id);
    w.clock.advance(HOUR);
    const mine = file(w, { council: 'DOD-DOC' });
    expect(mine.assigneeId).toBe(leaving.id);
    w.clock.advance(HOUR);

    deactivate(w, leaving);
    w.clock.advance(HOUR);
    const later = file(w, { council: 'DOD-DOC' });

    expect(complaintById(w, mine.id).assigneeId).toBe(other.id);
    expect(later.assigneeId).toBe(other.id);
    const picked = w.db.$client
      .prepare(
        'SELECT count(*) AS n FROM complaint_events WHERE assignee_id = ? AND created_at > ?',
      )
      .get(leaving.id, mine.createdAt) as { n: number };
    expect(picked.n).toBe(0);
  });

  test('when the phone is unknown or not a phone number, then it is refused and nothing changes', () => {
    officer(w, 'DOD');
    const before = snapshot(w);

    expect(deactivateStaff(w.db, w.ctx(), '0799 999 999')).toEqual({
      ok: false,
      errors: ['no staff member with phone +255799999999'],
    });
    expect(deactivateStaff(w.db, w.ctx(), 'asha')).toMatchObject({ ok: false });
    expect(snapshot(w)).toEqual(before);
  });
});

describe('deactivateStaff: escalated complaints keep their level', () => {
  test('when a supervisor holding an escalated complaint leaves, then it goes to another supervisor, not back to the officer', () => {
    const late = officer(w, 'DOD');
    const leaving = supervisor(w, 'DOD', { name: 'Leaving Supervisor' });
    const c = file(w, { council: 'DOD-DOC' });
    expect(c.assigneeId).toBe(late.id);
    w.clock.advance(10 * 24 * HOUR);
    const [escalated] = runEscalations(w.deps);
    expect(escalated).toMatchObject({ toLevel: 'region', toAssignee: leaving.id });
    const other = supervisor(w, 'DOD', { name: 'Other Supervisor' });

    expect(deactivate(w, leaving)).toEqual({ reassigned: 1 });

    expect(complaintById(w, c.id)).toMatchObject({ assigneeId: other.id, level: 'region' });
  });
});
