/**
 * Plumbing shared by the admin CLI's commands: what each command is given, and argument parsing
 * (node:util parseArgs) that turns mistakes into messages rather than thrown errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Db } from '../../../db/client';
import type { Config } from '../../config';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What every command gets from the composition root. Commands return the exit code. */
export interface CliBase {
  config: Config;
  io: Output;
  /** The moment the command runs (ms since the epoch). */
  now: number;
}

/** What a command working on the database gets: the database too, open and migrated. */
export interface CliContext extends CliBase {
  db: Db;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** How many positional arguments a command takes, and what to call them when one is missing. */
export interface Positionals {
  min: number;
  max: number;
  names: string;
}

const NONE: Positionals = { min: 0, max: 0, names: '' };

/** Parses `args` against `options`; unknown flags, missing values and extra positionals are errors. */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  options: O,
  positionals: Positionals = NONE,
) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    const count = parsed.positionals.length;
    if (count < positionals.min) {
      return fail(`missing ${positionals.names}`);
    }
    if (count > positionals.max) {
      return fail(`unexpected argument: ${parsed.positionals.slice(positionals.max).join(' ')}`);
    }
    return { ok: true as const, value: parsed };
  } catch (err) {
    // parseArgs explains at length how to pass '--x' as a positional: the first sentence is enough.
    const message = err instanceof Error ? err.message : String(err);
    return fail(message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? message);
  }
}

function fail(message: string): { ok: false; errors: string[] } {
  return { ok: false, errors: [message] };
}

/** The flags among `names` that are absent or empty, as `--name` messages. */
export function missingFlags(values: Record<string, unknown>, names: readonly string[]): string[] {
  return names
    .filter((n) => {
      const v = values[n];
      return typeof v !== 'string' || v.trim() === '';
    })
    .map((n) => `missing --${n}`);
}

/** Writes each error on its own line, prefixed; returns the exit code 1. */
export function reportErrors(io: Output, errors: readonly string[]): number {
  for (const e of errors) io.err(`error: ${e}`);
  return 1;
}
