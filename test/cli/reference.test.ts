/** `kero regions` and `kero councils` as child processes on a seeded database. */
import { CLI_TIMEOUT, tempDatabase, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
  t.use(() => undefined);
});
afterAll(() => t.remove());

test('when regions are listed, then all 31 show with their code, name and whether USSD offers them', () => {
  const run = t.run(['regions']);

  expect(run.code).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^code\s+region\s+councils\s+part\s+on USSD$/);
  expect(lines).toHaveLength(2 + 31);
  expect(lines).toContain('ARU   Arusha                   7  mainland  yes');
  expect(lines.find((l) => l.startsWith('MJM '))).toMatch(
    /Zanzibar\s+no \(REGIONS=all offers it\)$/,
  );
});

test('when REGIONS=all, then every region is offered on USSD', () => {
  expect(t.run(['regions'], { REGIONS: 'all' }).stdout).not.toContain('no (REGIONS=all');
});

test("when one region's councils are listed, then each shows its code and both names", () => {
  const run = t.run(['councils', '--region', 'dar']);

  expect(run.code).toBe(0);
  expect(run.stdout.trimEnd().split('\n')).toEqual([
    'code     region         jina                name',
    '-------  -------------  ------------------  ----------------',
    'DAR-DAC  Dar es Salaam  Dar es Salaam Jiji  Dar es Salaam CC',
    'DAR-KGM  Dar es Salaam  Kigamboni Manispaa  Kigamboni MC',
    'DAR-KIM  Dar es Salaam  Kinondoni Manispaa  Kinondoni MC',
    'DAR-TEM  Dar es Salaam  Temeke Manispaa     Temeke MC',
    'DAR-UBM  Dar es Salaam  Ubungo Manispaa     Ubungo MC',
  ]);
});

test('when every council is listed, then all 195 show', () => {
  expect(t.run(['councils']).stdout.trimEnd().split('\n')).toHaveLength(2 + 195);
});

test('when the region is unknown, then the closest code is suggested and the exit code is 1', () => {
  const run = t.run(['councils', '--region', 'DSM']);

  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    'error: --region: unknown region DSM (did you mean DAR Dar es Salaam? every code: kero regions)\n',
  );
});

test("when a council's wards are listed, then each shows its code, name and some villages", () => {
  const run = t.run(['wards', 'dod-doc']);

  expect(run.code).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^code\s+ward\s+villages\s+some of them$/);
  expect(lines).toHaveLength(2 + 41);
  expect(lines.find((l) => l.startsWith('41105 '))).toMatch(/^41105\s+Makole\s+\d+\s+\S/);
});

test('when a council has no ward list, then that is said plainly', () => {
  const run = t.run(['wards', 'MJM-MJI']);
  expect(run.stdout).toBe(
    'MJM-MJI has no ward list yet: complaints there keep the place as typed.\n',
  );
});
