/**
 * The lifecycle service on real SQLite: reopening (back to the owner, history kept) and every
 * invalid transition refused with a reason, changing nothing.
 */
import {
  reopenComplaint,
  replyToComplaint,
  resolveComplaint,
  setStatus,
  takeComplaint,
} from '../../src/complaints/actions';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
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
import { deactivate } from '../helpers/staff';
import { openDesk, type Desk } from './desk';

let w: World;
let d: Desk;
beforeEach(() => {
  w = openWorld();
  d = openDesk(w);
});
afterEach(() => w.close());

describe('reopenComplaint', () => {
  test.each(['resolved', 'closed'] as const)(
    'when a %s complaint is reopened, then it is assigned to the same owner with its number and history kept, and owner and citizen are told',
    (state) => {
      replyToComplaint(w.deps, d.neema.id, d.mine.number, 'Tunashughulikia.');
      const firstResponse = w.clock.now();
      resolveComplaint(w.deps, d.neema.id, d.mine.number, 'Imetatuliwa');
      if (state === 'closed') setStatus(w.deps, d.neema.id, d.mine.number, 'closed');
      w.clock.advance(HOUR);

      const r = reopenComplaint(w.deps, d.darSup.id, d.mine.number, 'Maji bado hayatoki');

      expect(r).toMatchObject({ ok: true, complaint: { id: d.mine.id, number: d.mine.number } });
      expect(complaintById(w, d.mine.id)).toMatchObject({
        status: 'assigned',
        assigneeId: d.neema.id,
        resolvedAt: null,
        closedAt: null,
        firstResponseAt: firstResponse,
      });
      const types = eventsOf(w, d.mine.id).map((e) => e.type);
      expect(types.slice(0, 4)).toEqual(['received', 'assigned', 'reply', 'resolved']);
      expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
        type: 'reopened',
        staffId: d.darSup.id,
        fromStatus: state,
        toStatus: 'assigned',
        note: 'Maji bado hayatoki',
      });
      const [owner, citizen] = outboxOf(w, d.mine.id).slice(-2);
      expect(owner).toMatchObject({
        toPhone: d.neema.phone,
        template: 'sms.staff.reopened',
        body: `Kero: complaint ${formatComplaintNumber(d.mine.number)} (Water, Kinondoni MC) was reopened: Maji bado hayatoki`,
      });
      expect(citizen).toMatchObject({ toPhone: CITIZEN, template: 'sms.reopened' });
    },
  );

  test('when the owner has left, then the reopened complaint goes to whoever the rule picks, with a reassigned event', () => {
    resolveComplaint(w.deps, d.neema.id, d.mine.number, 'Imetatuliwa');
    deactivate(w, d.neema);

    expect(reopenComplaint(w.deps, d.darSup.id, d.mine.number, 'Bado').ok).toBe(true);

    // No other officer covers Kinondoni (Juma covers Ubungo): the region's supervisor.
    expect(complaintById(w, d.mine.id)).toMatchObject({
      status: 'assigned',
      assigneeId: d.darSup.id,
    });
    expect(eventsOf(w, d.mine.id).at(-1)).toMatchObject({
      type: 'reassigned',
      assigneeId: d.darSup.id,
    });
  });
});

describe('invalid transitions are refused with a code and change nothing', () => {
  const none = () => undefined;
  const start = () => setStatus(w.deps, d.neema.id, d.mine.number, 'in_progress');
  const resolve = () => resolveComplaint(w.deps, d.neema.id, d.mine.number, 'Imetatuliwa');
  const mine = () => d.mine.number;
  const unassigned = () => d.unassigned.number;
  test.each([
    [
      'resolving a received complaint',
      none,
      () => resolveComplaint(w.deps, d.hq.id, d.unassigned.number, 'x'),
      unassigned,
      'badState',
      'received',
    ],
    [
      'replying to a received complaint',
      none,
      () => replyToComplaint(w.deps, d.hq.id, d.unassigned.number, 'x'),
      unassigned,
      'notAssigned',
      undefined,
    ],
    [
      'reopening an open complaint',
      none,
      () => reopenComplaint(w.deps, d.neema.id, d.mine.number, 'x'),
      mine,
      'badState',
      'assigned',
    ],
    [
      'closing an assigned complaint',
      none,
      () => setStatus(w.deps, d.neema.id, d.mine.number, 'closed'),
      mine,
      'badState',
      'assigned',
    ],
    ['starting a started complaint', start, start, mine, 'badState', 'in_progress'],
    ['resolving a resolved complaint', resolve, resolve, mine, 'badState', 'resolved'],
    [
      'replying to a resolved complaint',
      resolve,
      () => replyToComplaint(w.deps, d.neema.id, d.mine.number, 'x'),
      mine,
      'badState',
      'resolved',
    ],
    [
      'taking a resolved complaint',
      resolve,
      () => takeComplaint(w.deps, d.darSup.id, d.mine.number),
      mine,
      'badState',
      'resolved',
    ],
  ] as const)('when %s, then it is refused', (_what, setUp, attempt, numberOf, code, status) => {
    setUp();
    const before = snapshot(w);

    const r = attempt();

    const number = numberOf();
    expect(r).toEqual({
      ok: false,
      refusal:
        status === undefined ? { code, vars: { number } } : { code, vars: { number, status } },
    });
    expect(snapshot(w)).toEqual(before);
  });
});
