/**
 * Filing → assignment on real SQLite: who gets a new complaint (coverage, load, recency), the
 * supervisor and headquarters fall-backs, and the `assigned` event each leaves behind.
 */
import { resolveComplaint, replyToComplaint } from '../../src/complaints/actions';
import { complaintById, eventsOf, file, HOUR, openWorld, type World } from '../helpers/world';
import { deactivate, hqStaff, officer, reactivate, supervisor } from '../helpers/staff';

let w: World;
beforeEach(() => {
  w = openWorld();
});
afterEach(() => w.close());

describe('filing: which officer gets the complaint', () => {
  test('when one officer covers the council and another covers only other councils, then the one covering it gets it', () => {
    const elsewhere = officer(w, 'DAR', { councils: ['DAR-TEM', 'DAR-UBM'] });
    const kinondoni = officer(w, 'DAR', { councils: ['DAR-KIM'] });

    const c = file(w, { council: 'DAR-KIM' });

    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: kinondoni.id,
      level: 'council',
      status: 'assigned',
    });
    expect(c.assigneeId).not.toBe(elsewhere.id);
  });

  test('when the only officers cover other councils and one covers the whole region, then the whole-region officer gets it', () => {
    officer(w, 'DAR', { councils: ['DAR-TEM'] });
    const whole = officer(w, 'DAR');
    officer(w, 'ARU');

    const c = file(w, { council: 'DAR-UBM' });

    expect(c).toMatchObject({ assigneeId: whole.id, level: 'council', status: 'assigned' });
  });

  test('when an officer covers the council and another the whole region, then both are candidates and load decides', () => {
    const covering = officer(w, 'DAR', { councils: ['DAR-KIM'] });
    const whole = officer(w, 'DAR');

    const first = file(w, { council: 'DAR-KIM' });
    w.clock.advance(HOUR);
    const second = file(w, { council: 'DAR-KIM' });

    expect([first.assigneeId, second.assigneeId].sort()).toEqual([covering.id, whole.id].sort());
  });

  test('when officers carry different loads, then the one with the fewest open complaints gets it, even if assigned more recently', () => {
    const busy = officer(w, 'DOD');
    const light = officer(w, 'DOD');
    deactivate(w, light);
    file(w, { council: 'DOD-DOC' });
    w.clock.advance(HOUR);
    file(w, { council: 'DOD-DOC' });
    reactivate(w, light);
    w.clock.advance(HOUR);
    expect(file(w, { council: 'DOD-DOC' }).assigneeId).toBe(light.id);

    // busy: 2 open, assigned earlier; light: 1 open, assigned just now. Load beats recency.
    w.clock.advance(HOUR);
    const c = file(w, { council: 'DOD-DOC' });

    expect(c.assigneeId).toBe(light.id);
    expect(c.assigneeId).not.toBe(busy.id);
  });

  test('when loads tie, then the officer assigned least recently gets it, even with the higher id', () => {
    const a = officer(w, 'DOD');
    const b = officer(w, 'DOD');
    const c1 = file(w, { council: 'DOD-DOC' }); // a (never assigned, lower id)
    w.clock.advance(HOUR);
    const c2 = file(w, { council: 'DOD-DOC' }); // b (fewest open)
    expect([c1.assigneeId, c2.assigneeId]).toEqual([a.id, b.id]);

    // a's complaint is resolved: a has 0 open and gets the next one, at a later time than b's.
    w.clock.advance(HOUR);
    expect(replyToComplaint(w.deps, a.id, c1.number, 'Tunashughulikia').ok).toBe(true);
    expect(resolveComplaint(w.deps, a.id, c1.number, 'Bomba limetengenezwa').ok).toBe(true);
    w.clock.advance(HOUR);
    const c3 = file(w, { council: 'DOD-DOC' });
    expect(c3.assigneeId).toBe(a.id);

    // Now 1 open each; b was assigned before a's latest, so b wins the tie.
    w.clock.advance(HOUR);
    const c4 = file(w, { council: 'DOD-DOC' });
    expect(c4.assigneeId).toBe(b.id);
  });

  test('when an officer of another region has nothing to do, then they are never picked', () => {
    officer(w, 'ARU');
    const dar = officer(w, 'DAR');
    file(w, { council: 'DAR-KIM' });
    file(w, { council: 'DAR-KIM' });

    const c = file(w, { council: 'DAR-KIM' });

    expect(c.assigneeId).toBe(dar.id);
  });
});

describe('filing: fall-backs when no officer covers the council', () => {
  test('when no officer covers it, then the region supervisor gets it at region level', () => {
    officer(w, 'DAR', { councils: ['DAR-TEM'] });
    const sup = supervisor(w, 'DAR');
    supervisor(w, 'ARU');
    hqStaff(w);

    const c = file(w, { council: 'DAR-KIM' });

    expect(c).toMatchObject({ assigneeId: sup.id, level: 'region', status: 'assigned' });
  });

  test('when the region has no officer and no supervisor, then it waits in the headquarters queue: no assignee, level national, still received', () => {
    officer(w, 'ARU');
    supervisor(w, 'ARU');
    hqStaff(w);

    const c = file(w, { council: 'DAR-KIM' });

    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: null,
      level: 'national',
      status: 'received',
    });
    const assigned = eventsOf(w, c.id).filter((e) => e.type === 'assigned');
    expect(assigned).toEqual([
      expect.objectContaining({
        actor: 'system',
        assigneeId: null,
        fromStatus: 'received',
        toStatus: 'received',
      }),
    ]);
  });

  test('when the only covering officer is inactive, then they are not picked', () => {
    const gone = officer(w, 'DAR', { councils: ['DAR-KIM'] });
    const sup = supervisor(w, 'DAR');
    deactivate(w, gone);

    const c = file(w, { council: 'DAR-KIM' });

    expect(c).toMatchObject({ assigneeId: sup.id, level: 'region' });
  });
});

describe('filing: the history it writes', () => {
  test('when a complaint is filed and assigned, then its events are received then assigned (with the assignee) at the filing time', () => {
    const o = officer(w, 'DAR');
    const c = file(w, { council: 'DAR-KIM' });

    expect(eventsOf(w, c.id)).toEqual([
      expect.objectContaining({
        type: 'received',
        actor: 'citizen',
        toStatus: 'received',
        assigneeId: null,
        createdAt: w.clock.now(),
      }),
      expect.objectContaining({
        type: 'assigned',
        actor: 'system',
        fromStatus: 'received',
        toStatus: 'assigned',
        assigneeId: o.id,
        createdAt: w.clock.now(),
      }),
    ]);
  });

  test('when an officer is assigned, then their last-assigned time is the filing time', () => {
    const o = officer(w, 'DAR');
    w.clock.advance(3 * HOUR);
    file(w, { council: 'DAR-KIM' });

    const row = w.db.$client
      .prepare('SELECT last_assigned_at AS t FROM staff WHERE id = ?')
      .get(o.id) as { t: number };
    expect(row.t).toBe(w.clock.now());
  });
});
