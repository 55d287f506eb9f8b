/**
 * The public figures' read as a job (db/reads.ts): one region's councils over a period, so that
 * the pass over a year of its complaints runs on a read worker, and a country's page is 31 short
 * jobs that other readers' jobs can slip between rather than one long one.
 */
import type { Db } from '../../db/client';
import { preparing } from '../../db/jobs';
import type { Jobs } from '../../db/reads';
import { TIME_JOBS } from '../reports/dashboard';
import { DUE_TIMES_JOB } from '../complaints/due-times';
import { councilCounts, type RegionCounts } from './core/figures';
import { figureCells } from './repository';

export interface FiguresDeps {
  db: Db;
  now: () => number;
}

export interface RegionAsk {
  region: string;
  /** The period's first instant and the one after its last. */
  from: number;
  until: number;
  /** The published categories: only their complaints count. */
  categories: string[];
}

/** One region's councils, read at the caller's clock (lateness is judged then). */
export function regionCounts(deps: FiguresDeps, a: RegionAsk): RegionCounts {
  const now = deps.now();
  const cells = figureCells(deps.db, a.region, a, now, a.categories);
  return {
    region: a.region,
    computedAt: now,
    councils: councilCounts(cells),
    preparing: {
      deadlines: preparing(deps.db, [DUE_TIMES_JOB]),
      times: preparing(deps.db, TIME_JOBS),
    },
  };
}

export const figuresJobs = { region: { ask: regionCounts } } satisfies Jobs<FiguresDeps>;
export type FiguresJobs = typeof figuresJobs;
