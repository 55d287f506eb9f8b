/**
 * The history of a bench complaint, as the services would have written it: filed by USSD and
 * acknowledged by SMS, given to its owner (who is told by SMS), answered, escalated when late,
 * noted, resolved and closed; each SMS sent and delivered. Raw prepared statements.
 */
import type Database from 'better-sqlite3';
import { NOTES, REPLIES, RESOLUTIONS } from './console-seed-text';
import type { Shape } from './console-seed-shape';

export interface Filed {
  id: number;
  number: string;
  citizenPhone: string;
  created: number;
  ownerId: number | null;
  /** The owner at filing (before any escalation). */
  firstOwnerId: number | null;
  shape: Shape;
}

export interface TimelineWriter {
  /** The acknowledgement every complaint gets. */
  acknowledge(c: Filed): void;
  /** The whole history; returns how many events it wrote. */
  history(c: Filed, pickText: <T>(items: readonly T[]) => T): number;
}

export function timelineWriter(
  sqlite: Database.Database,
  phoneOf: (staffId: number) => string,
): TimelineWriter {
  const sms = sqlite.prepare(
    `INSERT INTO sms_outbox (to_phone, body, template, complaint_id, status, attempts,
       next_attempt_at, message_id, delivery_status, delivered_at, created_at, sent_at)
     VALUES (?, ?, ?, ?, 'sent', 1, ?, ?, 'Success', ?, ?, ?)`,
  );
  const event = sqlite.prepare(
    `INSERT INTO complaint_events (complaint_id, type, actor, from_status, to_status, note,
       staff_id, assignee_id, source, sms_id, created_at)
     VALUES (@complaintId, @type, @actor, @from, @to, @note, @staffId, @assigneeId, @source,
       @smsId, @at)`,
  );
  let messageSeq = 0;
  const send = (c: Filed, to: string, template: string, body: string, at: number): number =>
    Number(
      sms.run(to, body, template, c.id, at, `ATXid_bench_${messageSeq++}`, at + 4000, at, at + 1000)
        .lastInsertRowid,
    );
  const write = (
    c: Filed,
    e: { type: string; actor: string; from?: string; to?: string; note?: string },
    o: { staffId?: number | null; assigneeId?: number | null; source: string; smsId?: number },
    at: number,
  ): void => {
    event.run({
      complaintId: c.id,
      from: null,
      to: null,
      note: null,
      ...e,
      staffId: o.staffId ?? null,
      assigneeId: o.assigneeId ?? null,
      source: o.source,
      smsId: o.smsId ?? null,
      at,
    });
  };
  return {
    acknowledge(c) {
      const body = `Malalamiko yako ${c.number} yamepokelewa. Utapata taarifa kwa SMS.`;
      send(c, c.citizenPhone, 'sms.received', body, c.created);
    },
    history(c, pickText) {
      const s = c.shape;
      const owner = c.firstOwnerId;
      let n = 0;
      write(
        c,
        { type: 'received', actor: 'citizen', to: 'received' },
        { source: 'ussd' },
        c.created,
      );
      const assigned = { type: 'assigned', actor: 'system', from: 'received', to: 'assigned' };
      write(c, assigned, { assigneeId: owner, source: 'system' }, c.created + 5);
      n += 2;
      if (owner !== null) {
        send(c, phoneOf(owner), 'sms.staff.assigned', `Lalamiko ${c.number} ni lako.`, c.created);
        send(c, c.citizenPhone, 'sms.assigned', `Lalamiko ${c.number} limepewa afisa.`, c.created);
      }
      const actor = owner ?? c.ownerId;
      if (s.firstResponseEscalatedAt !== null) {
        const at = s.firstResponseEscalatedAt;
        const to = s.owner === 'supervisor' ? c.ownerId : owner;
        write(c, { type: 'escalated', actor: 'system' }, { assigneeId: to, source: 'system' }, at);
        n++;
      }
      if (s.firstResponseAt !== null && actor !== null) {
        const text = pickText(REPLIES);
        const at = s.firstResponseAt;
        const smsId = send(c, c.citizenPhone, 'sms.reply', text, at);
        const reply = { type: 'reply', actor: `staff:${actor}`, to: 'in_progress', note: text };
        write(c, reply, { staffId: actor, source: 'sms', smsId }, at);
        const note = { type: 'note', actor: `staff:${actor}`, note: pickText(NOTES) };
        write(c, note, { staffId: actor, source: 'console' }, at + 600_000);
        n += 2;
      }
      if (s.resolutionEscalatedAt !== null) {
        const at = s.resolutionEscalatedAt;
        const to = s.owner === 'hq' ? c.ownerId : null;
        write(c, { type: 'escalated', actor: 'system' }, { assigneeId: to, source: 'system' }, at);
        n++;
      }
      if (s.resolvedAt !== null && actor !== null) {
        const text = pickText(RESOLUTIONS);
        const smsId = send(c, c.citizenPhone, 'sms.resolved', text, s.resolvedAt);
        const e = { type: 'resolved', actor: `staff:${actor}`, to: 'resolved', note: text };
        write(c, e, { staffId: actor, source: 'console', smsId }, s.resolvedAt);
        n++;
      }
      if (s.closedAt !== null) {
        const e = { type: 'closed', actor: 'system', from: 'resolved', to: 'closed' };
        write(c, e, { source: 'system' }, s.closedAt);
        n++;
      }
      return n;
    },
  };
}
