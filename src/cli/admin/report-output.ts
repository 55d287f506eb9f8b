/**
 * `kero report`'s three outputs in the language asked for, names beside codes: an aligned table
 * with a total row ("Arusha (ARU)", "Maji (water)"), CSV for a spreadsheet (code and name in
 * columns of their own) and JSON for machines (keys in English, names added).
 */
import { csvText, type CsvCell } from '../../reports/csv';
import type { ComplaintReport, ReportFigures, ReportRow } from '../../reports/report';
import type { SmsUsage } from '../../reports/sms-budget';
import type { Lang } from '../../text/translate';
import type { Output } from './args';
import type { ReportWords } from './report-words';
import { formatTable, type Column } from './table';

/** What is shown and how: the filters as typed, the words, and the names of codes. */
export interface ReportView {
  region: string | null;
  from: string | null;
  to: string | null;
  lang: Lang;
  words: ReportWords;
  regionName: (code: string) => string;
  categoryName: (code: string) => string;
}

const figureHeaders = (w: ReportWords) => [
  w.received,
  w.assigned,
  w.inProgress,
  w.resolved,
  w.closed,
  w.total,
  w.medianResponse,
  w.medianResolution,
  w.breaches,
];

const tableHours = (h: number | null) => (h === null ? '-' : h.toFixed(1));
const jsonHours = (h: number | null) => (h === null ? null : Math.round(h * 100) / 100);

const counts = (f: ReportFigures) => [
  f.received,
  f.assigned,
  f.inProgress,
  f.resolved,
  f.closed,
  f.total,
];

function title(v: ReportView): string {
  const where = v.region ? v.words.oneRegion(v.regionName(v.region), v.region) : v.words.allRegions;
  return v.words.title(v.words.period(v.from, v.to), where);
}

/** The month's SMS line: `SMS sent in 2026-03 (Tanzanian time): 812 parts of a budget of 1000 (81%)`. */
function smsLine(u: SmsUsage, w: ReportWords): string {
  const budget = u.budget === null ? w.noBudget : w.budget(u.budget, u.percent ?? 0);
  return `${w.sms(u.month, u.parts)}${budget}`;
}

export function printTable(
  io: Output,
  report: ComplaintReport,
  v: ReportView,
  sms: SmsUsage,
): void {
  const w = v.words;
  const cells = (f: ReportFigures) => [
    ...counts(f).map(String),
    tableHours(f.medianFirstResponseHours),
    tableHours(f.medianResolutionHours),
    String(f.slaBreaches),
  ];
  io.out(`${title(v)}:`);
  if (report.rows.length === 0) io.out(w.none);
  else {
    const columns: Column[] = [
      { header: w.region },
      { header: w.category },
      ...figureHeaders(w).map((header) => ({ header, align: 'right' as const })),
    ];
    const rows = report.rows.map((r) => [
      `${v.regionName(r.regionCode)} (${r.regionCode})`,
      `${v.categoryName(r.categoryCode)} (${r.categoryCode})`,
      ...cells(r),
    ]);
    for (const line of formatTable(columns, rows, [w.totalRow, '', ...cells(report.total)])) {
      io.out(line);
    }
  }
  io.out('');
  io.out(smsLine(sms, w));
}

/**
 * The report as CSV for a spreadsheet (RFC 4180, UTF-8 with a BOM so Excel reads it right): codes
 * and names in their own columns, hours with two decimals, the total as the last row.
 */
export function printCsv(io: Output, report: ComplaintReport, v: ReportView): void {
  const w = v.words;
  const cells = (f: ReportFigures): CsvCell[] => [
    ...counts(f),
    jsonHours(f.medianFirstResponseHours),
    jsonHours(f.medianResolutionHours),
    f.slaBreaches,
  ];
  const header = [w.region, w.regionName, w.category, w.categoryName, ...figureHeaders(w)];
  const text = csvText(header, [
    ...report.rows.map((r) => [
      ...[r.regionCode, v.regionName(r.regionCode)],
      ...[r.categoryCode, v.categoryName(r.categoryCode)],
      ...cells(r),
    ]),
    [w.totalRow, '', '', '', ...cells(report.total)],
  ]);
  // `out` ends each line with LF: leave off the text's own last LF, keeping its CR (CRLF).
  io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
}

export function printJson(io: Output, report: ComplaintReport, v: ReportView, sms: SmsUsage): void {
  const hoursOf = <T extends ReportFigures>(f: T): T => ({
    ...f,
    medianFirstResponseHours: jsonHours(f.medianFirstResponseHours),
    medianResolutionHours: jsonHours(f.medianResolutionHours),
  });
  const named = ({ regionCode, categoryCode, ...figures }: ReportRow) => ({
    regionCode,
    regionName: v.regionName(regionCode),
    categoryCode,
    categoryName: v.categoryName(categoryCode),
    ...hoursOf(figures),
  });
  const body = {
    filters: { region: v.region, from: v.from, to: v.to, lang: v.lang },
    rows: report.rows.map(named),
    total: hoursOf(report.total),
    sms,
  };
  io.out(JSON.stringify(body, null, 2));
}
