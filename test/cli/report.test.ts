/**
 * `kero report` as a child process over a small known data set written straight into the database:
 * the table (with its total row, and the period's edges in Tanzanian time) and the JSON.
 */
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/client';
import { countSentParts } from '../../src/outbox/usage';
import { monthKey } from '../../src/text/calendar';
import { complaintNumber, HOUR, tempDatabase, CLI_TIMEOUT, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

/** An instant written in Tanzanian time (UTC+3). */
const eat = (local: string) => Date.parse(`${local}+03:00`);

interface Row {
  region: string;
  category: string;
  status: string;
  created: string;
  /** Hours after filing. */
  firstResponse?: number;
  resolved?: number;
  /** The first-response and resolution deadlines, hours after filing (default 72 and 336). */
  due?: [number, number];
}

const rows: Row[] = [
  // ARU water: two answered and resolved (2 h/10 h, 4 h/30 h), one unanswered on the last evening.
  {
    region: 'ARU',
    category: 'water',
    status: 'closed',
    created: '2026-01-10T09:00',
    firstResponse: 2,
    resolved: 10,
  },
  {
    region: 'ARU',
    category: 'water',
    status: 'resolved',
    created: '2026-02-01T09:00',
    firstResponse: 4,
    resolved: 30,
    // Answered an hour after its deadline: a breach.
    due: [3, 336],
  },
  // Never answered, its deadlines long past when the report runs: a breach.
  { region: 'ARU', category: 'water', status: 'received', created: '2026-03-31T23:30' },
  {
    region: 'ARU',
    category: 'health',
    status: 'in_progress',
    created: '2026-02-10T10:00',
    firstResponse: 6,
    // Still open long past its resolution deadline: a breach.
  },
  // Never answered: a breach.
  { region: 'DAR', category: 'roads', status: 'assigned', created: '2026-03-01T08:00' },
  {
    region: 'DAR',
    category: 'roads',
    status: 'resolved',
    created: '2026-03-02T08:00',
    firstResponse: 1,
    resolved: 5,
  },
  // Outside the first quarter by minutes, in Tanzanian time.
  {
    region: 'ARU',
    category: 'water',
    status: 'closed',
    created: '2026-04-01T00:10',
    firstResponse: 8,
    resolved: 12,
  },
  { region: 'ARU', category: 'water', status: 'received', created: '2025-12-31T23:59' },
];

const councilOf: Record<string, string> = { ARU: 'ARU-ARC', DAR: 'DAR-KIM' };

function insertRows(db: Db): void {
  const sqlite = db.$client;
  sqlite.prepare("INSERT INTO citizens VALUES ('+255700000001', 'sw', 0, 0)").run();
  const insert = sqlite.prepare(
    `INSERT INTO complaints (number, citizen_phone, region_code, council_code, category_code,
       description, anonymous, language, status, created_at, updated_at, first_response_at,
       resolved_at, first_response_due_at, resolution_due_at)
     VALUES (?, '+255700000001', ?, ?, ?, 'x', 0, 'sw', ?, ?, ?, ?, ?, ?, ?)`,
  );
  rows.forEach((r, i) => {
    const created = eat(r.created);
    const after = (h: number | undefined) => (h === undefined ? null : created + h * HOUR);
    insert.run(
      complaintNumber(i),
      r.region,
      councilOf[r.region],
      r.category,
      r.status,
      created,
      created,
      after(r.firstResponse),
      after(r.resolved),
      after(r.due?.[0] ?? 72),
      after(r.due?.[1] ?? 336),
    );
  });
}

/** Three SMS parts sent in the month the CLI will run in (either side of a month's edge). */
function sendSms(db: Db): void {
  const months = new Set([monthKey(Date.now()), monthKey(Date.now() + 60_000)]);
  for (const month of months) {
    const at = Date.parse(`${month}-15T12:00:00+03:00`);
    countSentParts(db, 'x'.repeat(200), at);
    countSentParts(db, 'Fupi', at);
  }
}

const HEADER = [
  'region',
  'category',
  'received',
  'assigned',
  'in progress',
  'resolved',
  'closed',
  'total',
  'median response h',
  'median resolution h',
  'SLA breaches',
];

let t: TempDatabase;
beforeAll(() => {
  t = tempDatabase();
  t.use(insertRows);
  t.use(sendSms);
});
afterAll(() => t.remove());

test('when a quarter is asked for, then the table counts it per region and category with a total', () => {
  const run = t.run(['report', '--from', '2026-01-01', '--to', '2026-03-31']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(
    'Complaints filed from 2026-01-01 to 2026-03-31 (Tanzanian time), all regions:',
  );
  expect(lines[1]?.split(/\s{2,}/)).toEqual(HEADER);
  expect(lines.at(-1)).toMatch(
    /^SMS sent in \d{4}-\d{2} \(Tanzanian time\): 3 parts \(no SMS_MONTHLY_BUDGET\)$/,
  );
  expect(lines.at(-2)).toBe('');
  expect(lines.slice(3, -2).map((l) => l.trim().split(/\s{2,}/))).toEqual([
    ['Arusha (ARU)', 'Health (health)', '0', '0', '1', '0', '0', '1', '6.0', '-', '1'],
    ['Arusha (ARU)', 'Water (water)', '1', '0', '0', '1', '1', '3', '3.0', '20.0', '2'],
    ['Dar es Salaam (DAR)', 'Roads (roads)', '0', '1', '0', '1', '0', '2', '1.0', '5.0', '1'],
    [expect.stringMatching(/^-+$/), ...Array<unknown>(10).fill(expect.stringMatching(/^-+$/))],
    // First responses 1, 2, 4, 6 h: median 3; resolutions 5, 10, 30 h: median 10.
    ['TOTAL', '1', '1', '1', '2', '1', '6', '3.0', '10.0', '4'],
  ]);
  // Columns line up: the last one is right-aligned, so every line is as wide as the rules.
  expect(new Set(lines.slice(1, -2).map((l) => l.length)).size).toBe(1);
});

test('when --json is given with a region, then machines get the same figures for that region', () => {
  const run = t.run(['report', '--region', 'ARU', '--json'], { SMS_MONTHLY_BUDGET: '4' });

  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({
    sms: {
      month: expect.stringMatching(/^\d{4}-\d{2}$/) as string,
      parts: 3,
      budget: 4,
      percent: 75,
    },
    filters: { region: 'ARU', from: null, to: null, lang: 'en' },
    rows: [
      {
        regionCode: 'ARU',
        regionName: 'Arusha',
        categoryCode: 'health',
        categoryName: 'Health',
        received: 0,
        assigned: 0,
        inProgress: 1,
        resolved: 0,
        closed: 0,
        total: 1,
        medianFirstResponseHours: 6,
        medianResolutionHours: null,
        slaBreaches: 1,
      },
      {
        regionCode: 'ARU',
        regionName: 'Arusha',
        categoryCode: 'water',
        categoryName: 'Water',
        received: 2,
        assigned: 0,
        inProgress: 0,
        resolved: 1,
        closed: 2,
        total: 5,
        medianFirstResponseHours: 4,
        medianResolutionHours: 12,
        slaBreaches: 3, // a late answer and two never answered
      },
    ],
    total: {
      received: 2,
      assigned: 0,
      inProgress: 1,
      resolved: 1,
      closed: 2,
      total: 6,
      // First responses 2, 4, 6, 8 h; resolutions 10, 12, 30 h.
      medianFirstResponseHours: 5,
      medianResolutionHours: 12,
      slaBreaches: 4,
    },
  });
});

test('when --csv is given, then a spreadsheet gets the same table, BOM and CRLF, read back by a CSV parser', () => {
  const run = t.run(['report', '--from', '2026-01-01', '--to', '2026-03-31', '--csv']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.startsWith('\uFEFFregion,region name,category,category name,')).toBe(true);
  expect(run.stdout.endsWith('4\r\n')).toBe(true);
  expect(run.stdout.replace(/\r\n/g, '')).not.toContain('\n');
  expect(parse(run.stdout, { bom: true })).toEqual([
    ['region', 'region name', 'category', 'category name', ...HEADER.slice(2)],
    ['ARU', 'Arusha', 'health', 'Health', '0', '0', '1', '0', '0', '1', '6', '', '1'],
    ['ARU', 'Arusha', 'water', 'Water', '1', '0', '0', '1', '1', '3', '3', '20', '2'],
    ['DAR', 'Dar es Salaam', 'roads', 'Roads', '0', '1', '0', '1', '0', '2', '1', '5', '1'],
    ['TOTAL', '', '', '', '1', '1', '1', '2', '1', '6', '3', '10', '4'],
  ]);
});

test('when --csv and --json are both given, then it says to choose one', () => {
  const run = t.run(['report', '--csv', '--json']);

  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('--json and --csv: choose one');
});

describe('--lang sw', () => {
  test('when the table is asked for in Kiswahili, then headers, names and the title are in Kiswahili', () => {
    const run = t.run(['report', '--from', '2026-01-01', '--to', '2026-03-31', '--lang', 'sw']);

    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Malalamiko yaliyowasilishwa kuanzia 2026-01-01 hadi 2026-03-31 (saa za Tanzania), mikoa yote:',
    );
    expect(lines[1]?.trim().split(/\s{2,}/)).toEqual([
      ...['mkoa', 'aina', 'yamepokelewa', 'yamepangiwa', 'yanashughulikiwa', 'yametatuliwa'],
      ...['yamefungwa', 'jumla', 'saa hadi mrejesho (kati)', 'saa hadi kutatuliwa (kati)'],
      'muda umepitwa',
    ]);
    expect(lines.slice(3, 6).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['Arusha (ARU)', 'Afya (health)'],
      ['Arusha (ARU)', 'Maji (water)'],
      ['Dar es Salaam (DAR)', 'Barabara (roads)'],
    ]);
    expect(lines.at(-3)?.startsWith('JUMLA ')).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^SMS zilizotumwa mwezi \d{4}-\d{2} \(saa za Tanzania\): sehemu 3 /,
    );
  });

  test('when CSV and JSON are asked for in Kiswahili, then names are Kiswahili and JSON keys stay English', () => {
    const csv = t.run(['report', '--region', 'DAR', '--csv', '--lang', 'sw']);
    const json = t.run(['report', '--region', 'DAR', '--json', '--lang', 'SW']);

    expect(parse(csv.stdout, { bom: true }).slice(0, 2)).toEqual([
      [
        'mkoa',
        'jina la mkoa',
        'aina',
        'jina la aina',
        ...Array<unknown>(9).fill(expect.any(String)),
      ],
      // One breach: the complaint assigned on 1 March and never answered.
      ['DAR', 'Dar es Salaam', 'roads', 'Barabara', '0', '1', '0', '1', '0', '2', '1', '5', '1'],
    ]);
    const body = JSON.parse(json.stdout) as { filters: unknown; rows: unknown[] };
    expect(body.filters).toEqual({ region: 'DAR', from: null, to: null, lang: 'sw' });
    expect(body.rows[0]).toMatchObject({ regionName: 'Dar es Salaam', categoryName: 'Barabara' });
  });

  test('when another language is asked for, then it says which ones exist', () => {
    const run = t.run(['report', '--lang', 'fr']);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: --lang: sw or en, not fr\n');
  });
});
