/**
 * `npm run demo [-- --force] [--db path]`: loads demonstration data (demo staff for every mainland
 * region, a few hundred back-dated complaints in every status) through the real services. Refuses a
 * database that holds real complaints unless --force; a second run finds the demo already loaded
 * and adds nothing. A composition root: reads the configuration once, opens the database.
 */
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from '../../../db/client';
import { parseConfig, type Config } from '../../config';
import { loadEnvFile } from '../../ops/env-file';
import type { SlaPolicy } from '../../complaints/core/sla';
import { deploymentOf, secureRandomInt, slaPolicyOf } from '../../deps';
import { loadReferenceData } from '../../reference/repository';
import { DEMO_COMPLAINTS, demoStaff, planDemoComplaints, seededRandom } from './demo-data';
import {
  addDemoStaff,
  countComplaintsByOrigin,
  loadDemoComplaints,
  loadDemoRegions,
} from './demo-load';
import { demoStatusLines, demoTryLines } from './demo-summary';

const DAY = 24 * 60 * 60 * 1000;
/** The same demo every time, relative to the moment it is loaded. */
const SEED = 20260312;

const usage = [
  'Usage: npm run demo [-- --force] [--db <path>]',
  '',
  'Loads demonstration data: "Demo Officer <Region>" (+2557000001RR) and "Demo Supervisor',
  '<Region>" (+2557000002RR) for every mainland region, "Demo Headquarters" (+255700000000), and',
  `${DEMO_COMPLAINTS} complaints from fake citizens (+2556999NNNNN, channel 'demo') in every status, some`,
  'overdue, in the regions the deployment serves (REGIONS: the mainland by default). The SMS the loading causes are marked sent at once: they never leave. Later ones',
  '(escalations, your replies) go out as usual: use the demo in local mode (no AT_API_KEY).',
  '',
  '  --db <path>   the database (default $DATABASE_PATH or ./data/kero.db)',
  '  --force       load even though the database holds real (non-demo) complaints',
  '',
  'Run twice, it finds the demo complaints already there and adds nothing.',
];

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Loads everything in one transaction: all or nothing, and no demo SMS is ever seen queued. */
function load(db: Db, config: Config, now: number): { added: number; skipped: number } {
  const reference = loadReferenceData(db, deploymentOf(config));
  const policy: SlaPolicy = slaPolicyOf(config);
  // Only the regions the deployment serves (REGIONS): no Zanzibar complaints on a mainland desk.
  const regions = loadDemoRegions(reference).filter((r) =>
    reference.pickerRegions.some((p) => p.code === r.code),
  );
  const plans = planDemoComplaints({
    now,
    random: seededRandom(SEED),
    regions,
    categories: reference.categories,
    count: DEMO_COMPLAINTS,
  });
  const staffSince = (plans[0]?.createdAt ?? now) - DAY;
  const staffInputs = demoStaff(regions);
  // Complaints meant to wait unassigned in a region that has demo staff are filed before the
  // staff exist (assignment happens at filing); the others after.
  const staffed = new Set(staffInputs.map((s) => s.region));
  const waiting = (p: (typeof plans)[number]) =>
    p.status === 'received' && staffed.has(p.regionCode);
  return db.transaction(
    () => {
      loadDemoComplaints(db, reference, plans.filter(waiting), secureRandomInt, policy);
      const staff = addDemoStaff(db, { now: staffSince, reference }, staffInputs);
      const rest = plans.filter((p) => !waiting(p));
      loadDemoComplaints(db, reference, rest, secureRandomInt, policy);
      return staff;
    },
    { behavior: 'immediate' },
  );
}

/** How the demo was asked to force: its own --force, or npm's (`npm run demo --force`, no `--`). */
interface Force {
  given: boolean;
  toNpm: boolean;
}

function run(db: Db, file: string, config: Config, force: Force): number {
  const now = Date.now();
  const origin = countComplaintsByOrigin(db);
  if (origin.demo > 0) {
    out(`Demo data already loaded in ${file} (${origin.demo} demo complaints): nothing added.`);
  } else if (origin.real > 0 && !force.given) {
    err(`error: ${file} holds ${origin.real} real (non-demo) complaints.`);
    err('Demo staff, complaints and SMS would be mixed with them. Use another database');
    err('(npm run demo -- --db ./data/demo.db, or DATABASE_PATH) or load them anyway with');
    err('npm run demo -- --force');
    if (force.toNpm)
      err('(npm run demo --force, without --, gives --force to npm, not to the demo.)');
    return 1;
  } else {
    const staff = load(db, config, now);
    out(`Loaded demo data into ${file}.`);
    out(`Staff: ${staff.added} added${staff.skipped ? `, ${staff.skipped} already there` : ''}.`);
  }
  for (const line of [...demoStatusLines(db, now, slaPolicyOf(config)), ...demoTryLines(db)]) {
    out(line);
  }
  return 0;
}

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        force: { type: 'boolean' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    err(`error: ${e instanceof Error ? e.message.split(/\.\s/)[0] : String(e)}`);
    usage.forEach((l) => err(l));
    return 1;
  }
  if (values.help) {
    usage.forEach((l) => out(l));
    return 0;
  }
  const envFile = loadEnvFile(process.env, process.cwd());
  if (!envFile.ok) {
    err(envFile.message);
    return 1;
  }
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    err(`${parsed.message}\nSee .env.example for every variable.`);
    return 1;
  }
  if (parsed.config.AT_API_KEY) {
    err('warning: AT_API_KEY is set. Escalations and replies on demo complaints would be sent as');
    err('real SMS to the fake demo numbers: run the server with the demo in local mode.');
  }
  const file = values.db ?? parsed.config.DATABASE_PATH;
  const db = openDatabase(file);
  try {
    // npm turns its own --force into npm_config_force for the script: say so rather than ignore it.
    const force = { given: values.force ?? false, toNpm: process.env.npm_config_force === 'true' };
    return run(db, file, parsed.config, force);
  } finally {
    db.$client.close();
  }
}

process.exitCode = main(process.argv.slice(2));
