/**
 * A staffed desk for the lifecycle tests: Dar es Salaam with two officers and a supervisor,
 * Arusha with an officer and a supervisor, one headquarters member, and a complaint in each
 * situation a right depends on (mine, a colleague's, unassigned in my region, another region's).
 */
import { file, HOUR, type World } from '../helpers/complaints';
import { hqStaff, officer, supervisor } from '../helpers/staff';
import { type StaffRow, type ComplaintRow } from '../../db/schema';

export interface Desk {
  neema: StaffRow;
  juma: StaffRow;
  darSup: StaffRow;
  aruOfficer: StaffRow;
  aruSup: StaffRow;
  hq: StaffRow;
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
  const neema = officer(w, 'DAR', { name: 'Neema Kweka', lang: 'en' });
  const juma = officer(w, 'DAR', { name: 'Juma Said', lang: 'sw' });
  const darSup = supervisor(w, 'DAR', { name: 'Rehema Mushi', lang: 'en' });
  const aruOfficer = officer(w, 'ARU', { name: 'Baraka Laizer' });
  const aruSup = supervisor(w, 'ARU', { name: 'Elia Sumari' });
  const hq = hqStaff(w, { name: 'Zawadi Mrema', lang: 'en' });
  const mine = file(w, { council: 'DAR-KIM', language: 'sw' });
  const jumas = file(w, { council: 'DAR-KIM', language: 'en', phone: '+255689000002' });
  const arusha = file(w, { council: 'ARU-ARC', phone: '+255689000003' });
  w.clock.advance(HOUR);
  if (mine.assigneeId !== neema.id || jumas.assigneeId !== juma.id) {
    throw new Error('desk: unexpected assignment');
  }
  if (unassigned.assigneeId !== null || arusha.assigneeId !== aruOfficer.id) {
    throw new Error('desk: unexpected assignment');
  }
  return { neema, juma, darSup, aruOfficer, aruSup, hq, mine, jumas, unassigned, arusha };
}
