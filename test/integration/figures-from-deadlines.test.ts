/**
 * The figures judge lateness by deadlines and the clock, never by the escalation timer's flags: a
 * complaint past its deadline is late whether or not the timer has run. So the report's breaches,
 * the dashboard's SLA shares and the queue's overdue tab agree before the timer runs and do not
 * move when it does.
 */
import { replyToComplaint, resolveComplaint } from '../../src/complaints/actions';
import { runSlaTick } from '../../src/complaints/escalation';
import { loadPopulations } from '../../src/reference/population';
import { dashboardPeriod } from '../../src/reports/core/dashboard-period';
import { loadDashboard } from '../../src/reports/dashboard';
import { complaintReport } from '../../src/reports/report';
import { HOURS } from '../console/world';
import { openDesk, type Desk } from './desk';
import { DAY, HOUR, eat, file, openWorld, type World } from '../helpers/world';

let w: World;
let desk: Desk;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-02 08:00') });
  desk = openDesk(w);
});
afterEach(() => w.close());

/** What the figures say about lateness, at the world's clock. */
function lateness() {
  const now = w.clock.now();
  const { period } = dashboardPeriod({ period: 'month' }, now);
  const shares = (scope: Parameters<typeof loadDashboard>[1]['scope']) => {
    const { totals } = loadDashboard(
      {
        db: w.db,
        hours: w.deps.hours ?? { ...HOURS, holidays: new Set() },
        populations: loadPopulations(),
      },
      { scope, period, now, withStaff: false, order: { areas: [], categories: [] } },
    );
    return [totals.firstResponseSla, totals.resolutionSla];
  };
  return {
    breaches: complaintReport(w.db, { now }).total.slaBreaches,
    overdue: w.db.$client
      .prepare('SELECT count(*) FROM complaints WHERE due_at < ?')
      .pluck()
      .get(now),
    country: shares({ kind: 'all' }),
    dar: shares({ kind: 'region', regionCode: 'DAR' }),
    officer: shares({
      kind: 'officer',
      staffId: desk.neema.id,
      regionCode: 'DAR',
      councils: ['DAR-KIM'],
    }),
  };
}

test('when complaints are past their deadlines, then every figure counts them late before the escalation timer runs, and the same after', () => {
  // The desk's four complaints (filed Monday 2 March, never answered), and nine in Kinondoni a
  // day apart from Monday 2 March 10:00: i = 0, 3, 6 answered within the hour, 1, 4, 7 eight
  // days later (late), 2, 5, 8 never. Deadlines: 3 working days to answer, 14 days to resolve.
  const filed: { number: string; at: number }[] = [];
  for (let i = 0; i < 9; i++) {
    w.clock.set(eat('2026-03-02 10:00') + i * DAY);
    filed.push({ number: file(w, { council: 'DAR-KIM' }).number, at: w.clock.now() });
  }
  const act = (i: number, after: number, how: typeof replyToComplaint) => {
    const c = filed[i];
    if (!c) throw new Error(`no complaint ${i}`);
    w.clock.set(c.at + after);
    expect(how(w.deps, desk.neema.id, c.number, 'Tunashughulikia.').ok).toBe(true);
  };
  for (const i of [0, 3, 6]) act(i, HOUR, replyToComplaint);
  for (const i of [1, 4, 7]) act(i, 8 * DAY, replyToComplaint);
  act(0, 15 * DAY, resolveComplaint); // a day after its resolution deadline
  w.clock.set(eat('2026-03-19 12:00'));

  const before = lateness();
  const { escalated } = runSlaTick(w.deps);
  const after = lateness();

  expect(escalated.length).toBeGreaterThan(0);
  expect(after).toEqual(before);
  expect(before).toEqual({
    // Every complaint but 6 (answered in time, resolution deadline ahead): 13 - 1.
    breaches: 12,
    // Open past the deadline they work to: unanswered (the desk's four, 2, 5, 8) and answered
    // but past 14 days (1 and 3; 4, 6, 7 have until 20 March or later).
    overdue: 9,
    // First response on time: 0, 3, 6 of 13 (of 12 in Dar, of 10 in Kinondoni). Resolved on
    // time: none; late: 0, and the open ones past 14 days (the desk's four, 1, 2, 3).
    country: [23.1, 0],
    dar: [25, 0],
    officer: [30, 0],
  });
});
