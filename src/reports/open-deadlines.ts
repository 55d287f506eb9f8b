/**
 * The `open_deadlines` background job: copies the complaints open when migration 0020 ran into
 * `open_deadlines` (db/schema.ts), a range of ids per batch, in the shape the triggers keep. A row
 * is the complaint's state now, so whether the job or a trigger wrote it last they agree.
 */
import { preparedPerDb } from '../../db/client';
import type { FillIn } from '../../db/job-runner';

export const OPEN_DEADLINES_JOB = 'open_deadlines';

const statements = preparedPerDb((db) =>
  db.$client.prepare(
    `INSERT OR REPLACE INTO open_deadlines
       (region, category, channel, council, complaint_id, due_at, created_at, unanswered,
        resolution_due_at)
     SELECT region_code, category_code, channel, council_code, id, due_at, created_at,
            first_response_at IS NULL, resolution_due_at
       FROM complaints WHERE id > ? AND id <= ? AND due_at IS NOT NULL`,
  ),
);

export const openDeadlinesFill: FillIn = {
  name: OPEN_DEADLINES_JOB,
  what: 'open complaints by deadline for the dashboard',
  fill(tx, after, upTo) {
    return statements(tx).run(after, upTo).changes;
  },
};
