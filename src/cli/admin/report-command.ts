/**
 * `kero report [--region ARU] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json | --csv]`: the
 * complaints report as an aligned table with a total row, as JSON for machines or CSV for a
 * spreadsheet; and (table and JSON) the SMS parts sent this month against SMS_MONTHLY_BUDGET.
 * `kero report funnel …` is the USSD funnel (./funnel-command.ts).
 */
import { loadReferenceData } from '../../reference/repository';
import { unknownRegion } from '../../reference/suggestions';
import { parsePeriod } from '../../reports/core/period';
import { csvText, type CsvCell } from '../../reports/csv';
import { complaintReport, type ComplaintReport, type ReportFigures } from '../../reports/report';
import { smsUsage, type SmsUsage } from '../../reports/sms-budget';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { runFunnelCommand } from './funnel-command';
import { formatTable, type Column } from './table';

const columns: Column[] = [
  { header: 'region' },
  { header: 'category' },
  { header: 'received', align: 'right' },
  { header: 'assigned', align: 'right' },
  { header: 'in progress', align: 'right' },
  { header: 'resolved', align: 'right' },
  { header: 'closed', align: 'right' },
  { header: 'total', align: 'right' },
  { header: 'median response h', align: 'right' },
  { header: 'median resolution h', align: 'right' },
  { header: 'SLA breaches', align: 'right' },
];

const tableHours = (h: number | null) => (h === null ? '-' : h.toFixed(1));
const jsonHours = (h: number | null) => (h === null ? null : Math.round(h * 100) / 100);

function figureCells(f: ReportFigures): string[] {
  return [
    String(f.received),
    String(f.assigned),
    String(f.inProgress),
    String(f.resolved),
    String(f.closed),
    String(f.total),
    tableHours(f.medianFirstResponseHours),
    tableHours(f.medianResolutionHours),
    String(f.slaBreaches),
  ];
}

interface Shown {
  region: string | null;
  from: string | null;
  to: string | null;
}

function describe(shown: Shown): string {
  const period =
    shown.from && shown.to
      ? `from ${shown.from} to ${shown.to}`
      : shown.from
        ? `from ${shown.from}`
        : shown.to
          ? `up to ${shown.to}`
          : 'all time';
  return `Complaints filed ${period} (Tanzanian time), ${shown.region ? `region ${shown.region}` : 'all regions'}`;
}

/** The month's SMS line: `SMS sent in 2026-03 (Tanzanian time): 812 parts of a budget of 1000 (81%)`. */
function smsLine(u: SmsUsage): string {
  const budget =
    u.budget === null ? ' (no SMS_MONTHLY_BUDGET)' : ` of a budget of ${u.budget} (${u.percent}%)`;
  return `SMS sent in ${u.month} (Tanzanian time): ${u.parts} parts${budget}`;
}

function printTable(ctx: CliContext, report: ComplaintReport, shown: Shown, sms: SmsUsage): void {
  ctx.io.out(`${describe(shown)}:`);
  if (report.rows.length === 0) ctx.io.out('No complaints.');
  else {
    const rows = report.rows.map((r) => [r.regionCode, r.categoryCode, ...figureCells(r)]);
    const footer = ['TOTAL', '', ...figureCells(report.total)];
    for (const line of formatTable(columns, rows, footer)) ctx.io.out(line);
  }
  ctx.io.out('');
  ctx.io.out(smsLine(sms));
}

/**
 * The report as CSV for a spreadsheet (RFC 4180, UTF-8 with a BOM so Excel reads it right): the
 * table's columns, hours with two decimals, the total as the last row.
 */
function printCsv(ctx: CliContext, report: ComplaintReport): void {
  const cells = (f: ReportFigures): CsvCell[] => [
    f.received,
    f.assigned,
    f.inProgress,
    f.resolved,
    f.closed,
    f.total,
    jsonHours(f.medianFirstResponseHours),
    jsonHours(f.medianResolutionHours),
    f.slaBreaches,
  ];
  const text = csvText(
    columns.map((c) => c.header),
    [
      ...report.rows.map((r) => [r.regionCode, r.categoryCode, ...cells(r)]),
      ['TOTAL', '', ...cells(report.total)],
    ],
  );
  // `out` ends each line with LF: leave off the text's own last LF, keeping its CR (CRLF).
  ctx.io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
}

function printJson(ctx: CliContext, report: ComplaintReport, shown: Shown, sms: SmsUsage): void {
  const hoursOf = <T extends ReportFigures>(f: T): T => ({
    ...f,
    medianFirstResponseHours: jsonHours(f.medianFirstResponseHours),
    medianResolutionHours: jsonHours(f.medianResolutionHours),
  });
  const body = {
    filters: shown,
    rows: report.rows.map(hoursOf),
    total: hoursOf(report.total),
    sms,
  };
  ctx.io.out(JSON.stringify(body, null, 2));
}

export function runReportCommand(ctx: CliContext, args: string[]): number {
  if (args[0] === 'funnel') return runFunnelCommand(ctx, args.slice(1));
  const parsed = parseCommandArgs(args, {
    region: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const v = parsed.value.values;
  const region = v.region?.trim().toUpperCase();
  const errors: string[] = [];
  const ref = loadReferenceData(ctx.db);
  if (region !== undefined && !ref.regions.some((r) => r.code === region)) {
    errors.push(`--region: ${unknownRegion(region, ref)}`);
  }
  const period = parsePeriod(v.from, v.to);
  if (!period.ok) errors.push(...period.errors);
  if (v.json && v.csv) errors.push('--json and --csv: choose one');
  if (errors.length > 0 || !period.ok) return reportErrors(ctx.io, errors);
  const report = complaintReport(ctx.db, {
    ...(region === undefined ? {} : { regionCode: region }),
    ...period.value,
  });
  const shown = { region: region ?? null, from: v.from ?? null, to: v.to ?? null };
  const sms = smsUsage(ctx.db, ctx.config.SMS_MONTHLY_BUDGET, ctx.now);
  if (v.csv) printCsv(ctx, report);
  else if (v.json) printJson(ctx, report, shown, sms);
  else printTable(ctx, report, shown, sms);
  return 0;
}
