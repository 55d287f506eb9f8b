/**
 * The console's reads: every signed-in GET page and export as a job of its dependencies and
 * a PageRequest, run on a read worker's own read-only connection in production (db/read-pool.ts)
 * or on the main thread's (`inThread`, tests on `:memory:`). None of them writes: what a GET
 * writes (a session's last-seen time) is done by the route layer on the main thread first.
 */
import type { Jobs, Reads } from '../../db/reads';
import type { ConsoleDeps } from './deps';
import { accountGet } from './pages/account';
import { callGet } from './pages/call';
import { callbackGet, callbacksGet } from './pages/callbacks';
import { categoriesGet, categoryEditGet } from './pages/categories';
import { complaintGet } from './pages/complaint';
import { dashboardCsvOf, dashboardGet } from './pages/dashboard';
import { queueCsvOf, queueGet } from './pages/queue';
import { autoReplyEditGet, repliesGet, savedReplyEditGet } from './pages/replies';
import { ruleEditGet, rulesGet } from './pages/rules';
import { deactivateGet, staffGet } from './pages/staff';
import { staffEditGet } from './pages/staff-edit';
import { staffChangesGet } from './pages/staff-changes';
import { teamGet, teamsGet } from './pages/teams';
import { triageGet } from './pages/triage';

export const consoleJobs = {
  queue: { ask: queueGet },
  queueCsv: { stream: queueCsvOf },
  complaint: { ask: complaintGet },
  call: { ask: callGet },
  triage: { ask: triageGet },
  callbacks: { ask: callbacksGet },
  callback: { ask: callbackGet },
  staff: { ask: staffGet },
  staffEdit: { ask: staffEditGet },
  staffDeactivate: { ask: deactivateGet },
  staffChanges: { ask: staffChangesGet },
  categories: { ask: categoriesGet },
  categoryEdit: { ask: categoryEditGet },
  replies: { ask: repliesGet },
  savedReplyEdit: { ask: savedReplyEditGet },
  autoReplyEdit: { ask: autoReplyEditGet },
  teams: { ask: teamsGet },
  team: { ask: teamGet },
  rules: { ask: rulesGet },
  ruleEdit: { ask: ruleEditGet },
  dashboard: { ask: dashboardGet },
  dashboardCsv: { stream: dashboardCsvOf },
  account: { ask: accountGet },
} satisfies Jobs<ConsoleDeps>;

export type ConsoleJobs = typeof consoleJobs;
export type ConsoleReads = Reads<ConsoleJobs>;

/** The jobs that answer with a page. */
export type PageKind = {
  [K in keyof ConsoleJobs]: ConsoleJobs[K] extends { ask: unknown } ? K : never;
}[keyof ConsoleJobs];
