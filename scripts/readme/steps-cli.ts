/** The checks of "Admin command line": every command run as written, files that parse. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { same, says, value, type State, type Step } from './step';

const ASHA =
  '--name "Asha Mushi" --phone 0713000001 --role officer --region ARU --councils ARU-ARC,ARU-MED --lang sw';

const active = (s: State) => value(s, "SELECT active FROM staff WHERE phone = '+255713000001'");

/** The file an example wrote into the project folder: read, and removed at the end. */
function made(s: State, name: string): string {
  const file = path.join(s.root, name);
  s.made.push(file);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function csvFile(s: State): string[] {
  let rows: string[][];
  try {
    rows = parse(made(s, 'report.csv'), { bom: true });
  } catch (err) {
    return [`report.csv does not parse as CSV: ${String(err)}`];
  }
  return [
    ...same(
      'report.csv header',
      rows[0]?.slice(0, 4).join(','),
      'region,region name,category,category name',
    ),
    ...same('report.csv last row', rows.at(-1)?.[0], 'TOTAL'),
  ];
}

function jsonFile(s: State): string[] {
  try {
    const body = JSON.parse(made(s, 'report.json')) as { total?: { total?: number } };
    return same(
      'complaints in report.json',
      typeof body.total?.total === 'number' && body.total.total >= 300,
      true,
    );
  } catch (err) {
    return [`report.json does not parse as JSON: ${String(err)}`];
  }
}

export const cliSteps: Step[] = [
  {
    command: 'npm run kero -- regions',
    how: 'shell',
    check: (ran) => [
      ...says(ran, /^ARU +Arusha +7 +mainland +yes$/m),
      ...same('lines', ran.output.trim().split('\n').length >= 33, true),
    ],
  },
  {
    command: 'npm run kero -- councils --region ARU',
    how: 'shell',
    check: (ran) => says(ran, 'ARU-ARC', 'Arusha Jiji'),
  },
  {
    command: `npm run kero -- staff add ${ASHA}`,
    how: 'shell',
    check: (ran) => says(ran, /Added staff member \d+/, /councils +ARU-ARC,ARU-MED/),
  },
  {
    command: 'npm run kero -- staff list --region ARU',
    how: 'shell',
    check: (ran) => says(ran, 'Asha Mushi', 'Demo Officer Arusha'),
  },
  {
    command: 'npm run kero -- staff deactivate 0713000001',
    how: 'shell',
    check: (ran, s) => [...says(ran), ...same('active', active(s), 0)],
  },
  {
    command: 'npm run kero -- staff activate 0713000001',
    how: 'shell',
    check: (ran, s) => [...says(ran), ...same('active', active(s), 1)],
  },
  {
    command: 'npm run kero -- staff phone 0713000001 0713000009',
    how: 'shell',
    check: (ran, s) => [
      ...says(ran, 'Changed the sign-in phone of Asha Mushi from +255713000001 to +255713000009'),
      ...same(
        'the old phone told',
        value(
          s,
          "SELECT count(*) FROM sms_outbox WHERE to_phone = '+255713000001' AND template = 'sms.staff.phoneChanged'",
        ),
        1,
      ),
    ],
  },
  {
    command: 'npm run kero -- wards DOD-DOC',
    how: 'shell',
    check: (ran) => says(ran, /^41105 +Makole +\d+ /m, /^41101 +Uhuru +\d+ /m),
  },
  {
    command:
      'npm run kero -- staff add --name "Zawadi Mussa" --phone 0713000003 --role officer --region DOD --wards "41105,Uhuru"',
    how: 'shell',
    check: (ran) => says(ran, /Added staff member \d+/, /councils +DOD-DOC/, /wards +41101,41105/),
  },
  {
    command:
      "printf 'name,phone,role,region,councils,lang\\nBaraka Said,0713000222,officer,DAR,DAR-KIM,sw\\n' > staff.csv",
    how: 'shell',
    check: (ran, s) => [
      ...says(ran),
      ...same(
        'staff.csv',
        made(s, 'staff.csv').split('\n')[1],
        'Baraka Said,0713000222,officer,DAR,DAR-KIM,sw',
      ),
    ],
  },
  {
    command: 'npm run kero -- staff import staff.csv',
    how: 'shell',
    check: (ran, s) => [
      ...says(ran),
      ...same(
        'imported',
        value(s, "SELECT name FROM staff WHERE phone = '+255713000222'"),
        'Baraka Said',
      ),
    ],
  },
  {
    command: 'npm run kero -- escalate',
    how: 'shell',
    check: (ran) => says(ran, /Escalated \d+|Nothing to escalate/),
  },
  {
    command: 'npm run kero -- report --region ARU --lang sw',
    how: 'shell',
    check: (ran) =>
      says(
        ran,
        'Malalamiko yaliyowasilishwa tangu mwanzo (saa za Tanzania), mkoa wa Arusha (ARU):',
        'Maji (water)',
        'JUMLA',
      ),
  },
  {
    command: 'npm run -s kero -- report --csv > report.csv',
    how: 'shell',
    check: (ran, s) => [...says(ran), ...csvFile(s)],
  },
  {
    command: 'npm run -s kero -- report --json > report.json',
    how: 'shell',
    check: (ran, s) => [...says(ran), ...jsonFile(s)],
  },
  {
    command: 'npm run kero -- report funnel',
    how: 'shell',
    check: (ran) => says(ran, 'USSD filing funnel'),
  },
  {
    command: 'npm run kero -- jobs',
    how: 'shell',
    check: (ran) => says(ran, 'due_times', 'rollup', 'finished'),
  },
];
