/**
 * The settings file: `.env` in the current folder when there is one (or the file `ENV_FILE`
 * names; `ENV_FILE=off` reads none). Its variables fill in only those the environment does not
 * set already, so a real environment variable always wins over the file, as with Node's
 * `process.loadEnvFile` and `--env-file`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';

export type EnvFileResult =
  { ok: true; file?: string; applied: string[] } | { ok: false; message: string };

/** util.parseEnv came with Node 20.12; engines allow 20.0. */
const parseEnv = (util as { parseEnv?: (text: string) => Record<string, string> }).parseEnv;

/**
 * Reads the settings file into `env` (process.env in the entry points) without replacing a
 * variable already set, even to an empty value. A missing default `.env` is no error; a missing
 * `ENV_FILE`, an unreadable file or a Node too old to read it is, in one line.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv, cwd: string): EnvFileResult {
  const named = env.ENV_FILE?.trim();
  if (named?.toLowerCase() === 'off') return { ok: true, applied: [] };
  const file = path.resolve(cwd, named || '.env');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && !named) return { ok: true, applied: [] };
    const why = missing ? 'no such file' : (err as Error).message;
    return { ok: false, message: `Kero cannot read its settings file ${file} (ENV_FILE): ${why}` };
  }
  if (!parseEnv) {
    const needs = `reading it needs Node 20.12 or newer (this is ${process.version})`;
    return { ok: false, message: `Kero cannot read its settings file ${file}: ${needs}` };
  }
  const applied = Object.entries(parseEnv(text))
    .filter(([name]) => env[name] === undefined)
    .map(([name, value]) => {
      env[name] = value;
      return name;
    });
  return { ok: true, file, applied: applied.sort() };
}
