/**
 * Where each dashboard figure leads: the queue filtered, as closely as its filters allow, to the
 * complaints behind the figure (src/console/routes/queue.ts reads these keys). Pure.
 *
 * The queue always shows one tab: the open ones (received, open, reopened, SLA figures: the
 * ones still to act on), the unassigned ones (unattended) or the resolved ones (resolved,
 * ratings, times to resolution). Filing dates are the period's, as the dashboard counts them.
 */
export type QueueTab = 'open' | 'unassigned' | 'resolved' | 'overdue';

export interface LinkFilters {
  region?: string;
  council?: string;
  ward?: string;
  category?: string;
  channel?: string;
}

/** Pure. The queue's address for a tab, filters and filing dates (YYYY-MM-DD, both included). */
export function queueHref(
  tab: QueueTab,
  dates: { fromDate: string; toDate: string },
  f: LinkFilters = {},
): string {
  const q = new URLSearchParams({ tab });
  for (const k of ['region', 'council', 'ward', 'category', 'channel'] as const) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  q.set('from', dates.fromDate);
  q.set('to', dates.toDate);
  return `/console?${q.toString()}`;
}

/** Pure. The dashboard's own address for another period or table (the CSV downloads). */
export function dashboardHref(
  path: '/console/dashboard' | '/console/dashboard.csv',
  q: Record<string, string | undefined>,
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
