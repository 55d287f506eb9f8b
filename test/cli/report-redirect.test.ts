/**
 * The README's way to write a report to a file, `npm run -s kero -- report --csv > report.csv`,
 * run as written through npm: the file must parse as CSV (or JSON) from its first byte, with no
 * npm banner before it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CLI_TIMEOUT, seedComplaint, tempDatabase, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT * 2);

const ROOT = path.resolve(__dirname, '../..');

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
  t.use((db) => seedComplaint(db, { seed: 1, councilCode: 'ARU-ARC', categoryCode: 'water' }));
});
afterAll(() => t.remove());

/** `npm run <npmArgs>` with stdout redirected to `file`, as a shell's `>` does. */
function npmRunInto(file: string, npmArgs: string[]): { code: number | null; stderr: string } {
  const fd = openSync(file, 'w');
  try {
    const run = spawnSync('npm', ['run', ...npmArgs], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_PATH: t.file,
        ENV_FILE: 'off',
      },
    });
    return { code: run.status, stderr: run.stderr };
  } finally {
    closeSync(fd);
  }
}

test('when the report is written to a file with npm run -s, then the file is CSV from its first byte', () => {
  const file = path.join(t.dir, 'report.csv');

  const run = npmRunInto(file, ['-s', 'kero', '--', 'report', '--csv']);

  expect(run.code).toBe(0);
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFFregion,region name,')).toBe(true);
  const rows: string[][] = parse(text, { bom: true });
  expect(rows[1]?.slice(0, 4)).toEqual(['ARU', 'Arusha', 'water', 'Water']);
  expect(rows.at(-1)?.[0]).toBe('TOTAL');
});

test('when the JSON report is written to a file with npm run -s, then the file parses as JSON', () => {
  const file = path.join(t.dir, 'report.json');

  const run = npmRunInto(file, ['-s', 'kero', '--', 'report', '--json']);

  expect(run.code).toBe(0);
  const body = JSON.parse(readFileSync(file, 'utf8')) as { total: { total: number } };
  expect(body.total.total).toBe(1);
});

test('when npm run is used without -s, then npm writes its banner first (why the README says -s)', () => {
  const file = path.join(t.dir, 'noisy.csv');

  expect(npmRunInto(file, ['kero', '--', 'report', '--csv']).code).toBe(0);

  expect(readFileSync(file, 'utf8')).toMatch(/^\n?> kero@[^\n]+ kero\n/);
});
