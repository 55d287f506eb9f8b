/**
 * The one rollup counted again, independently of its SQL (db/rollup-sql.ts): each complaint's
 * contribution written out in JavaScript from the rollup's definitions, summed per row. For the
 * rollup test and the upgrade's check that the background job built what the triggers would have.
 * Both sides as sorted "key: counters" lines, rows that count nothing left out.
 */
import type { Db } from '../db/client';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Complaint {
  id: number;
  status: string;
  region_code: string;
  council_code: string;
  category_code: string;
  channel: string;
  assignee_id: number | null;
  created_at: number;
  first_response_at: number | null;
  first_response_due_at: number | null;
  resolved_at: number | null;
  resolution_due_at: number | null;
  rating: number | null;
  reopen_count: number;
  first_response_work_ms: number | null;
  resolution_work_ms: number | null;
}

const COUNTERS = [
  'n',
  'st_received',
  'st_assigned',
  'st_in_progress',
  'st_resolved',
  'st_closed',
  'unattended',
  'answered',
  'fr_met',
  'fr_late',
  'resolved_ever',
  'res_met',
  'res_late',
  'late',
  'ever_done',
  'reopened',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
] as const;

const dayOf = (ms: number) => Math.floor((ms + 3 * HOUR) / DAY);
const hoursOf = (ms: number) => Math.floor((ms + HOUR - 1) / HOUR);

/** What one complaint counts, written again from the rollup's definitions. */
function countersOf(c: Complaint): number[] {
  const open = ['received', 'assigned', 'in_progress'].includes(c.status);
  const answer = c.first_response_at ?? c.resolved_at;
  const due = (at: number | null, deadline: number | null) =>
    at === null || deadline === null ? null : at <= deadline;
  const frOnTime = due(answer, c.first_response_due_at);
  const resOnTime = due(c.resolved_at, c.resolution_due_at);
  const values: Record<(typeof COUNTERS)[number], boolean | number> = {
    n: 1,
    st_received: c.status === 'received',
    st_assigned: c.status === 'assigned',
    st_in_progress: c.status === 'in_progress',
    st_resolved: c.status === 'resolved',
    st_closed: c.status === 'closed',
    unattended: open && c.assignee_id === null,
    answered: c.first_response_at !== null,
    fr_met: frOnTime === true,
    fr_late: frOnTime === false,
    resolved_ever: c.resolved_at !== null,
    res_met: resOnTime === true,
    res_late: resOnTime === false,
    late: frOnTime === false || resOnTime === false,
    ever_done: c.resolved_at !== null || c.reopen_count > 0,
    reopened: c.reopen_count > 0,
    r1: c.rating === 1,
    r2: c.rating === 2,
    r3: c.rating === 3,
    r4: c.rating === 4,
    r5: c.rating === 5,
  };
  return COUNTERS.map((k) => Number(values[k]));
}

/** The rollup a count of every complaint gives, as sorted "key: counters" lines. */
export function recountRollup(db: Db): string[] {
  const rows = db.$client.prepare('SELECT * FROM complaints').all() as Complaint[];
  const sums = new Map<string, number[]>();
  const add = (key: (string | number)[], values: number[]) => {
    const k = key.join('|');
    const sum = sums.get(k) ?? COUNTERS.map(() => 0);
    values.forEach((v, i) => (sum[i] = (sum[i] ?? 0) + v));
    sums.set(k, sum);
  };
  const one = COUNTERS.map((_, i) => (i === 0 ? 1 : 0));
  for (const c of rows) {
    const values = countersOf(c);
    const day = dayOf(c.created_at);
    add(['c', day, c.region_code, c.council_code, c.category_code, c.channel, 0], values);
    add(['rc', day, c.region_code, '', c.category_code, '', 0], values);
    add(['rcw', day - (day % 7), c.region_code, '', c.category_code, '', 0], values);
    add(['ch', day, '', '', '', c.channel, 0], values);
    if (c.resolved_at !== null && ['resolved', 'closed'].includes(c.status)) {
      add(['res', dayOf(c.resolved_at), c.region_code, '', '', '', 0], one);
    }
    if (c.first_response_work_ms !== null) {
      add(['hfr', day, '', '', '', '', hoursOf(c.first_response_work_ms)], one);
    }
    if (c.resolution_work_ms !== null) {
      add(['hres', day, '', '', '', '', hoursOf(c.resolution_work_ms)], one);
    }
  }
  return [...sums.entries()].map(([k, v]) => `${k}: ${v.join(' ')}`).sort();
}

/** The rollup's rows that count something, as the same lines. */
export function storedRollup(db: Db): string[] {
  const keys = 'kind, day, region, council, category, channel, hours';
  return (
    db.$client
      .prepare(`SELECT ${keys}, ${COUNTERS.join(', ')} FROM complaint_rollup`)
      .raw()
      .all() as (string | number)[][]
  )
    .filter((r) => r.slice(7).some((v) => v !== 0))
    .map((r) => `${r.slice(0, 7).join('|')}: ${r.slice(7).join(' ')}`)
    .sort();
}
