/**
 * `kero escalate` as a child process on complaints made old by moving their dates back in the
 * database: what it prints and what it changes.
 */
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import {
  DAY,
  HOUR,
  query,
  seedComplaint,
  seedStaff,
  tempDatabase,
  CLI_TIMEOUT,
  type TempDatabase,
} from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
const ids = { officer: 0, supervisor: 0 };
const c = { late: '', stale: '', resolved: '', fresh: '' };

beforeAll(() => {
  t = tempDatabase();
  const now = Date.now();
  t.use((db) => {
    ids.officer = seedStaff(db, {
      name: 'Asha Mushi',
      phone: '0712345678',
      role: 'officer',
      region: 'ARU',
    });
    ids.supervisor = seedStaff(db, {
      name: 'Neema Lyimo',
      phone: '0754000111',
      role: 'supervisor',
      region: 'ARU',
    });
    // No headquarters staff: resolution breaches go to the headquarters queue.
    c.late = seedComplaint(db, { seed: 1, councilCode: 'ARU-ARC' }).number;
    c.stale = seedComplaint(db, { seed: 2, councilCode: 'ARU-MED' }).number;
    c.resolved = seedComplaint(db, { seed: 3, councilCode: 'ARU-ARC' }).number;
    c.fresh = seedComplaint(db, { seed: 4, councilCode: 'ARU-ARC' }).number;
    const set = db.$client.prepare(
      `UPDATE complaints SET created_at = ?, status = ?, first_response_at = ?, resolved_at = ?
       WHERE number = ?`,
    );
    // 8 calendar days hold at least 3 working days whatever today is (no holidays configured).
    set.run(now - 8 * DAY, 'assigned', null, null, c.late);
    set.run(now - 20 * DAY, 'in_progress', now - 19 * DAY, null, c.stale);
    set.run(now - 30 * DAY, 'resolved', now - 29 * DAY, now - 15 * DAY, c.resolved);
    set.run(now - HOUR, 'assigned', null, null, c.fresh);
  });
});
afterAll(() => t.remove());

const complaint = (number: string) =>
  query(
    t,
    `SELECT assignee_id, level, status,
       first_response_escalated_at IS NOT NULL AS first_escalated,
       resolution_escalated_at IS NOT NULL AS resolution_escalated,
       closed_at IS NOT NULL AS closed
     FROM complaints WHERE number = ?`,
    number,
  )[0];

test('when SLAs are breached, then each escalation and auto-close is printed and stored', () => {
  const run = t.run(['escalate']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n').map((l) => l.trim().split(/\s{2,}/));
  expect(lines).toContainEqual([
    formatComplaintNumber(c.late),
    'first response',
    'council → region',
    'Neema Lyimo',
  ]);
  expect(lines).toContainEqual([
    formatComplaintNumber(c.stale),
    'resolution',
    'council → national',
    'headquarters queue',
  ]);
  expect(run.stdout).toContain('Escalated 2:');
  expect(run.stdout).toContain(
    `Auto-closed 1 (resolved over 14 days ago):\n  ${formatComplaintNumber(c.resolved)}\n`,
  );
  expect(run.stdout).not.toContain(formatComplaintNumber(c.fresh));

  expect(complaint(c.late)).toEqual({
    assignee_id: ids.supervisor,
    level: 'region',
    status: 'assigned',
    first_escalated: 1,
    resolution_escalated: 0,
    closed: 0,
  });
  expect(complaint(c.stale)).toEqual({
    assignee_id: null,
    level: 'national',
    status: 'in_progress',
    // Answered the day after filing: only the resolution SLA was breached.
    first_escalated: 0,
    resolution_escalated: 1,
    closed: 0,
  });
  expect(complaint(c.resolved)).toMatchObject({ status: 'closed', closed: 1 });
  expect(complaint(c.fresh)).toEqual({
    assignee_id: ids.officer,
    level: 'council',
    status: 'assigned',
    first_escalated: 0,
    resolution_escalated: 0,
    closed: 0,
  });
  expect(
    query(t, "SELECT type FROM complaint_events WHERE type IN ('escalated', 'closed') ORDER BY id"),
  ).toEqual([{ type: 'escalated' }, { type: 'escalated' }, { type: 'closed' }]);
});

test('when everything was escalated already, then a second run has nothing to do', () => {
  const run = t.run(['escalate']);

  expect(run.code).toBe(0);
  expect(run.stdout).toBe('Nothing to escalate.\nNothing to auto-close.\n');
});
