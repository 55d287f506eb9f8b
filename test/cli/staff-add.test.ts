/**
 * `kero staff add` run as a child process: what it prints, its exit code and what it writes.
 */
import { query, seedStaff, tempDatabase, CLI_TIMEOUT, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
  t.use((db) =>
    seedStaff(db, { name: 'Neema Lyimo', phone: '0754000111', role: 'supervisor', region: 'ARU' }),
  );
});
afterAll(() => t.remove());

const staffCount = () => query<{ n: number }>(t, 'SELECT count(*) AS n FROM staff')[0]?.n;
const coverageCount = () =>
  query<{ n: number }>(t, 'SELECT count(*) AS n FROM staff_councils')[0]?.n;

const asha = [
  'staff',
  'add',
  '--name',
  'Asha Mushi',
  '--phone',
  '0712345678',
  '--role',
  'officer',
  '--region',
  'ARU',
];

/** Runs a refused `staff add`; checks exit 1, nothing on stdout and nothing written. */
function refused(args: string[]): string {
  const before = { staff: staffCount(), coverage: coverageCount() };
  const run = t.run(args);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect({ staff: staffCount(), coverage: coverageCount() }).toEqual(before);
  return run.stderr;
}

test('when the flags are valid, then the staff member is stored and printed with a +255 phone', () => {
  const run = t.run([...asha, '--councils', 'ARU-ARC,aru-med', '--lang', 'en']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const stored = query<{ id: number; name: string; role: string; region_code: string }>(
    t,
    "SELECT * FROM staff WHERE phone = '+255712345678'",
  );
  expect(stored).toEqual([
    expect.objectContaining({
      name: 'Asha Mushi',
      role: 'officer',
      region_code: 'ARU',
      language: 'en',
      active: 1,
    }),
  ]);
  const id = stored[0]?.id;
  expect(
    query(t, 'SELECT council_code FROM staff_councils WHERE staff_id = ? ORDER BY 1', id),
  ).toEqual([{ council_code: 'ARU-ARC' }, { council_code: 'ARU-MED' }]);
  expect(run.stdout).toContain(`Added staff member ${id}:`);
  expect(run.stdout).toMatch(/name\s+Asha Mushi/);
  expect(run.stdout).toMatch(/phone\s+\+255712345678/);
  expect(run.stdout).toMatch(/role\s+officer/);
  expect(run.stdout).toMatch(/region\s+ARU/);
  expect(run.stdout).toMatch(/councils\s+ARU-ARC,ARU-MED/);
});

test('when the region is unknown, then the error names it and nothing is written', () => {
  const stderr = refused([...asha.slice(0, -1), 'XYZ', '--phone', '0712000001']);

  expect(stderr).toContain('error: region: unknown region XYZ');
});

test('when a council is unknown, then the error names it and nothing is written', () => {
  const stderr = refused([...asha, '--phone', '0712000002', '--councils', 'ARU-ARC,ARU-ZZZ']);

  expect(stderr).toBe(
    'error: councils: unknown council ARU-ZZZ (every code: kero councils --region ARU)\n',
  );
});

test('when a council code is made from its old name (DAR-ILM for Ilala), then the error suggests the code it has now', () => {
  const args = [
    'staff',
    'add',
    '--name',
    'Baraka Said',
    '--phone',
    '0712000004',
    '--role',
    'officer',
  ];
  const stderr = refused([...args, '--region', 'DAR', '--councils', 'DAR-ILM']);

  expect(stderr).toBe(
    'error: councils: unknown council DAR-ILM (did you mean DAR-DAC Dar es Salaam CC (also Ilala), ' +
      'DAR-KGM Kigamboni MC, DAR-KIM Kinondoni MC? every code: kero councils --region DAR)\n',
  );
});

test('when a council lies in another region, then the error says so and nothing is written', () => {
  const stderr = refused([...asha, '--phone', '0712000003', '--councils', 'DAR-DAC']);

  expect(stderr).toBe('error: councils: DAR-DAC is not in region ARU\n');
});

test('when the phone is already registered, then the error says so and nothing is written', () => {
  const stderr = refused([...asha, '--phone', '+255 754 000 111']);

  expect(stderr).toBe('error: phone: +255754000111 is already registered\n');
});

test('when the phone number is malformed, then the error shows it and nothing is written', () => {
  const stderr = refused([
    'staff',
    'add',
    '--name',
    'Juma',
    '--phone',
    '071234',
    '--role',
    'officer',
    '--region',
    'ARU',
  ]);

  expect(stderr).toBe(
    'error: phone: 071234 is not a phone number (use +255XXXXXXXXX or 07XXXXXXXX)\n',
  );
});

describe('ward officers (issue 19)', () => {
  const ward = (phone: string) => [
    'staff',
    'add',
    '--name',
    'Zawadi Kimaro',
    '--phone',
    phone,
    '--role',
    'officer',
    '--region',
    'ARU',
  ];

  test('when wards are given, then they are stored, the councils come from them and both print', () => {
    const run = t.run([...ward('0713000001'), '--wards', 'Kata ya Sekei']);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [stored] = query<{ id: number }>(t, "SELECT id FROM staff WHERE phone = '+255713000001'");
    expect(query(t, 'SELECT ward_code FROM staff_wards WHERE staff_id = ?', stored?.id)).toEqual([
      { ward_code: '23101' },
    ]);
    expect(
      query(t, 'SELECT council_code FROM staff_councils WHERE staff_id = ?', stored?.id),
    ).toEqual([{ council_code: 'ARU-ARC' }]);
    expect(run.stdout).toMatch(/councils\s+ARU-ARC\n/);
    expect(run.stdout).toMatch(/wards\s+23101\n/);
    expect(t.run(['staff', 'list', '--region', 'ARU']).stdout).toMatch(
      /Zawadi Kimaro .* ARU-ARC; wards 23101 /,
    );
  });

  test('when a ward is unknown, of another region or outside the councils listed, then each is named and nothing is written', () => {
    const stderr = refused([
      ...ward('0713000002'),
      '--councils',
      'ARU-MED',
      '--wards',
      '99999,41105,23101,Majengo',
    ]);

    expect(stderr).toBe(
      [
        'error: wards: 99999 is not a ward code or a ward name in region ARU (kero wards <council> lists them)',
        'error: wards: 41105 (Makole) is not in region ARU',
        'error: wards: 23101 (Sekei) is not in the councils listed',
        '',
      ].join('\n'),
    );
    expect(query(t, 'SELECT count(*) AS n FROM staff_wards')).toEqual([{ n: 1 }]);
  });

  test('when a ward name two councils share is given, then it is refused with both codes', () => {
    expect(refused([...ward('0713000004'), '--wards', 'Majengo'])).toBe(
      'error: wards: Majengo names 2 wards, give the code: 23319 (Majengo) in ARU-MED, 23411 (Majengo) in ARU-MOD\n',
    );
  });

  test('when a supervisor is given wards, then the error says only officers cover wards', () => {
    const args = ward('0713000003').map((a) => (a === 'officer' ? 'supervisor' : a));
    expect(refused([...args, '--wards', '23101'])).toBe(
      'error: wards: only officers cover wards\n',
    );
  });
});
