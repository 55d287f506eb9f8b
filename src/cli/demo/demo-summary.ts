/**
 * What `npm run demo` prints when it is done: the demo complaints by status, how many are overdue
 * (work for the escalation check) and a few commands to try with real demo numbers.
 */
import type { Db } from '../../../db/client';
import { complaintStatuses } from '../../../db/schema';
import { complaintsOfChannel, oldestOwnedOfChannel } from '../../complaints/lists-repository';
import { firstStaffNamed } from '../../staff/repository';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { dueEscalation, type SlaPolicy } from '../../complaints/core/sla';

/** Lines: demo complaints by status, with the number overdue now. */
export function demoStatusLines(db: Db, now: number, policy: SlaPolicy): string[] {
  const rows = complaintsOfChannel(db, 'demo');
  const width = Math.max(...complaintStatuses.map((s) => s.length));
  const lines = complaintStatuses.map((s) => {
    const n = rows.filter((c) => c.status === s).length;
    return `  ${s.padEnd(width)}  ${String(n).padStart(4)}`;
  });
  const overdue = rows.filter((c) => dueEscalation(c, now, policy) !== undefined).length;
  return [
    `Demo complaints by status (${rows.length} in all):`,
    ...lines,
    `  ${overdue} of them are past their SLA now (work for the escalation check).`,
  ];
}

/** Lines: commands to try, with a demo officer's phone and one of their complaint numbers. */
export function demoTryLines(db: Db): string[] {
  const officer = firstStaffNamed(db, 'officer', 'Demo Officer ');
  const theirs = officer
    ? oldestOwnedOfChannel(db, { staffId: officer.id, status: 'assigned', channel: 'demo' })
    : undefined;
  const lines = ['', 'Things to try (with `npm start` running in another terminal):'];
  const tip = (command: string, what: string) => lines.push(`  ${command}`, `      ${what}`);
  tip('npm run ussd', 'file a complaint from +255712345678 (the simulated phone)');
  if (officer && theirs) {
    const n = formatComplaintNumber(theirs.number);
    const from = `npm run sms -- --from ${officer.phone}`;
    tip(`${from} "R ${n} Tunashughulikia"`, `as ${officer.name}, reply to ${n}, assigned to them`);
    tip(`${from} "DONE ${n} Tatizo limerekebishwa"`, 'resolve it');
    tip(
      `npm run ussd -- --phone ${theirs.citizenPhone} --script "2,${theirs.number}"`,
      "track it from the citizen's phone",
    );
  }
  tip('npm run kero -- escalate', 'escalate the complaints past their SLA');
  tip('npm run kero -- report', 'complaints by region and category');
  return lines;
}
