/**
 * The dashboard's known week: complaints filed in Dar es Salaam and Arusha from Monday 2 to
 * Sunday 8 March 2026 (and one either side), each with chosen reply, resolution, rating and
 * reopening times, so that every figure is known by construction. Office hours 07:30-15:30
 * (8 hours a working day).
 *
 * | id | filed (EAT)     | council | category | channel | reply           | resolved        | notes |
 * |----|-----------------|---------|----------|---------|-----------------|-----------------|-------|
 * | K  | Mon 02 00:00    | DAR-KIM | roads    | call    | -               | -               | open, first instant of the period |
 * | A  | Mon 02 08:00    | DAR-KIM | water    | ussd    | Mon 10:00 (2 h) | Tue 08:00 (8 h) | rated 5 |
 * | B  | Mon 02 14:30    | DAR-KIM | water    | sms     | Tue 09:30 (3 h) | Fri 15:30 (33 h)| rated 4, reopened once |
 * | G  | Mon 02 09:00    | DAR-TEM | water    | ussd    | -               | -               | both deadlines escalated |
 * | D  | Wed 04 07:00    | DAR-KIM | roads    | ussd    | Wed 11:30 (4 h) | Thu 07:30 (8 h) | rated 1 |
 * | E  | Thu 05 15:00    | DAR-UBM | water    | ussd    | Mon 9 10:00 (11 h) | -            | |
 * | C  | Sat 07 10:00    | DAR-UBM | health   | call    | Mon 9 08:30 (1 h)  | -            | weekend: 0 h until Monday |
 * | F  | Sun 08 20:00    | DAR-KIM | health   | sms     | -               | -               | nobody assigned |
 * | J  | Tue 03 10:00    | ARU-ARC | water    | ussd    | -               | -               | assigned to Neema (a Dar officer) |
 * | H  | Sun 01 23:59    | DAR-KIM | water    | ussd    | before the period |
 * | I  | Mon 09 00:00    | DAR-KIM | water    | ussd    | after the period  |
 *
 * Kinondoni's places were recognised as wards (issue 19): A (village Suna), D and H in Magomeni
 * (14101), B in Mzimuni (14102); K and F matched no ward.
 */
import { workingMsBetween } from '../../src/text/calendar';
import { eat } from '../helpers/world';
import type { ConsoleWorld } from './world';

export const WEEK = { from: '2026-03-02', to: '2026-03-08' };
export const NOW = eat('2026-03-12 09:00');

interface Seeded {
  filed: string;
  council: string;
  category: string;
  channel: string;
  reply?: string;
  resolved?: string;
  rating?: number;
  reopened?: number;
  status?: string;
  unassigned?: boolean;
  escalated?: boolean;
  assignTo?: number;
  ward?: string;
  village?: string;
}

/** Files the week's complaints and sets their later history; returns their numbers by letter. */
export function seedWeek(w: ConsoleWorld): Record<string, string> {
  const neema = w.desk.neema.id;
  const plan: Record<string, Seeded> = {
    K: { filed: '2026-03-02 00:00', council: 'DAR-KIM', category: 'roads', channel: 'call' },
    A: {
      filed: '2026-03-02 08:00',
      council: 'DAR-KIM',
      category: 'water',
      channel: 'ussd',
      reply: '2026-03-02 10:00',
      resolved: '2026-03-03 08:00',
      rating: 5,
      ward: '14101',
      village: 'Suna',
    },
    B: {
      filed: '2026-03-02 14:30',
      council: 'DAR-KIM',
      category: 'water',
      channel: 'sms',
      reply: '2026-03-03 09:30',
      resolved: '2026-03-06 15:30',
      rating: 4,
      reopened: 1,
      ward: '14102',
    },
    G: {
      filed: '2026-03-02 09:00',
      council: 'DAR-TEM',
      category: 'water',
      channel: 'ussd',
      escalated: true,
    },
    D: {
      filed: '2026-03-04 07:00',
      council: 'DAR-KIM',
      category: 'roads',
      channel: 'ussd',
      reply: '2026-03-04 11:30',
      resolved: '2026-03-05 07:30',
      rating: 1,
      ward: '14101',
    },
    E: {
      filed: '2026-03-05 15:00',
      council: 'DAR-UBM',
      category: 'water',
      channel: 'ussd',
      reply: '2026-03-09 10:00',
    },
    C: {
      filed: '2026-03-07 10:00',
      council: 'DAR-UBM',
      category: 'health',
      channel: 'call',
      reply: '2026-03-09 08:30',
    },
    F: {
      filed: '2026-03-08 20:00',
      council: 'DAR-KIM',
      category: 'health',
      channel: 'sms',
      status: 'received',
      unassigned: true,
    },
    J: {
      filed: '2026-03-03 10:00',
      council: 'ARU-ARC',
      category: 'water',
      channel: 'ussd',
      assignTo: neema,
    },
    H: {
      filed: '2026-03-01 23:59',
      council: 'DAR-KIM',
      category: 'water',
      channel: 'ussd',
      ward: '14101',
    },
    I: { filed: '2026-03-09 00:00', council: 'DAR-KIM', category: 'water', channel: 'ussd' },
  };
  const numbers: Record<string, string> = {};
  let phone = 100;
  for (const [letter, p] of Object.entries(plan)) {
    w.clock.set(eat(p.filed));
    const c = w.file({
      council: p.council,
      category: p.category,
      channel: p.channel,
      phone: `+255689000${phone++}`,
      ...(p.ward ? { ward: p.ward } : {}),
      ...(p.village ? { village: p.village } : {}),
    });
    numbers[letter] = c.number;
    const at = (s: string | undefined) => (s === undefined ? null : eat(s));
    // Office time as the console and SMS commands store it when they reply and resolve.
    const work = (s: string | undefined) =>
      s === undefined ? null : workingMsBetween(eat(p.filed), eat(s), w.console.hours);
    const status = p.status ?? (p.resolved ? 'resolved' : p.reply ? 'in_progress' : 'assigned');
    w.db.$client
      .prepare(
        `UPDATE complaints SET status = ?, first_response_at = ?, resolved_at = ?, rating = ?,
           reopen_count = ?, assignee_id = CASE WHEN ? THEN NULL ELSE coalesce(?, assignee_id) END,
           first_response_escalated_at = ?, resolution_escalated_at = ?,
           first_response_work_ms = ?, resolution_work_ms = ?
         WHERE id = ?`,
      )
      .run(
        status,
        at(p.reply),
        at(p.resolved),
        p.rating ?? null,
        p.reopened ?? 0,
        p.unassigned ? 1 : 0,
        p.assignTo ?? null,
        p.escalated ? eat('2026-03-06 00:00') : null,
        // Its resolution deadline (14 days) is still ahead on 12 March: escalated anyway, as
        // headquarters may. Figures come from deadlines, not these flags: it is no miss.
        p.escalated ? eat('2026-03-11 09:00') : null,
        work(p.reply),
        work(p.resolved),
        c.id,
      );
  }
  w.clock.set(NOW);
  return numbers;
}
