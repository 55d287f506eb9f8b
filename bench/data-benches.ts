/**
 * The data parts of `npm run bench`: outbox drain rate, assignment at scale, Open311 pages,
 * `kero report`, the console and its dashboard over a million complaints, with targets.
 */
import { runAssignmentBench, type AssignmentBenchResult } from './assignment';
import { runConsoleBench } from './console';
import { printConsoleReport, type ConsoleBenchResult } from './console-report';
import { runDashboardBench, type DashboardBenchResult } from './dashboard';
import { runFiguresBench, type FiguresBenchResult } from './figures';
import { ISOLATION_DEFAULTS, runIsolationBench } from './isolation';
import { printIsolationReport, type IsolationResult } from './isolation-report';
import { runOpen311Bench, type Open311BenchResult } from './open311';
import { runOutboxBench, type OutboxBenchResult } from './outbox';
import { runPlaceMatchBench, type PlaceMatchBenchResult } from './place-match';
import { printReportsBench, runReportsBench, type ReportsBenchResult } from './reports';
import { printUpgrade, runUpgrade, type UpgradeRun } from './upgrade';
import { runWriteCostBench, type WriteCost } from './write-cost';

const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

export async function runDataBenches(parts: {
  outbox: boolean;
  assignment: boolean;
  open311: boolean;
  report: boolean;
  /** The console bench, over this many complaints. */
  console?: { complaints: number } | undefined;
  dashboard: boolean;
  /** The public figures, cold and warm (bench/figures.ts). */
  figures: boolean;
  /** What the rollup costs a filing and a status change (bench/write-cost.ts). */
  writes: boolean;
  /** Recognising a typed ward or village, beside a USSD hop (bench/place-match.ts). */
  placeMatch: boolean;
  /** An upgrade from the previous release's database of this many complaints. */
  upgrade?: { complaints: number } | undefined;
  /** USSD first screens beside the readers, on a desk of this many complaints. */
  isolation?: { complaints: number } | undefined;
}): Promise<void> {
  let outbox: OutboxBenchResult | undefined;
  let assignment: AssignmentBenchResult | undefined;
  let open311: Open311BenchResult | undefined;
  let report: ReportsBenchResult | undefined;
  let desk: ConsoleBenchResult | undefined;
  if (parts.outbox) {
    console.log(
      "\nOutbox bench: dispatcher -> Africa's Talking SDK -> fake AT server on 127.0.0.1",
    );
    outbox = await runOutboxBench();
  }
  if (parts.assignment) {
    console.log('\nAssignment bench: 2,000 staff, empty database vs 100,000 open complaints');
    assignment = runAssignmentBench();
  }
  if (parts.open311) {
    console.log(
      '\nOpen311 bench: GET /open311/v2/requests.json over 1,000,000 complaints (180 days)',
    );
    open311 = await runOpen311Bench();
  }
  if (parts.report) {
    console.log('\nReport bench: kero report over 1,000,000 complaints (365 days)');
    report = runReportsBench();
  }
  if (parts.console) {
    const n = parts.console.complaints.toLocaleString('en');
    console.log(`\nConsole bench: queue and complaint pages over ${n} complaints, then USSD hops`);
    console.log('alone and beside 20 console users');
    desk = await runConsoleBench({ complaints: parts.console.complaints });
  }
  let dashboard: DashboardBenchResult | undefined;
  if (parts.dashboard) {
    console.log('\nDashboard bench: /console/dashboard over 1,000,000 complaints (365 days)');
    dashboard = runDashboardBench();
  }
  let figures: FiguresBenchResult | undefined;
  if (parts.figures) {
    console.log('\nFigures bench: /figures over 1,000,000 complaints (365 days), cold and warm');
    figures = await runFiguresBench();
  }
  let writes: WriteCost[] | undefined;
  if (parts.writes) {
    console.log(
      '\nWrite cost: a filing and a status change, one rollup vs the two before vs none vs as built (with open deadlines)',
    );
    writes = runWriteCostBench();
  }
  let places: PlaceMatchBenchResult | undefined;
  if (parts.placeMatch) {
    console.log('\nPlace match: a typed ward or village at every council, beside a USSD hop');
    places = runPlaceMatchBench();
  }
  let upgrade: UpgradeRun | undefined;
  if (parts.upgrade) {
    const n = parts.upgrade.complaints.toLocaleString('en');
    console.log(`\nUpgrade bench: npm start on the previous release's database of ${n} complaints`);
    upgrade = await runUpgrade({ complaints: parts.upgrade.complaints });
    printUpgrade(upgrade);
  }
  let isolation: IsolationResult | undefined;
  if (parts.isolation) {
    const n = parts.isolation.complaints.toLocaleString('en');
    console.log(
      `\nIsolation bench: USSD first screens beside the console, Open311 and a CSV export (${n})`,
    );
    isolation = await runIsolationBench({ ...ISOLATION_DEFAULTS, ...parts.isolation });
  }
  const any = [
    outbox,
    assignment,
    open311,
    report,
    desk,
    dashboard,
    figures,
    writes,
    places,
    upgrade,
  ];
  if ([...any, isolation].every((x) => x === undefined)) return;
  console.log('');
  if (outbox) {
    const ok = outbox.smsPerSecond >= 500 && outbox.exactlyOnce;
    console.log(
      `outbox drain: ${Math.round(outbox.smsPerSecond)} SMS/s, ${outbox.exactlyOnce ? 'exactly once' : 'NOT exactly once'}   (target >= 500 SMS/s: ${mark(ok)})`,
    );
  }
  if (assignment) {
    const { empty, loaded, p50Ratio } = assignment;
    console.log(
      `assignment filing p50: ${empty.p50Ms.toFixed(3)} ms empty, ${loaded.p50Ms.toFixed(3)} ms at ${loaded.openAtStart} open = ${p50Ratio.toFixed(2)}x   (target <= 2x: ${mark(p50Ratio <= 2)})`,
    );
    console.log(
      `escalation at ${loaded.openAtStart} open: ${loaded.escalated} escalated in ${loaded.escalationMs.toFixed(0)} ms, nothing-due pass ${loaded.secondEscalationMs.toFixed(1)} ms`,
    );
  }
  if (open311) printOpen311(open311);
  if (report) printReportsBench(report);
  if (desk) printConsoleReport(desk);
  if (isolation) printIsolationReport(isolation);
  if (dashboard) {
    const ok = dashboard.worstP95Ms < 200;
    console.log(
      `dashboard (${dashboard.complaints} complaints): slowest p95 ${dashboard.worstP95Ms.toFixed(1)} ms   (target < 200 ms: ${mark(ok)})`,
    );
  }
  if (figures) {
    const ok = figures.worstWarmP95Ms < 50;
    const cold = Math.max(...figures.rows.map((r) => r.cold.p95Ms));
    console.log(
      `figures (${figures.complaints} complaints): slowest warm p95 ${figures.worstWarmP95Ms.toFixed(1)} ms   (target < 50 ms: ${mark(ok)}); slowest cold p95 ${cold.toFixed(0)} ms (the first request after the kept figures expire)`,
    );
  }
  const one = writes?.find((w) => w.variant.startsWith('(a)'));
  if (one) {
    console.log(
      `status change with the one rollup: ${one.statusChangeUs.toFixed(1)} us   (target <= 100 us: ${mark(one.statusChangeUs <= 100)})`,
    );
  }
  const match = places?.matches.at(-1);
  const hop = places?.hops.find((h) => h.label.includes('place'));
  if (places && match && hop) {
    const ok = match.p99Us < 1000;
    console.log(
      `place match at ${places.councils} councils: mean ${match.meanUs.toFixed(1)} us, p99 ${match.p99Us.toFixed(1)} us (the hop typing it: mean ${hop.meanUs.toFixed(0)} us), index build ${places.build.first.meanMs.toFixed(2)} ms a council once   (target: a match well under 1 ms: ${mark(ok)})`,
    );
  }
  if (upgrade) {
    const ratio = upgrade.during.p99Ms / upgrade.idle.p99Ms;
    console.log(
      `upgrade (${upgrade.complaints} complaints): first USSD answer ${(upgrade.firstAnswerMs / 1000).toFixed(2)} s (target <= 5 s: ${mark(upgrade.firstAnswerMs <= 5000)}), hop p99 during the jobs ${ratio.toFixed(2)}x idle (target <= 2x: ${mark(ratio <= 2)}), rollup ${upgrade.rollupMismatches === 0 ? 'equals' : 'DIFFERS FROM'} a recount`,
    );
  }
}

function printOpen311(r: Open311BenchResult): void {
  console.log(`open311 (${r.complaints} complaints, seeded in ${r.seedSeconds.toFixed(0)} s):`);
  for (const x of r.rows) {
    console.log(
      `  ${x.label.padEnd(28)} p50 ${x.p50Ms.toFixed(1)} ms, p95 ${x.p95Ms.toFixed(1)} ms (${x.kb.toFixed(0)} KB)`,
    );
  }
  const ok = r.worstP95Ms < 100;
  console.log(
    `  slowest p95 ${r.worstP95Ms.toFixed(1)} ms   (target < 100 ms a page: ${mark(ok)})`,
  );
}
