/**
 * What one README example must do, and the state the examples share (the server, the token, the
 * numbers filings got). Each check returns the problems it found; none means the example works.
 */
import Database from 'better-sqlite3';
import type { Ran, Server } from './processes';

export interface State {
  root: string;
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
  dbFile: string;
  env: NodeJS.ProcessEnv;
  server?: Server;
  token: string;
  /** The number the terminal phone's filing got (digits), and the curl session's. */
  simNumber: string;
  curlNumber: string;
  /** Files the examples write into the project folder, removed at the end. */
  made: string[];
}

export interface Step {
  /** The README command this step expects, exactly as written (comment left off). */
  command?: string;
  /** Or a comment-only line, exactly. */
  comment?: string;
  /**
   * shell: run in the shared bash; start: `npm start` in the background; running: the server
   * must already run; skip: not run (why says why); custom: `custom` does it.
   */
  how: 'shell' | 'start' | 'running' | 'skip' | 'custom';
  why?: string;
  /** What the command reads from its stdin (a piped terminal phone). */
  input?: string;
  check?: (ran: Ran, s: State) => string[] | Promise<string[]>;
  custom?: (s: State) => Promise<string[]>;
}

/** Rows from the run's database, read-only. */
export function rows<T>(s: State, sql: string, ...params: unknown[]): T[] {
  const db = new Database(s.dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** One row's first column. */
export const value = (s: State, sql: string, ...params: unknown[]): unknown =>
  Object.values(rows<Record<string, unknown>>(s, sql, ...params)[0] ?? {})[0];

/** One row's first column as text ('' when there is no such row). */
export function textValue(s: State, sql: string, ...params: unknown[]): string {
  const v = value(s, sql, ...params);
  return typeof v === 'string' ? v : '';
}

/** Problems unless the command exited 0 and its output holds every one of `texts`. */
export function says(ran: Ran, ...texts: (string | RegExp)[]): string[] {
  const problems = ran.code === 0 ? [] : [`exit code ${ran.code}`];
  for (const t of texts) {
    const found = typeof t === 'string' ? ran.output.includes(t) : t.test(ran.output);
    if (!found) problems.push(`output lacks ${String(t)}`);
  }
  return problems;
}

/** A problem unless `actual` equals `expected`. */
export const same = (what: string, actual: unknown, expected: unknown): string[] =>
  actual === expected
    ? []
    : [`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];

export const spaced = (n: string) => `${n.slice(0, 4)} ${n.slice(4)}`;
