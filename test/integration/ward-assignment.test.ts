/**
 * Ward officers on real SQLite (issue 19): a complaint matched to a ward goes to that ward's
 * officer first, then the council's, then the region's, load-balanced as before; an officer kept
 * to wards gets nothing else; when they leave, their complaints move by the same rule.
 */
import { complaintById, file, HOUR, openWorld, type World } from '../helpers/world';
import { deactivate, officer, supervisor } from '../helpers/staff';

let w: World;
beforeEach(() => {
  w = openWorld();
});
afterEach(() => w.close());

const MAKOLE = '41105';
const UHURU = '41101';

describe('filing with a ward', () => {
  test("when the ward has an officer, then the ward's officer gets it, not the council's or the region's", () => {
    const wide = officer(w, 'DOD');
    const council = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    const makole = officer(w, 'DOD', { wards: [MAKOLE] });

    const c = file(w, { council: 'DOD-DOC', place: 'makole', ward: MAKOLE, village: 'Makole' });

    expect(complaintById(w, c.id)).toMatchObject({
      assigneeId: makole.id,
      wardCode: '41105',
      level: 'council',
      status: 'assigned',
    });
    expect([wide.id, council.id]).not.toContain(c.assigneeId);
  });

  test("when a complaint names another ward or none, then the ward officer is passed over for the council's", () => {
    const makole = officer(w, 'DOD', { wards: [MAKOLE] });
    const council = officer(w, 'DOD', { councils: ['DOD-DOC'] });

    const uhuru = file(w, { council: 'DOD-DOC', ward: UHURU });
    w.clock.advance(HOUR);
    const typed = file(w, { council: 'DOD-DOC', place: 'sokoni' });

    expect([uhuru.assigneeId, typed.assigneeId]).toEqual([council.id, council.id]);
    expect(makole.id).not.toBe(council.id);
  });

  test('when a ward has two officers, then load decides between them as for councils', () => {
    const first = officer(w, 'DOD', { wards: [MAKOLE] });
    const second = officer(w, 'DOD', { wards: [MAKOLE, UHURU] });

    const owners = [0, 1, 2, 3].map(() => {
      w.clock.advance(HOUR);
      return file(w, { council: 'DOD-DOC', ward: MAKOLE, village: 'Makole' }).assigneeId;
    });

    expect(owners.filter((id) => id === first.id)).toHaveLength(2);
    expect(owners.filter((id) => id === second.id)).toHaveLength(2);
  });

  test("when the ward's officer leaves, then their open complaints go to the council's officer", () => {
    const makole = officer(w, 'DOD', { wards: [MAKOLE] });
    const boss = supervisor(w, 'DOD');
    const c = file(w, { council: 'DOD-DOC', ward: MAKOLE, village: 'Makole' });
    expect(c.assigneeId).toBe(makole.id);
    const council = officer(w, 'DOD', { councils: ['DOD-DOC'] });

    expect(deactivate(w, makole)).toEqual({ reassigned: 1 });

    expect(complaintById(w, c.id).assigneeId).toBe(council.id);
    expect(boss.id).not.toBe(council.id);
  });

  test('when only ward officers of other wards are in the region, then the supervisor gets it', () => {
    officer(w, 'DOD', { wards: [UHURU] });
    const boss = supervisor(w, 'DOD');

    expect(file(w, { council: 'DOD-DOC', ward: MAKOLE, village: 'Makole' })).toMatchObject({
      assigneeId: boss.id,
      level: 'region',
    });
  });
});
