/**
 * The admin command line, `npm run kero -- <command>`: a composition root like src/main.ts. It
 * reads the configuration once, opens the database, runs one command and closes it again.
 */
import { openDatabase, type Db } from '../../db/client';
import { parseConfig } from '../config';
import { describeOpenFailure } from '../ops/open-failure';
import type { CliContext, Output } from './args';
import { runEscalateCommand } from './escalate-command';
import { runReportCommand } from './report-command';
import { runSmsCommand, smsUsage } from './sms-command';
import { runStaffCommand, staffUsage } from './staff-commands';

const usage = [
  'Usage: npm run kero -- <command>',
  '',
  'Commands:',
  ...staffUsage.map((line) => `  ${line}`),
  '  escalate                     escalate SLA breaches and auto-close old resolved complaints',
  '  report [--region <code>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
  '                               complaints by region and category (dates in Tanzanian time)',
  ...smsUsage.map((line) => `  ${line}`),
  '  help                         this list',
  '',
  'The database is DATABASE_PATH (default ./data/kero.db); settings come from the environment',
  '(see .env.example).',
];

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Command = (ctx: CliContext, args: string[]) => number | undefined;

const commands: Record<string, Command> = {
  staff: runStaffCommand,
  escalate: runEscalateCommand,
  report: runReportCommand,
  sms: runSmsCommand,
};

function printUsage(write: (line: string) => void): void {
  for (const line of usage) write(line);
}

/** Runs one command line; returns the exit code. */
function main(argv: string[]): number {
  const [name, ...args] = argv;
  const isHelpFlag = (a: string) => a === '--help' || a === '-h';
  if (name === undefined || name === 'help' || isHelpFlag(name) || args.some(isHelpFlag)) {
    printUsage(io.out);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`error: unknown command ${name}`);
    printUsage(io.err);
    return 1;
  }
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    io.err(`${parsed.message}\nSee .env.example for every variable.`);
    return 1;
  }
  const file = parsed.config.DATABASE_PATH;
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (err) {
    io.err(`error: ${describeOpenFailure(file, err)}`);
    return 1;
  }
  try {
    const code = command({ db, config: parsed.config, io, now: Date.now() }, args);
    if (code === undefined) {
      io.err(`error: unknown command ${[name, ...args.slice(0, 1)].join(' ')}`);
      printUsage(io.err);
      return 1;
    }
    return code;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main(process.argv.slice(2));
