/**
 * Issue 23 from the command line: `kero staff phone` changes a sign-in phone at once (the
 * operator on the server is trusted with the database anyway) but not silently: the old phone is
 * told, every console session of the account ends, and the audit log keeps the change with
 * source `cli`. Additions, imports, deactivations and activations from the command line are in
 * the log too.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSession } from '../../src/console/auth/sessions';
import { query, seedStaff, tempDatabase, CLI_TIMEOUT, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
const ids = { asha: 0, baraka: 0 };
beforeAll(() => {
  t = tempDatabase();
  t.use((db) => {
    ids.asha = seedStaff(db, {
      name: 'Asha Mushi',
      phone: '0712345678',
      role: 'officer',
      region: 'ARU',
      councils: ['ARU-ARC'],
    });
    ids.baraka = seedStaff(db, {
      name: 'Baraka Said',
      phone: '0713000222',
      role: 'officer',
      region: 'DAR',
      lang: 'en',
    });
    const deps = {
      db,
      now: () => Date.now(),
      policy: { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 },
    };
    startSession(deps, ids.asha, { ip: '198.51.100.7' });
    startSession(deps, ids.baraka, { ip: '198.51.100.8' });
  });
});
afterAll(() => t.remove());

interface AuditRow {
  actor: number | null;
  action: string;
  before: string | null;
  after: string | null;
  source: string | null;
}
const auditOf = (id: number) =>
  query<AuditRow>(
    t,
    `SELECT actor_staff_id AS actor, action, before, after, source FROM audit_log
      WHERE entity_kind = 'staff' AND entity_id = ? ORDER BY id`,
    String(id),
  );
const openSessions = (id: number) =>
  query<{ n: number }>(
    t,
    'SELECT count(*) AS n FROM console_sessions WHERE staff_id = ? AND ended_at IS NULL',
    id,
  )[0]?.n;

test('when an operator changes a phone, then it changes at once, the old phone is told, every session ends and the log says cli', () => {
  const run = t.run(['staff', 'phone', '0712 345 678', '0712999888']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    'Changed the sign-in phone of Asha Mushi from +255712345678 to +255712999888; the old phone is told by SMS and 1 console session was ended.\n',
  );
  expect(query(t, 'SELECT phone FROM staff WHERE id = ?', ids.asha)).toEqual([
    { phone: '+255712999888' },
  ]);
  expect(openSessions(ids.asha)).toBe(0);
  expect(openSessions(ids.baraka)).toBe(1);
  const told = query<{ body: string }>(
    t,
    "SELECT body FROM sms_outbox WHERE to_phone = '+255712345678' AND template = 'sms.staff.phoneChanged'",
  );
  expect(told).toHaveLength(1);
  expect(told[0]?.body).toMatch(
    /^Kero: simu ya kuingia kwenye dashibodi ya Asha Mushi imebadilishwa na msimamizi wa mfumo tarehe \d\d\/\d\d\/\d{4} saa \d\d:\d\d kuwa namba inayoishia 888\. Vikao vyake vyote/,
  );
  expect(auditOf(ids.asha).at(-1)).toEqual({
    actor: null,
    action: 'phone',
    before: '"+255712345678"',
    after: '"+255712999888"',
    source: 'cli',
  });
});

test('when the new phone is taken, unknown or not a phone, then the error says so and nothing changes', () => {
  const before = query(t, 'SELECT * FROM staff ORDER BY id');
  const taken = t.run(['staff', 'phone', '0713000222', '0712999888']);
  expect([taken.code, taken.stderr]).toEqual([
    1,
    'error: phone: +255712999888 is already registered\n',
  ]);
  const unknown = t.run(['staff', 'phone', '0799000000', '0712000111']);
  expect([unknown.code, unknown.stderr]).toEqual([
    1,
    'error: no staff member with phone +255799000000\n',
  ]);
  const bad = t.run(['staff', 'phone', '0713000222', '12ab']);
  expect([bad.code, bad.stderr]).toEqual([1, 'error: phone: 12ab is not a phone number\n']);
  const same = t.run(['staff', 'phone', '0713000222', '+255 713 000 222']);
  expect([same.code, same.stderr]).toEqual([1, 'error: phone: +255713000222 is already theirs\n']);
  const missing = t.run(['staff', 'phone', '0713000222']);
  expect(missing.code).toBe(1);
  expect(query(t, 'SELECT * FROM staff ORDER BY id')).toEqual(before);
});

test('when staff are added, imported, deactivated and activated from the command line, then each is in the log with source cli', () => {
  const file = path.join(t.dir, 'staff.csv');
  writeFileSync(
    file,
    'name,phone,role,region,councils,lang\nOmari Juma,0713000333,officer,DAR,,en\n',
  );
  expect(t.run(['staff', 'import', file]).code).toBe(0);
  const omari = query<{ id: number }>(t, "SELECT id FROM staff WHERE phone = '+255713000333'")[0];
  expect(t.run(['staff', 'deactivate', '0713000222']).code).toBe(0);
  expect(t.run(['staff', 'activate', '0713000222']).code).toBe(0);

  expect(auditOf(omari?.id ?? 0)).toEqual([
    {
      actor: null,
      action: 'import',
      before: null,
      after: JSON.stringify({
        name: 'Omari Juma',
        phone: '+255713000333',
        role: 'officer',
        region: 'DAR',
        councils: [],
        wards: [],
        language: 'en',
        active: true,
      }),
      source: 'cli',
    },
  ]);
  const baraka = auditOf(ids.baraka);
  expect(baraka.map((a) => [a.action, a.before, a.after, a.source])).toEqual([
    ['create', null, expect.stringContaining('"name":"Baraka Said"'), 'cli'],
    ['active', 'true', 'false', 'cli'],
    ['active', 'false', 'true', 'cli'],
  ]);
  // Deactivating from the command line ends the console sessions too.
  expect(openSessions(ids.baraka)).toBe(0);
});
