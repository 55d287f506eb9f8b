/**
 * `kero` with no command, help, an unknown command or a bad environment, as a child process.
 */
import { existsSync } from 'node:fs';
import { tempDatabase, CLI_TIMEOUT, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(() => t.remove());

const commands = [
  'staff add',
  'staff list',
  'staff deactivate',
  'staff activate',
  'staff import',
  'escalate',
  'report',
  'report funnel',
  'backup',
  'restore',
  'help',
];

test('when help is asked for, then every command is listed and the exit code is 0', () => {
  const run = t.run(['help']);

  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  for (const command of commands) expect(run.stdout).toContain(`  ${command}`);
  expect(existsSync(t.file)).toBe(false);
});

test('when the command is unknown, then it is named, the usage follows on stderr and the exit code is 1', () => {
  const run = t.run(['frobnicate']);

  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^error: unknown command frobnicate\nUsage: npm run kero/);
  for (const command of commands) expect(run.stderr).toContain(`  ${command}`);
});

test('when the environment is bad, then every bad variable is named and no database is opened', () => {
  const run = t.run(['staff', 'list'], { SLA_RESOLUTION_DAYS: 'soon', PORT: '0' });

  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('Invalid configuration:');
  expect(run.stderr).toMatch(/^ {2}PORT: .*\(got "0"\)$/m);
  expect(run.stderr).toMatch(/^ {2}SLA_RESOLUTION_DAYS: .*\(got "soon"\)$/m);
  expect(existsSync(t.file)).toBe(false);
});

test.each([
  ['staff', 'add', 'npm run kero -- staff add --name <name>'],
  ['staff', 'import', 'npm run kero -- staff import <file.csv>'],
  ['report', undefined, 'npm run kero -- report [--region <code>]'],
  ['report', 'funnel', 'npm run kero -- report funnel [--from YYYY-MM-DD]'],
  ['sms', 'retry', 'npm run kero -- sms retry [--failed]'],
  ['backup', undefined, 'npm run kero -- backup <file> [--verify] [--force]'],
])(
  'when %s %s is asked for --help, then only its own usage is printed and nothing is opened',
  (name, sub, line) => {
    const run = t.run([name, ...(sub ? [sub] : []), '--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n/);
    expect(run.stdout).toContain(`  ${line}`);
    const others = commands.filter((c) => !c.startsWith(name) && c !== 'help');
    for (const other of others) expect(run.stdout).not.toContain(`-- ${other}`);
    expect(existsSync(t.file)).toBe(false);
  },
);
