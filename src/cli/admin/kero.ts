/**
 * The admin command line, `npm run kero -- <command>`: a composition root like src/main.ts. It
 * reads the configuration once, opens the database, runs one command and closes it again.
 * `backup` and `restore` handle the database file themselves: a restore must not hold it open.
 */
import { openDatabase, type Db } from '../../../db/client';
import { parseConfig, walCheckpointsOf, type Config } from '../../config';
import { loadEnvFile } from '../../ops/env-file';
import { describeOpenFailure } from '../../ops/open-failure';
import type { CliBase, CliContext, Output } from './args';
import { runBackupCommand } from './backup-command';
import { runEscalateCommand } from './escalate-command';
import { jobsUsage, runJobsCommand } from './jobs-command';
import {
  referenceUsage,
  runCouncilsCommand,
  runRegionsCommand,
  runWardsCommand,
} from './reference-commands';
import { runReportCommand } from './report-command';
import { runRestoreCommand } from './restore-command';
import { runSmsCommand, smsUsage } from './sms-command';
import { runStaffCommand, staffUsage } from './staff-commands';

/** Each command's lines in the usage; `kero <command> --help` prints its own. */
const commandUsage: Record<string, string[]> = {
  regions: referenceUsage.slice(0, 1),
  councils: referenceUsage.slice(1, 2),
  wards: referenceUsage.slice(2),
  staff: staffUsage,
  escalate: [
    'escalate                     escalate SLA breaches and auto-close old resolved complaints',
  ],
  report: [
    'report [--region <code>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang sw|en] [--json | --csv]',
    '                             complaints by region and category (dates in Tanzanian time),',
    '                             names beside codes, in Kiswahili or English (default en)',
    'report funnel [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
    '                             USSD filing funnel: screens reached, where callers give up,',
    '                             timeouts and cancels, per network and day (of the sessions',
    '                             kept: USSD_SESSION_RETENTION_DAYS)',
  ],
  sms: smsUsage,
  jobs: jobsUsage,
  backup: [
    'backup <file> [--verify] [--force]',
    '                             copy the database while the server runs; --verify checks the',
    '                             copy (integrity_check, counts); --force replaces <file>',
  ],
  restore: [
    'restore <file> [--force]     replace the database with a verified backup; stop the server',
    '                             first. The current database is kept as',
    '                             <db>.before-restore-<UTC time>; --force sets it aside even if',
    '                             it cannot be checkpointed. The next start migrates the backup',
    '                             if it comes from an older version',
  ],
};

const footer = [
  '',
  'The database is DATABASE_PATH (default ./data/kero.db); settings come from the environment',
  'and .env (see .env.example). Add --help to any command for its own usage.',
];

const usage = [
  'Usage: npm run kero -- <command>',
  '',
  'Commands:',
  ...Object.values(commandUsage).flatMap((lines) => lines.map((line) => `  ${line}`)),
  '  help                         this list',
  ...footer,
];

/**
 * The usage of one command (`staff`), or of one subcommand (`staff add`): its lines and the
 * continuation lines under them.
 */
function usageOf(name: string, sub: string | undefined): string[] {
  const lines = commandUsage[name] ?? [];
  const prefix = sub ? `${name} ${sub}` : name;
  let taking = false;
  const picked = lines.filter((line) => {
    if (!line.startsWith(' ')) taking = line === prefix || line.startsWith(`${prefix} `);
    return taking;
  });
  const shown = picked.length > 0 ? picked : lines;
  return [
    'Usage:',
    ...shown.map(
      (l) => `  ${l.startsWith(' ') ? `${' '.repeat(16)}${l}` : `npm run kero -- ${l}`}`,
    ),
    ...footer,
  ];
}

// `kero report | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Command = (ctx: CliContext, args: string[]) => number | undefined;
type FileCommand = (ctx: CliBase, args: string[]) => number | Promise<number>;

const commands: Record<string, Command> = {
  regions: runRegionsCommand,
  councils: runCouncilsCommand,
  wards: runWardsCommand,
  staff: runStaffCommand,
  escalate: runEscalateCommand,
  report: runReportCommand,
  sms: runSmsCommand,
  jobs: runJobsCommand,
};

/** Commands that open (or must not open) the database file themselves. */
const fileCommands: Record<string, FileCommand> = {
  backup: runBackupCommand,
  restore: runRestoreCommand,
};

function printUsage(write: (line: string) => void): void {
  for (const line of usage) write(line);
}

/** Runs one command line; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const isHelpFlag = (a: string) => a === '--help' || a === '-h';
  if (name === undefined || name === 'help' || isHelpFlag(name)) {
    printUsage(io.out);
    return 0;
  }
  if (args.some(isHelpFlag) && Object.hasOwn(commandUsage, name)) {
    for (const line of usageOf(
      name,
      args.find((a) => !a.startsWith('-')),
    ))
      io.out(line);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  const fileCommand = Object.hasOwn(fileCommands, name) ? fileCommands[name] : undefined;
  if (!command && !fileCommand) {
    io.err(`error: unknown command ${name}`);
    printUsage(io.err);
    return 1;
  }
  const envFile = loadEnvFile(process.env, process.cwd());
  if (!envFile.ok) {
    io.err(envFile.message);
    return 1;
  }
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    io.err(`${parsed.message}\nSee .env.example for every variable.`);
    return 1;
  }
  if (fileCommand) return fileCommand({ config: parsed.config, io, now: Date.now() }, args);
  return command ? runOnDatabase(command, name, args, parsed.config) : 1;
}

function runOnDatabase(command: Command, name: string, args: string[], config: Config): number {
  const file = config.DATABASE_PATH;
  let db: Db;
  try {
    db = openDatabase(file, walCheckpointsOf(config));
  } catch (err) {
    io.err(`error: ${describeOpenFailure(file, err)}`);
    return 1;
  }
  try {
    const code = command({ db, config, io, now: Date.now() }, args);
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
