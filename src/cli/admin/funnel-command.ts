/**
 * `kero report funnel [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]`: the USSD filing funnel
 * (src/reports/funnel.ts): how many sessions reached each filing screen, where callers gave up,
 * timeouts and cancels, medians, per mobile network and per day.
 */
import { menu } from '../../../menus';
import type { FunnelFigures, Medians } from '../../reports/core/funnel';
import { parsePeriod } from '../../reports/core/period';
import { ussdFunnel, type Funnel } from '../../reports/funnel';
import { filingFlow } from '../../ussd/core/filing-flow';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { formatTable, type Column } from './table';

const right = (header: string): Column => ({ header, align: 'right' });
const seconds = (ms: number | null) => (ms === null ? '-' : (ms / 1000).toFixed(1));
const hops = (n: number | null) => (n === null ? '-' : String(n));
const share = (n: number, of: number) => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);

function screenTable(f: FunnelFigures, last: string): string[] {
  const rows = f.screens.map((s) => [
    s.screen,
    String(s.reached),
    share(s.reached, f.filing),
    s.screen === last ? '-' : String(s.abandoned),
    s.screen === last ? '-' : String(s.timedOut),
  ]);
  const columns = [
    { header: 'screen' },
    right('reached'),
    right('of entered'),
    right('abandoned here'),
    right('timed out here'),
  ];
  return formatTable(columns, rows);
}

const groupColumns = [
  right('sessions'),
  right('entered filing'),
  right('completed'),
  right('cancelled'),
  right('abandoned'),
  right('timed out'),
  right('limit'),
  right('median s'),
  right('median hops'),
];

const groupCells = (f: FunnelFigures) => [
  String(f.sessions),
  String(f.filing),
  String(f.completed),
  String(f.cancelled),
  String(f.abandoned),
  String(f.timedOut),
  String(f.limited),
  seconds(f.median.durationMs),
  hops(f.median.hops),
];

const medians = (m: Medians) => `${seconds(m.durationMs)} s, ${hops(m.hops)} hops`;

function summary(f: FunnelFigures): string[] {
  return [
    `${f.sessions} sessions, ${f.filing} entered filing: ${f.completed} completed, ${f.cancelled} cancelled, ` +
      `${f.abandoned} abandoned, ${f.limited} stopped by the daily limit; ${f.live} still live.`,
    `Timed out (AT: Incomplete, not ended by Kero): ${f.timedOut}. Failed (AT): ${f.failed}.`,
    `Median session ${medians(f.median)}; median completed filing ${medians(f.completedMedian)}.`,
  ];
}

function printText(ctx: CliContext, funnel: Funnel, period: string): void {
  const out = (line: string) => ctx.io.out(line);
  out(`USSD filing funnel, sessions started ${period} (Tanzanian time).`);
  out(
    `Sessions are deleted after ${ctx.config.USSD_SESSION_RETENTION_DAYS} days (USSD_SESSION_RETENTION_DAYS): the funnel covers those kept.`,
  );
  if (funnel.overall.sessions === 0) return out('No sessions.');
  for (const line of [...summary(funnel.overall), '']) out(line);
  for (const line of screenTable(funnel.overall, funnel.steps.at(-1) ?? '')) out(line);
  out('');
  const networks = funnel.networks.map((n) => [n.name, ...groupCells(n)]);
  for (const line of formatTable([{ header: 'network' }, ...groupColumns], networks)) out(line);
  out('');
  const days = funnel.days.map((d) => [d.day, ...groupCells(d)]);
  for (const line of formatTable([{ header: 'day' }, ...groupColumns], days)) out(line);
}

function describe(from: string | undefined, to: string | undefined): string {
  if (from && to) return `from ${from} to ${to}`;
  if (from) return `from ${from}`;
  return to ? `up to ${to}` : 'at any time';
}

export function runFunnelCommand(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const v = parsed.value.values;
  const period = parsePeriod(v.from, v.to);
  if (!period.ok) return reportErrors(ctx.io, period.errors);
  const funnel = ussdFunnel(ctx.db, period.value, filingFlow(menu), ctx.now);
  if (!v.json) printText(ctx, funnel, describe(v.from, v.to));
  else {
    const filters = { from: v.from ?? null, to: v.to ?? null };
    const body = { filters, retentionDays: ctx.config.USSD_SESSION_RETENTION_DAYS, ...funnel };
    ctx.io.out(JSON.stringify(body, null, 2));
  }
  return 0;
}
