/**
 * `npm run test:readme`: follows the README as a newcomer would, in its order, on a fresh
 * temporary database and a port of its own, and checks what each example does
 * (scripts/readme/steps.ts). Not part of `npm test`. Exit 0 when every example works.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readmeCommands } from './readme/blocks';
import { startServer, startShell, until, type Shell } from './readme/processes';
import type { State, Step } from './readme/step';
import { pairSteps, STEPS } from './readme/steps';

const ROOT = path.resolve(__dirname, '..');
/** Files the examples write into the project folder: never over a file of the reader's. */
const WRITTEN = ['staff.csv', 'report.csv', 'report.json'];

const say = (line: string) => process.stdout.write(`${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The README's command with this run's port, token and complaint numbers in. */
const substitute = (command: string, s: State) =>
  command
    .replaceAll('localhost:3000', `127.0.0.1:${s.port}`)
    .replaceAll('<token>', s.token)
    .replaceAll('4821 0379', `${s.simNumber.slice(0, 4)} ${s.simNumber.slice(4)}`)
    .replaceAll('48210379', s.simNumber)
    .replaceAll('<number>', s.curlNumber);

/** `npm start` in the background; the token from the callback URLs it prints. */
async function start(command: string, s: State): Promise<string[]> {
  const shown = command.replace(/^npm install && /, '');
  s.server = startServer(shown, s.root, s.env);
  const healthy = await until(async () => {
    try {
      return (await fetch(`${s.base}/healthz`)).ok;
    } catch {
      return s.server?.child.exitCode !== null ? true : false;
    }
  }, 60_000);
  const output = s.server.output();
  s.token = /USSD callback: +\S+\/ussd\?token=(\S+)/.exec(output)?.[1] ?? '';
  if (!healthy || s.server.child.exitCode !== null) return [`the server did not start:\n${output}`];
  return s.token ? [] : [`no token in the callback URLs printed at start:\n${output}`];
}

async function runStep(step: Step, command: string, s: State, shell: Shell): Promise<string[]> {
  switch (step.how) {
    case 'skip':
      return [];
    case 'start':
      return start(command, s);
    case 'running':
      return (await fetch(`${s.base}/healthz`)).ok ? [] : ['the server is not running'];
    case 'custom':
      return step.custom ? step.custom(s) : [];
    case 'shell': {
      const ran = await shell.run(substitute(command, s), step.input);
      const problems = (await step.check?.(ran, s)) ?? [];
      return problems.length > 0 ? [...problems, `output:\n${ran.output}`] : [];
    }
  }
}

async function main(): Promise<number> {
  const commands = readmeCommands(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  const { pairs, problems } = pairSteps(commands, STEPS);
  if (problems.length > 0) {
    problems.slice(0, 5).forEach((p) => say(`FAIL ${p}`));
    return 1;
  }
  const taken = WRITTEN.filter((f) => existsSync(path.join(ROOT, f)));
  if (taken.length > 0) {
    say(
      `FAIL the README's examples would overwrite ${taken.join(', ')} in ${ROOT}: move them away first`,
    );
    return 1;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kero-readme-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_PATH: path.join(dir, 'kero.db'),
  };
  // Nothing of the reader's own set-up: no .env, no AT account, no fixed token or codes.
  Object.assign(env, { ENV_FILE: 'off', NO_COLOR: '1' });
  for (const name of [
    'HOST',
    'NODE_ENV',
    'WEBHOOK_TOKEN',
    'AT_API_KEY',
    'AT_API_BASE_URL',
    'USSD_SERVICE_CODES',
    'SMS_SHORTCODES',
  ]) {
    delete env[name];
  }
  const s: State = {
    ...{
      root: ROOT,
      port,
      base: `http://127.0.0.1:${port}`,
      dbFile: path.join(dir, 'kero.db'),
      env,
    },
    ...{ token: '', simNumber: '', curlNumber: '', made: [] },
  };
  const shell = startShell(ROOT, env);
  let failed = 0;
  try {
    for (const { command, step } of pairs) {
      const shown = command.command || `# ${command.comment}`;
      const found = await runStep(step, command.command, s, shell);
      if (found.length > 0) {
        say(`FAIL README.md:${command.line}  ${shown}\n  ${found.join('\n  ')}`);
        failed += 1;
        break;
      }
      say(
        `${step.how === 'skip' ? 'skip' : 'ok  '} README.md:${command.line}  ${shown}${step.why ? `  (${step.why})` : ''}`,
      );
    }
  } finally {
    shell.close();
    // SIGTERM reaches npm, tsx and the server at once; the server is done when its lock is gone.
    await s.server?.stop();
    const released = await until(() => !existsSync(`${s.dbFile}.lock`), 15_000);
    if (s.server && !released) {
      say('FAIL the server did not stop cleanly on SIGTERM (its lock is still there after 15 s)');
      failed += 1;
    }
    for (const file of s.made) rmSync(file, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
  say(
    failed === 0
      ? `OK: ${pairs.length} README examples work, in order.`
      : 'The README does not work as written.',
  );
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    say(`FAIL ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
