/**
 * `kero staff import <file.csv>` as a child process: all rows or none.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { query, tempDatabase, CLI_TIMEOUT, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(() => t.remove());

function csvFile(name: string, lines: string[]): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const staffRows = () =>
  query<{ name: string; phone: string; role: string; region_code: string | null }>(
    t,
    'SELECT name, phone, role, region_code, language FROM staff ORDER BY id',
  );

test('when every row is valid, then all are imported with their councils and the count printed', () => {
  const file = csvFile('good.csv', [
    'name,phone,role,region,councils,lang',
    'Asha Mushi,0712345678,officer,ARU,ARU-ARC;ARU-MED,sw',
    '"Mwanaisha ""Mama"" Ally",+255754000111,supervisor,ARU,,en',
    'Dodoma Desk,0765000333,hq,,,',
  ]);

  const run = t.run(['staff', 'import', file]);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(`Imported 3 staff members from ${file}.\n`);
  expect(staffRows()).toEqual([
    {
      name: 'Asha Mushi',
      phone: '+255712345678',
      role: 'officer',
      region_code: 'ARU',
      language: 'sw',
    },
    {
      name: 'Mwanaisha "Mama" Ally',
      phone: '+255754000111',
      role: 'supervisor',
      region_code: 'ARU',
      language: 'en',
    },
    { name: 'Dodoma Desk', phone: '+255765000333', role: 'hq', region_code: null, language: 'sw' },
  ]);
  expect(query(t, 'SELECT council_code FROM staff_councils ORDER BY 1')).toEqual([
    { council_code: 'ARU-ARC' },
    { council_code: 'ARU-MED' },
  ]);
});

test('when line 4 is bad, then the error names line 4 and nothing from the file is imported', () => {
  const before = staffRows();
  const file = csvFile('bad.csv', [
    'name,phone,role,region,councils,lang',
    'Baraka Said,0713000222,officer,DAR,DAR-KIM,sw',
    'Rehema Kweka,0713000333,supervisor,DAR,,sw',
    'Juma Ali,0713000444,officer,XYZ,,sw',
    'Zawadi Mrema,0713000555,officer,DAR,,en',
  ]);

  const run = t.run(['staff', 'import', file]);

  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    `error: line 4: region: unknown region XYZ (every code: kero regions)\nNothing imported from ${file}.\n`,
  );
  expect(staffRows()).toEqual(before);
});

test('when a row names wards, then the officer is imported with them (column wards)', () => {
  const file = csvFile('wards.csv', [
    'name,phone,role,region,councils,wards,lang',
    'Zawadi Kimaro,0713000009,officer,ARU,,23101;23102,en',
  ]);

  const run = t.run(['staff', 'import', file]);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(
    query(
      t,
      `SELECT w.ward_code FROM staff_wards w JOIN staff s ON s.id = w.staff_id
        WHERE s.phone = '+255713000009' ORDER BY 1`,
    ),
  ).toEqual([{ ward_code: '23101' }, { ward_code: '23102' }]);
});
