/**
 * The read workers' side of the app: which jobs they run (the console's pages and exports,
 * Open311's answers, the public figures' counts), what they are told at start (ReadSettings: plain data, structured-cloned
 * into each worker), and the pool that runs them (db/read-pool.ts) with ./read-worker as entry.
 */
import os from 'node:os';
import { categoryKeeper } from '../categories/service';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { createReadPool, type ReadPool } from '../../db/read-pool';
import { prefixed, type Jobs } from '../../db/reads';
import type { ConsoleDeps } from '../console/deps';
import { consoleJobs } from '../console/reads';
import type { Open311Deps, Open311Settings } from '../open311/georeport';
import { figuresJobs, type FiguresDeps } from '../figures/reads';
import { open311Jobs } from '../open311/reads';
import type { ReferenceData } from '../reference/types';
import type { Config } from '../config';

/** What the console's read jobs need besides a connection, a clock and a logger. */
export type ConsoleSettings = Omit<
  ConsoleDeps,
  'db' | 'now' | 'logger' | 'randomInt' | 'reference'
>;

export interface ReadSettings {
  /** The database file (a worker opens it read-only). */
  file: string;
  logLevel: string;
  reference: ReferenceData;
  console?: ConsoleSettings;
  open311?: Open311Settings;
}

/** A worker's dependencies: those of each part the server serves. */
export interface WorkerDeps {
  console?: ConsoleDeps;
  open311?: Open311Deps;
  /** The public figures: always served. */
  figures: FiguresDeps;
}

function served<T>(deps: T | undefined, what: string): T {
  if (!deps) throw new Error(`${what} is not served: its read jobs have no settings`);
  return deps;
}

export const readJobs = (): Jobs<WorkerDeps> => ({
  ...prefixed('console', consoleJobs, (d: WorkerDeps) => served(d.console, 'the console')),
  ...prefixed('open311', open311Jobs, (d: WorkerDeps) => served(d.open311, 'Open311')),
  ...prefixed('figures', figuresJobs, (d: WorkerDeps) => d.figures),
});

const noRandomness = (): number => {
  throw new Error('a read job takes no random numbers');
};

/** A worker's dependencies at the main thread's clock `at`. */
export function workerDepsOf(db: Db, s: ReadSettings, logger: Logger): (at: number) => WorkerDeps {
  // Headquarters may change the categories while the worker runs: each job sees the latest.
  const keepCategories = categoryKeeper(db, s.reference);
  return (at) => {
    keepCategories();
    const base = { db, now: () => at, logger, reference: s.reference };
    return {
      figures: { db, now: base.now },
      ...(s.console ? { console: { ...s.console, ...base, randomInt: noRandomness } } : {}),
      ...(s.open311 ? { open311: { ...base, open311: s.open311 } } : {}),
    };
  };
}

/** The read workers: `size` of them, at most `queue` jobs waiting (`entry`: tests' own). */
export function startReadPool(
  settings: ReadSettings,
  o: { size: number; queue: number; logger: Logger; entry?: string },
): ReadPool {
  return createReadPool({
    entry: o.entry ?? require.resolve('./read-worker'),
    data: settings,
    size: o.size,
    queue: o.queue,
    logger: o.logger,
  });
}

/**
 * The read workers' settings for the database `file`: what the console's and Open311's reads
 * need, as plain data (the console's own dependencies less its connection, clock and logger).
 */
export function readSettings(
  file: string,
  logLevel: string,
  consoleDeps: ConsoleDeps,
  open311?: Open311Settings,
): ReadSettings {
  const { db: _db, now: _now, logger: _l, randomInt: _r, reference, ...rest } = consoleDeps;
  return { file, logLevel, reference, console: rest, ...(open311 ? { open311 } : {}) };
}

/** READ_WORKERS, else one fewer than the cores (the other runs the event loop), at least one. */
export const readWorkersOf = (config: Config): number =>
  config.READ_WORKERS ?? Math.max(1, os.availableParallelism() - 1);
