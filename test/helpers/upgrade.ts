/**
 * A database as an upgrade finds it: complaints from before the columns and tables that later
 * migrations fill (SLA deadlines, office times, place keys) and the background jobs that fill them
 * not yet run. Only what a migration would leave empty is emptied; everything else is as filed.
 */
import type { Db } from '../../db/client';

/** Empties what the upgrade's background jobs fill in and marks those jobs not yet started. */
export function forgetFillIns(
  db: Db,
  jobs: readonly string[] = ['due_times', 'work_times', 'place_keys'],
): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    if (jobs.includes('due_times')) {
      sqlite.exec(`UPDATE complaints SET first_response_due_at = NULL, resolution_due_at = NULL`);
    }
    if (jobs.includes('work_times')) {
      sqlite.exec(`UPDATE complaints SET first_response_work_ms = NULL, resolution_work_ms = NULL`);
    }
    if (jobs.includes('place_keys')) sqlite.exec(`UPDATE complaints SET place_key = NULL`);
    const reset = sqlite.prepare(
      `UPDATE background_jobs SET cursor = 0, target = 0, started_at = NULL, finished_at = NULL
        WHERE name = ?`,
    );
    for (const name of jobs) reset.run(name);
  })();
}
