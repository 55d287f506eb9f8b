/**
 * The report over the rollup (test/integration/rollup.test.ts checks the rollup itself): the
 * counts and medians a hand count gives, for all time, a period and a region.
 */
import { complaintReport } from '../../src/reports/report';
import { HOUR, eat, file, openWorld, type World } from '../helpers/world';

let w: World;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-02 08:00') });
});
afterEach(() => w.close());

describe('the complaints report', () => {
  it.each(['walk', 'scan'] as const)(
    'give the report the hand-counted figures and medians, for all time, a period and a region (medians by %s)',
    (strategy) => {
      const db = w.db.$client;
      const now = eat('2026-04-03 09:00');
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
      const all = complaintReport(w.db, { now }, strategy);
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
        { now, from: eat('2026-03-01 00:00'), until: eat('2026-04-01 00:00') },
        strategy,
      );
      expect(march.rows.map((r) => [r.categoryCode, r.total, r.medianFirstResponseHours])).toEqual([
        ['health', 1, 5],
        ['water', 3, 2],
      ]);
      expect(march.total.medianFirstResponseHours).toBe(3); // 1, 2, 4, 5

      const aru = complaintReport(w.db, { now, regionCode: 'ARU' }, strategy);
      expect(aru.total.total).toBe(5);
      expect(aru.total.medianFirstResponseHours).toBe(4); // 1, 2, 4, 5, 8
      const aruApril = complaintReport(
        w.db,
        { now, regionCode: 'ARU', from: eat('2026-04-01 00:00'), until: eat('2026-05-01 00:00') },
        strategy,
      );
      expect(aruApril.rows.map((r) => [r.categoryCode, r.total])).toEqual([['water', 1]]);
      expect(aruApril.total.medianFirstResponseHours).toBe(8);
      expect(aruApril.total.medianResolutionHours).toBeNull();
    },
  );

  it('refuses a period that does not start at midnight, Tanzanian time', () => {
    const now = eat('2026-04-03 09:00');
    expect(() => complaintReport(w.db, { now, from: eat('2026-03-01 10:00') })).toThrow(/midnight/);
  });
});
