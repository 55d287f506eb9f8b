/**
 * The report's cells (migration 0010's triggers) always equal what counting the complaints
 * themselves gives, whatever changes them: filings, lifecycle steps, moves to another region or
 * category, escalations, deletions, in any order. And the report built on them gives the medians
 * a hand count gives, for all time, a period and a region.
 */
import { sql } from 'drizzle-orm';
import { complaintReport } from '../../src/reports/report';
import { seededRandomInt } from '../helpers/app';
import { DAY, HOUR, eat, file, openWorld, type World } from '../helpers/world';

let w: World;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-02 08:00') });
});
afterEach(() => w.close());

const CELLS = sql`SELECT region_code, category_code, day, total, received, assigned,
  in_progress, resolved, closed, breaches, answered, done FROM report_cells WHERE total > 0
  ORDER BY 1, 2, 3`;
const COUNTED = sql`SELECT region_code, category_code, (created_at + 10800000) / 86400000 AS day,
  count(*) AS total, sum(status = 'received') AS received, sum(status = 'assigned') AS assigned,
  sum(status = 'in_progress') AS in_progress, sum(status = 'resolved') AS resolved,
  sum(status = 'closed') AS closed,
  sum(first_response_escalated_at IS NOT NULL OR resolution_escalated_at IS NOT NULL) AS breaches,
  sum(first_response_at IS NOT NULL) AS answered, sum(resolved_at IS NOT NULL) AS done
  FROM complaints GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

describe('the report cells', () => {
  it('follow every kind of change to the complaints', () => {
    const random = seededRandomInt(2026);
    const councils = ['DAR-KIM', 'DAR-UBM', 'ARU-ARC', 'DOD-BAD'];
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      w.clock.advance(random(20) * HOUR);
      ids.push(file(w, { council: councils[random(councils.length)] ?? 'DAR-KIM' }).id);
    }
    const db = w.db.$client;
    const pick = () => ids[random(ids.length)] ?? 0;
    const changes = [
      (id: number) =>
        db.prepare(`UPDATE complaints SET status = 'in_progress' WHERE id = ?`).run(id),
      (id: number) =>
        db
          .prepare(`UPDATE complaints SET first_response_at = created_at + ? WHERE id = ?`)
          .run(random(100) * HOUR, id),
      (id: number) =>
        db
          .prepare(
            `UPDATE complaints SET status = 'resolved', resolved_at = created_at + ? WHERE id = ?`,
          )
          .run(random(300) * HOUR, id),
      (id: number) =>
        db
          .prepare(`UPDATE complaints SET status = 'closed', closed_at = ? WHERE id = ?`)
          .run(w.clock.now(), id),
      (id: number) =>
        db
          .prepare(`UPDATE complaints SET status = 'assigned', resolved_at = NULL WHERE id = ?`)
          .run(id), // reopened
      (id: number) =>
        db
          .prepare(`UPDATE complaints SET first_response_escalated_at = ? WHERE id = ?`)
          .run(w.clock.now(), id),
      (id: number) =>
        db
          .prepare(
            `UPDATE complaints SET region_code = 'MWA', council_code = 'MWA-BUD' WHERE id = ?`,
          )
          .run(id),
      (id: number) =>
        db.prepare(`UPDATE complaints SET category_code = 'health' WHERE id = ?`).run(id),
      (id: number) =>
        db.prepare(`UPDATE complaints SET created_at = created_at - ? WHERE id = ?`).run(DAY, id),
      (id: number) => db.prepare(`UPDATE complaints SET description = 'x' WHERE id = ?`).run(id),
    ];
    for (let i = 0; i < 400; i++) (changes[random(changes.length)] ?? (() => undefined))(pick());
    const gone = ids.splice(0, 5);
    for (const id of gone) {
      db.prepare('DELETE FROM complaint_events WHERE complaint_id = ?').run(id);
      db.prepare('DELETE FROM sms_outbox WHERE complaint_id = ?').run(id);
      db.prepare('DELETE FROM complaints WHERE id = ?').run(id);
    }
    const counted = w.db.all(COUNTED);
    expect(counted.length).toBeGreaterThan(20);
    expect(w.db.all(CELLS)).toEqual(counted);
  });

  it.each(['walk', 'scan'] as const)(
    'give the report the hand-counted figures and medians, for all time, a period and a region (medians by %s)',
    (strategy) => {
      const db = w.db.$client;
      // ARU water: answered after 1, 2, 4, 8 h (median 3), resolved after 10 and 30 h (median 20).
      // ARU health: answered after 5 h. DAR water, filed in April: answered after 7 h.
      const rows: [string, string, string, number | null, number | null][] = [
        ['ARU-ARC', 'water', '2026-03-02 09:00', 1, 10],
        ['ARU-ARC', 'water', '2026-03-10 09:00', 2, 30],
        ['ARU-ARC', 'water', '2026-03-31 23:59', 4, null],
        ['ARU-ARC', 'water', '2026-04-01 00:00', 8, null],
        ['ARU-ARC', 'health', '2026-03-05 09:00', 5, null],
        ['DAR-KIM', 'water', '2026-04-02 09:00', 7, null],
      ];
      for (const [council, category, at, answered, resolved] of rows) {
        const c = file(w, { council, category });
        const created = eat(at);
        db.prepare(
          `UPDATE complaints SET created_at = ?, first_response_at = ?, resolved_at = ?,
           status = CASE WHEN ? IS NULL THEN 'in_progress' ELSE 'resolved' END WHERE id = ?`,
        ).run(
          created,
          answered === null ? null : created + answered * HOUR,
          resolved === null ? null : created + resolved * HOUR,
          resolved,
          c.id,
        );
      }
      const all = complaintReport(w.db, {}, strategy);
      expect(
        all.rows.map((r) => [
          r.regionCode,
          r.categoryCode,
          r.total,
          r.medianFirstResponseHours,
          r.medianResolutionHours,
        ]),
      ).toEqual([
        ['ARU', 'health', 1, 5, null],
        ['ARU', 'water', 4, 3, 20],
        ['DAR', 'water', 1, 7, null],
      ]);
      // All six answered: 1, 2, 4, 5, 7, 8 h.
      expect(all.total).toMatchObject({ total: 6, inProgress: 4, resolved: 2 });
      expect(all.total.medianFirstResponseHours).toBe(4.5);
      expect(all.total.medianResolutionHours).toBe(20);

      // March, Tanzanian time: 23:59 on the 31st is in, midnight on 1 April is not.
      const march = complaintReport(
        w.db,
        { from: eat('2026-03-01 00:00'), until: eat('2026-04-01 00:00') },
        strategy,
      );
      expect(march.rows.map((r) => [r.categoryCode, r.total, r.medianFirstResponseHours])).toEqual([
        ['health', 1, 5],
        ['water', 3, 2],
      ]);
      expect(march.total.medianFirstResponseHours).toBe(3); // 1, 2, 4, 5

      const aru = complaintReport(w.db, { regionCode: 'ARU' }, strategy);
      expect(aru.total.total).toBe(5);
      expect(aru.total.medianFirstResponseHours).toBe(4); // 1, 2, 4, 5, 8
      const aruApril = complaintReport(
        w.db,
        { regionCode: 'ARU', from: eat('2026-04-01 00:00'), until: eat('2026-05-01 00:00') },
        strategy,
      );
      expect(aruApril.rows.map((r) => [r.categoryCode, r.total])).toEqual([['water', 1]]);
      expect(aruApril.total.medianFirstResponseHours).toBe(8);
      expect(aruApril.total.medianResolutionHours).toBeNull();
    },
  );

  it('refuses a period that does not start at midnight, Tanzanian time', () => {
    expect(() => complaintReport(w.db, { from: eat('2026-03-01 10:00') })).toThrow(/midnight/);
  });
});
