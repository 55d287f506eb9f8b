/**
 * `kero report [--region ARU] [--from YYYY-MM-DD --to YYYY-MM-DD] [--lang sw|en] [--json | --csv]`:
 * the complaints report as an aligned table with a total row, as JSON for machines or CSV for a
 * spreadsheet, in Kiswahili or English with names beside codes (./report-output.ts); and (table
 * and JSON) the SMS parts sent this month against SMS_MONTHLY_BUDGET.
 * `kero report funnel …` is the USSD funnel (./funnel-command.ts).
 */
import { loadReferenceData } from '../../reference/repository';
import { unknownRegion } from '../../reference/suggestions';
import { parsePeriod } from '../../reports/core/period';
import { preparing } from '../../../db/jobs';
import { ROLLUP_JOBS } from '../../reports/rollup';
import { complaintReport } from '../../reports/report';
import { smsUsage } from '../../reports/sms-budget';
import { codeLabel } from '../../text/labels';
import { LANGS } from '../../text/translate';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { runFunnelCommand } from './funnel-command';
import { printCsv, printJson, printTable, type ReportView } from './report-output';
import { reportWords } from './report-words';

export function runReportCommand(ctx: CliContext, args: string[]): number {
  if (args[0] === 'funnel') return runFunnelCommand(ctx, args.slice(1));
  const parsed = parseCommandArgs(args, {
    region: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    lang: { type: 'string' },
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
  const lang = LANGS.find((l) => l === (v.lang ?? 'en').trim().toLowerCase());
  if (!lang) errors.push(`--lang: sw or en, not ${v.lang}`);
  if (errors.length > 0 || !period.ok || !lang) return reportErrors(ctx.io, errors);
  const wait = preparing(ctx.db, ROLLUP_JOBS);
  if (wait !== null) {
    ctx.io.err(
      `error: the figures are being prepared (${wait} %): after an upgrade the server counts the older complaints in the background. Try again when \`kero jobs\` shows them finished.`,
    );
    return 1;
  }
  const report = complaintReport(ctx.db, {
    now: ctx.now,
    ...(region === undefined ? {} : { regionCode: region }),
    ...period.value,
  });
  const view: ReportView = {
    ...{ region: region ?? null, from: v.from ?? null, to: v.to ?? null },
    lang,
    words: reportWords[lang],
    regionName: (code) => ref.regions.find((r) => r.code === code)?.label[lang] ?? code,
    categoryName: (code) => codeLabel('category', code, lang),
  };
  const sms = smsUsage(ctx.db, ctx.config.SMS_MONTHLY_BUDGET, ctx.now);
  if (v.csv) printCsv(ctx.io, report, view);
  else if (v.json) printJson(ctx.io, report, view, sms);
  else printTable(ctx.io, report, view, sms);
  return 0;
}
