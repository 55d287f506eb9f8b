/**
 * `npm run ussd`: a feature phone in the terminal, dialling the running server as Africa's Talking
 * does. Interactive by default (node:readline); `--script` runs replies unattended and exits 2
 * when a screen broke the wire rules. A composition root: it reads the environment once.
 */
import { createInterface } from 'node:readline';
import { loadEnvFile } from '../../ops/env-file';
import { parseSimArgs, ussdUsage, type SimOptions } from './ussd-sim-args';
import { openServiceDb, type ServiceDb } from './ussd-sim-db';
import { dial, showNewSms, type DialResult, type SimContext } from './ussd-sim-dial';
import { painter } from './ussd-sim-screen';
import { callbackUrl, redact, runAgainstServer, UnreachableError } from './ussd-sim-wire';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function buildContext(options: SimOptions, db: ServiceDb | undefined): SimContext {
  const token = options.token ?? db?.storedToken();
  return {
    hop: {
      url: callbackUrl(options.baseUrl, '/ussd', token),
      serviceCode: options.serviceCode,
      phoneNumber: options.phone,
      networkCode: options.networkCode,
    },
    db,
    out,
    paint: painter(process.stdout.isTTY && !process.env.NO_COLOR),
    now: () => Date.now(),
  };
}

/** Dials once per script; 2 if any screen broke the wire rules, 1 if the server is unreachable. */
async function runScripts(ctx: SimContext, scripts: string[][]): Promise<number> {
  let problems = 0;
  for (const [i, script] of scripts.entries()) {
    const replies = [...script];
    if (i > 0) out('');
    const result = await dial(ctx, () => {
      const reply = replies.shift();
      if (reply !== undefined) out(`> ${reply}`);
      return Promise.resolve(reply);
    });
    problems += result.problems;
    if (result.ended && replies.length > 0) {
      out(`note: the session ended with ${replies.length} scripted replies unused`);
    }
  }
  out('');
  out(problems === 0 ? 'OK: every screen kept the wire rules.' : `${problems} wire-rule problems.`);
  return problems === 0 ? 0 : 2;
}

/**
 * Replies typed or piped in, one a line. The lines are queued as they arrive: piped input comes
 * all at once, while a dial is still waiting for the server, and none may be lost; the end of
 * the input answers every later question with undefined (readline's own question() throws
 * once the input has closed). Piped replies are echoed after the prompt, as a terminal shows them.
 */
function replyReader() {
  const terminal = Boolean(process.stdin.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal });
  const lines = rl[Symbol.asyncIterator]();
  let ended = false;
  return {
    async ask(prompt: string): Promise<string | undefined> {
      if (ended) return undefined;
      rl.setPrompt(prompt);
      rl.prompt();
      const next = await lines.next();
      ended = next.done === true;
      if (!terminal) out(ended ? '' : String(next.value));
      return ended ? undefined : String(next.value);
    },
    close: () => rl.close(),
  };
}

/** The interactive phone: prompts for each reply; after END, Enter dials again and q quits. */
async function runInteractive(ctx: SimContext): Promise<number> {
  const reader = replyReader();
  const ask = (prompt: string) => reader.ask(prompt);
  out(ctx.paint.dim(`Server: ${redact(ctx.hop.url)}  (Ctrl-D quits)`));
  let last: DialResult | undefined;
  try {
    for (;;) {
      last = undefined;
      try {
        last = await dial(ctx, async () => ask('reply> '));
        if (!last.ended) return 0;
      } catch (e) {
        if (!(e instanceof UnreachableError)) throw e;
        out(ctx.paint.warn(`! ${e.message}: is the server running (npm start)?`));
      }
      const again = await ask(
        last
          ? 'Session ended: press Enter to dial again, q to quit> '
          : 'Enter to retry, q to quit> ',
      );
      if (last) showNewSms(ctx, last.startedAt, last.seen);
      if (again === undefined || again.trim().toLowerCase() === 'q') return 0;
      out('');
    }
  } finally {
    reader.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const envFile = loadEnvFile(process.env, process.cwd());
  if (!envFile.ok) {
    err(envFile.message);
    return 1;
  }
  const parsed = parseSimArgs(argv, process.env);
  if (parsed === 'help') {
    ussdUsage.forEach((l) => out(l));
    return 0;
  }
  if (!parsed.ok) {
    err(`error: ${parsed.message}`);
    ussdUsage.forEach((l) => err(l));
    return 1;
  }
  const { options } = parsed;
  const opened = openServiceDb(options.dbFile);
  const db = 'db' in opened ? opened.db : undefined;
  if ('error' in opened) err(`note: ${opened.error}: SMS from the service will not be shown.`);
  if (!options.token && !db?.storedToken()) {
    err('note: no token (--token, WEBHOOK_TOKEN or the database): expect HTTP 401.');
  }
  const ctx = buildContext(options, db);
  try {
    if (options.scripts.length > 0) return await runScripts(ctx, options.scripts);
    return await runInteractive(ctx);
  } finally {
    db?.close();
  }
}

runAgainstServer(main);
