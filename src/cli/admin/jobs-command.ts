/**
 * `kero jobs`: the background jobs an upgrade left (db/jobs.ts) and how far each is. The server
 * runs them after it listens; this only reads.
 */
import { listJobs, progressOf } from '../../../db/jobs';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { formatTable } from './table';

export const jobsUsage = [
  'jobs                         the background jobs an upgrade left (filling in older',
  '                             complaints) and how far each is; the server runs them',
];

export function runJobsCommand(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const rows = listJobs(ctx.db).map((row) => {
    const p = progressOf(row);
    const state = p.done ? 'finished' : row.startedAt === null ? 'waiting' : `${p.percent} %`;
    const reached = p.done ? '' : `${row.cursor} of ${row.target}`;
    return [row.name, state, reached];
  });
  const columns = [{ header: 'job' }, { header: 'state' }, { header: 'complaints (by id)' }];
  for (const line of formatTable(columns, rows)) ctx.io.out(line);
  return 0;
}
