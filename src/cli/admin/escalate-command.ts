/**
 * `kero escalate`: one run of the SLA timer's work on demand (escalations, then auto-close), and
 * a plain account of what it did.
 */
import { runSlaTick, type Escalated } from '../../complaints/escalation';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { escalationDeps } from '../../deps';
import { findStaffById } from '../../staff/repository';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { formatTable } from './table';

const breachLabel: Record<Escalated['breach'], string> = {
  first_response: 'first response',
  resolution: 'resolution',
};

function ownerName(ctx: CliContext, id: number | null): string {
  if (id === null) return 'headquarters queue';
  return findStaffById(ctx.db, id)?.name ?? `staff ${id}`;
}

export function runEscalateCommand(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const { escalated, closed } = runSlaTick(escalationDeps(ctx.config, ctx.db, () => ctx.now));
  if (escalated.length === 0) ctx.io.out('Nothing to escalate.');
  else {
    ctx.io.out(`Escalated ${escalated.length}:`);
    const rows = escalated.map((e) => [
      formatComplaintNumber(e.number),
      breachLabel[e.breach],
      `${e.fromLevel} → ${e.toLevel}`,
      ownerName(ctx, e.toAssignee),
    ]);
    const columns = [
      { header: 'number' },
      { header: 'breach' },
      { header: 'level' },
      { header: 'new owner' },
    ];
    for (const line of formatTable(columns, rows)) ctx.io.out(`  ${line}`);
  }
  if (closed.length === 0) ctx.io.out('Nothing to auto-close.');
  else {
    ctx.io.out(
      `Auto-closed ${closed.length} (resolved over ${ctx.config.AUTO_CLOSE_DAYS} days ago):`,
    );
    for (const n of closed) ctx.io.out(`  ${formatComplaintNumber(n)}`);
  }
  return 0;
}
