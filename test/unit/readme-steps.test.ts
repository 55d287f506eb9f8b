/**
 * The README's examples and `npm run test:readme`'s checks (scripts/readme/) stay in step: every
 * command of the followed sections meets its check, in order, without running anything.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commentStart, readmeCommands } from '../../scripts/readme/blocks';
import { pairSteps, STEPS } from '../../scripts/readme/steps';

const README = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

test("when the README's followed sections are read, then every command pairs with test:readme's next check", () => {
  const { pairs, problems } = pairSteps(readmeCommands(README), STEPS);

  expect(problems).toEqual([]);
  expect(pairs).toHaveLength(STEPS.length);
});

test('when an example is edited in the README alone, then the pairing names its line', () => {
  const edited = README.replace(
    'npm run kero -- staff list --region ARU',
    'npm run kero -- staff list',
  );
  const { problems } = pairSteps(readmeCommands(edited), STEPS);

  expect(problems[0]).toMatch(
    /^README\.md:\d+ \(Admin command line\): `npm run kero -- staff list` is not what scripts\/readme\/steps\.ts expects next \(`npm run kero -- staff list --region ARU`\)$/,
  );
});

test('when an example is removed from the README, then its check is named as missing', () => {
  const edited = README.replace(/^npm run kero -- jobs .*\n/m, '');
  const { problems } = pairSteps(readmeCommands(edited), STEPS);

  expect(problems).toEqual([
    'scripts/readme/steps.ts expects `npm run kero -- jobs`, not in the README (in that order)',
  ]);
});

test('when an sh block has continuation lines and comments, then each command is read whole and without its comment', () => {
  const text = [
    '## Admin command line',
    '```sh',
    "npm run kero -- a 'x # not a comment' \\",
    '  --b c           # a comment',
    '# a line of its own',
    '```',
    '## Elsewhere',
    '```sh',
    'npm run elsewhere',
    '```',
  ].join('\n');

  expect(readmeCommands(text)).toEqual([
    {
      section: 'Admin command line',
      line: 3,
      command: "npm run kero -- a 'x # not a comment' --b c",
      comment: '',
    },
    { section: 'Admin command line', line: 5, command: '', comment: 'a line of its own' },
  ]);
});

test.each([
  ["ussd demo1 ''   # language", 16],
  ["--data-urlencode 'serviceCode=*384*1234#'", -1],
  ['"a#b" # c', 6],
  ['# only', 0],
])('when the line is %j, then its comment starts at %i', (line, at) => {
  expect(commentStart(line)).toBe(at);
});
