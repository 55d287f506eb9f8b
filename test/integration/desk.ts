/**
 * A staffed desk for the lifecycle tests: Dar es Salaam with two officers and a supervisor,
 * Arusha with an officer and a supervisor, one headquarters member, and a complaint in each
 * situation a right depends on (mine, a colleague's, unassigned in my region, another region's).
 */
import { type ComplaintRow } from '../../db/schema';
import { hireInput } from '../helpers/staff';
import { file, hireDesk, HOUR, type DeskStaff, type World } from '../helpers/world';

/** The desk's staff (test/helpers/world.ts DESK) and a complaint in each situation. */
export interface Desk extends DeskStaff {
  /** Assigned to neema. */
  mine: ComplaintRow;
  /** Assigned to juma. */
  jumas: ComplaintRow;
  /** In Dar es Salaam, filed before anyone worked there: no assignee, still received. */
  unassigned: ComplaintRow;
  /** Assigned to the Arusha officer. */
  arusha: ComplaintRow;
}

export function openDesk(w: World): Desk {
  const unassigned = file(w, { council: 'DAR-UBM', description: 'Barabara imeharibika kabisa.' });
  w.clock.advance(HOUR);
  const staff = hireDesk((input) => hireInput(w, input));
  const { neema, juma, aruOfficer } = staff;
  const mine = file(w, { council: 'DAR-KIM', language: 'sw' });
  const jumas = file(w, { council: 'DAR-UBM', language: 'en', phone: '+255689000002' });
  const arusha = file(w, { council: 'ARU-ARC', phone: '+255689000003' });
  w.clock.advance(HOUR);
  if (mine.assigneeId !== neema.id || jumas.assigneeId !== juma.id) {
    throw new Error('desk: unexpected assignment');
  }
  if (unassigned.assigneeId !== null || arusha.assigneeId !== aruOfficer.id) {
    throw new Error('desk: unexpected assignment');
  }
  return { ...staff, mine, jumas, unassigned, arusha };
}
