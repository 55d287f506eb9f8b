/**
 * The `background_jobs` rows: where each fill-in stands. Read by the runner, the dashboard and the
 * report (a figure that depends on an unfinished job says so), /readyz and /metrics; a handful of
 * rows, so every read is one cheap statement.
 */
import { preparedPerDb, type Db, type Tx } from './client';

/** The cursor of a finished job: every complaint id, present and future, is below it. */
export const FINISHED_CURSOR = Number.MAX_SAFE_INTEGER;

export interface JobRow {
  name: string;
  cursor: number;
  target: number;
  startedAt: number | null;
  finishedAt: number | null;
}

const statements = preparedPerDb((db) => ({
  all: db.$client.prepare(
    `SELECT name, cursor, target, started_at AS startedAt, finished_at AS finishedAt
       FROM background_jobs ORDER BY rowid`,
  ),
  start: db.$client.prepare(
    `UPDATE background_jobs SET target = ?, started_at = coalesce(started_at, ?) WHERE name = ?`,
  ),
  advance: db.$client.prepare(`UPDATE background_jobs SET cursor = ? WHERE name = ?`),
  finish: db.$client.prepare(
    `UPDATE background_jobs SET cursor = ${FINISHED_CURSOR}, target = ?, finished_at = ? WHERE name = ?`,
  ),
  lastComplaint: db.$client.prepare(`SELECT coalesce(max(id), 0) FROM complaints`).pluck(),
}));

/** Every job's row, in the order the migrations added them (the order they run in). */
export function listJobs(db: Db): JobRow[] {
  return statements(db).all.all() as JobRow[];
}

/** The highest complaint id (0 with none): one step down the primary key. */
export function lastComplaintId(db: Db): number {
  return statements(db).lastComplaint.get() as number;
}

/** Records the id a job is heading for (and when it first started). */
export function markJobTarget(tx: Tx, name: string, target: number, now: number): void {
  statements(tx).start.run(target, now, name);
}

/** Records that complaints up to `cursor` are done (inside the batch's own transaction). */
export function advanceJob(tx: Tx, name: string, cursor: number): void {
  statements(tx).advance.run(cursor, name);
}

export function finishJob(tx: Tx, name: string, target: number, now: number): void {
  statements(tx).finish.run(target, now, name);
}

export interface JobProgress {
  name: string;
  done: boolean;
  /** Whole per cent of the complaints looked at (100 once finished). */
  percent: number;
}

/** Pure. How far a job's row says it is. */
export function progressOf(row: JobRow): JobProgress {
  if (row.finishedAt !== null) return { name: row.name, done: true, percent: 100 };
  const percent = row.target <= 0 ? 0 : Math.min(99, Math.floor((row.cursor * 100) / row.target));
  return { name: row.name, done: false, percent };
}

/**
 * Whether the figures that depend on `names` can be trusted yet: null when every one of those
 * jobs has finished (or is unknown to this database), else the mean progress of those still
 * running, in per cent.
 */
export function preparing(db: Db, names: readonly string[]): number | null {
  const open = listJobs(db)
    .filter((r) => names.includes(r.name))
    .map(progressOf)
    .filter((p) => !p.done);
  if (open.length === 0) return null;
  return Math.floor(open.reduce((sum, p) => sum + p.percent, 0) / open.length);
}
