/**
 * `kero staff list` and `kero staff deactivate` as child processes, on staff and complaints filed
 * through the real services.
 */
import {
  query,
  seedComplaint,
  seedStaff,
  tempDatabase,
  CLI_TIMEOUT,
  type TempDatabase,
} from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
const ids = { asha: 0, neema: 0, baraka: 0, hq: 0 };
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
    ids.neema = seedStaff(db, {
      name: 'Neema Lyimo',
      phone: '0754000111',
      role: 'supervisor',
      region: 'ARU',
      lang: 'en',
    });
    ids.baraka = seedStaff(db, {
      name: 'Baraka Said',
      phone: '0713000222',
      role: 'officer',
      region: 'DAR',
    });
    ids.hq = seedStaff(db, { name: 'Dodoma Desk', phone: '0765000333', role: 'hq' });
    seedComplaint(db, { seed: 1, councilCode: 'ARU-ARC' });
    seedComplaint(db, { seed: 2, councilCode: 'ARU-ARC', categoryCode: 'health' });
    seedComplaint(db, { seed: 3, councilCode: 'DAR-KIM' });
  });
});
afterAll(() => t.remove());

/** The table's lines as cells (columns are separated by two spaces or more). */
const cells = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));

test('when no region is given, then every staff member is listed with coverage and open load', () => {
  const run = t.run(['staff', 'list']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const [header, rule, ...rows] = cells(run.stdout);
  expect(header).toEqual([
    'id',
    'name',
    'phone',
    'role',
    'region',
    'councils',
    'lang',
    'active',
    'open',
  ]);
  expect(rule?.every((c) => /^-+$/.test(c))).toBe(true);
  expect(rows).toEqual([
    [String(ids.hq), 'Dodoma Desk', '+255765000333', 'hq', '-', 'all regions', 'sw', 'yes', '0'],
    [
      String(ids.asha),
      'Asha Mushi',
      '+255712345678',
      'officer',
      'ARU',
      'ARU-ARC',
      'sw',
      'yes',
      '2',
    ],
    [
      String(ids.neema),
      'Neema Lyimo',
      '+255754000111',
      'supervisor',
      'ARU',
      'whole region',
      'en',
      'yes',
      '0',
    ],
    [
      String(ids.baraka),
      'Baraka Said',
      '+255713000222',
      'officer',
      'DAR',
      'whole region',
      'sw',
      'yes',
      '1',
    ],
  ]);
});

test('when a region is given, then only its staff are listed', () => {
  const run = t.run(['staff', 'list', '--region', 'aru']);

  expect(run.code).toBe(0);
  const names = cells(run.stdout)
    .slice(2)
    .map((row) => row[1]);
  expect(names).toEqual(['Asha Mushi', 'Neema Lyimo']);
});

test('when an officer is deactivated, then their open complaints move on and the count is printed', () => {
  const run = t.run(['staff', 'deactivate', '+255 712 345 678']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    'Deactivated Asha Mushi (+255712345678): 2 open complaints reassigned.\n',
  );
  expect(query(t, 'SELECT active FROM staff WHERE id = ?', ids.asha)).toEqual([{ active: 0 }]);
  // No other ARU officer covers Arusha CC: the region's supervisor takes both.
  expect(
    query(t, "SELECT assignee_id, level FROM complaints WHERE region_code = 'ARU' ORDER BY id"),
  ).toEqual([
    { assignee_id: ids.neema, level: 'region' },
    { assignee_id: ids.neema, level: 'region' },
  ]);
  expect(query(t, "SELECT count(*) AS n FROM complaint_events WHERE type = 'reassigned'")).toEqual([
    { n: 2 },
  ]);
});

test('when a deactivated officer is activated again, then they are active and keep no complaints', () => {
  const run = t.run(['staff', 'activate', '0712345678']);

  expect(run.code).toBe(0);
  expect(run.stdout).toBe('Activated Asha Mushi (+255712345678).\n');
  expect(query(t, 'SELECT active FROM staff WHERE id = ?', ids.asha)).toEqual([{ active: 1 }]);
  expect(query(t, 'SELECT count(*) AS n FROM complaints WHERE assignee_id = ?', ids.asha)).toEqual([
    { n: 0 },
  ]);
});
