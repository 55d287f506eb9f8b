/**
 * Every README example `npm run test:readme` runs, in the README's order, each with its check;
 * and the pairing of the README's commands with these steps. A README command that is not the
 * next step expected, or a step the README no longer has, is a problem: the two cannot drift.
 */
import type { ReadmeCommand } from './blocks';
import { cliSteps } from './steps-cli';
import { curlSteps } from './steps-curl';
import { phoneSteps } from './steps-phone';
import { signInByCode } from './sign-in';
import { says, type Step } from './step';

const quickStart: Step[] = [
  { command: 'npm install && npm start', how: 'start' },
  { command: 'npm test', how: 'skip', why: 'a suite of its own (about four minutes)' },
];

const signIn: Step[] = [
  {
    command: 'npm run kero -- staff add --name "Zawadi Mrema" --phone 0711000005 --role hq',
    how: 'shell',
    check: (ran) => says(ran, /Added staff member \d+/, /role +hq/),
  },
  {
    comment:
      'open http://localhost:3000/console, type 0711000005, then the code from the SIGN-IN SMS line',
    how: 'custom',
    custom: (s) =>
      signInByCode(s.base, '0711000005', 'Zawadi Mrema', () => s.server?.output() ?? ''),
  },
];

export const STEPS: readonly Step[] = [
  ...quickStart,
  ...phoneSteps,
  ...curlSteps,
  ...signIn,
  ...cliSteps,
];

export interface Paired {
  pairs: { command: ReadmeCommand; step: Step }[];
  problems: string[];
}

/**
 * Pure. Pairs each README command with the next step, in order. Comment-only lines pair with a
 * step only when it expects that comment; otherwise they are explanations and are passed over.
 */
export function pairSteps(commands: readonly ReadmeCommand[], steps: readonly Step[]): Paired {
  const pairs: Paired['pairs'] = [];
  const problems: string[] = [];
  let next = 0;
  for (const command of commands) {
    const step = steps[next];
    if (command.command === '') {
      if (step?.comment !== undefined && step.comment === command.comment) {
        pairs.push({ command, step });
        next += 1;
      }
      continue;
    }
    if (step?.command === command.command) {
      pairs.push({ command, step });
      next += 1;
      continue;
    }
    const expected = step ? `\`${step.command ?? `# ${step.comment ?? ''}`}\`` : 'nothing more';
    problems.push(
      `README.md:${command.line} (${command.section || 'top'}): \`${command.command}\` is not what ` +
        `scripts/readme/steps.ts expects next (${expected})`,
    );
  }
  for (const step of steps.slice(next)) {
    problems.push(
      `scripts/readme/steps.ts expects \`${step.command ?? `# ${step.comment ?? ''}`}\`, not in the README (in that order)`,
    );
  }
  return { pairs, problems };
}
