/**
 * `kero report funnel` as a child process, over sessions recorded by the real USSD handler in the
 * database file (hops posted as AT posts them, AT's end notices posted to /ussd/events): the
 * text tables, the JSON, a period, and mistakes.
 */
import { openDatabase, type Db } from '../../db/client';
import { dayKey, startOfDay } from '../../src/text/calendar';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone, eventsPath, formBody, postForm } from '../helpers/at-ussd';
import { ARUSHA, ARUSHA_CC, FILE, IDENTIFIED, SEND, SKIP, WATER } from '../helpers/ussd-paths';
import { CLI_TIMEOUT, DAY, HOUR, tempDatabase, type TempDatabase } from './kero-cli';

jest.setTimeout(CLI_TIMEOUT);

const UP_TO_CONFIRM = [
  '1',
  FILE,
  ARUSHA,
  ARUSHA_CC,
  WATER,
  SKIP,
  'Maji hayatoki tangu jana',
  IDENTIFIED,
];
// Two days before today (Tanzanian time), 09:00, and the day after: whatever today is, past.
const DAY_1 = startOfDay(Date.now()) - 2 * DAY + 9 * HOUR;
const DAY_2 = DAY_1 + DAY;

let t: TempDatabase;
let phones = 0;

async function dial(app: TestApp, network: string, at: number, replies: string[], end?: string) {
  app.clock.set(at);
  const phone = `+2557540001${String(++phones).padStart(2, '0')}`;
  const s = atPhone(app.app, { phone, networkCode: network }).dial();
  await s.send('');
  for (const reply of replies) {
    app.clock.advance(10_000);
    await s.reply(reply);
  }
  if (end === undefined) return;
  const notice = {
    sessionId: s.sessionId,
    phoneNumber: phone,
    status: end,
    durationInMillis: '60000',
  };
  await postForm(app.app, eventsPath(), formBody(notice));
}

beforeAll(async () => {
  t = tempDatabase();
  const db: Db = openDatabase(t.file);
  const app = makeTestApp(() => ({ db }));
  try {
    // Day 1: two filings on Vodacom, one caller stops at the council list on Airtel (no notice).
    // Day 2: one cancel on Halotel, one timeout on the description screen on Airtel.
    await dial(app, '64004', DAY_1, [...UP_TO_CONFIRM, SEND], 'Success');
    await dial(app, '64004', DAY_1 + HOUR, [...UP_TO_CONFIRM, SEND], 'Success');
    await dial(app, '64005', DAY_1 + 2 * HOUR, ['1', FILE, ARUSHA]);
    await dial(app, '64009', DAY_2, [...UP_TO_CONFIRM, '0'], 'Success');
    await dial(app, '64005', DAY_2 + HOUR, UP_TO_CONFIRM.slice(0, 6), 'Incomplete');
  } finally {
    app.close();
    db.$client.close();
  }
});
afterAll(() => t.remove());

const cells = (line: string | undefined) => (line ?? '').trim().split(/\s{2,}/);

test('when the funnel is asked for, then it prints the screens, the networks and the days', () => {
  const run = t.run(['report', 'funnel']);

  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines.slice(0, 5)).toEqual([
    'USSD filing funnel, sessions started at any time (Tanzanian time).',
    'Sessions are deleted after 30 days (USSD_SESSION_RETENTION_DAYS): the funnel covers those kept.',
    '5 sessions, 5 entered filing: 2 completed, 1 cancelled, 2 abandoned, 0 stopped by the daily limit; 0 still live.',
    'Timed out (AT: Incomplete, not ended by Kero): 1. Failed (AT): 0.',
    'Median session 60.0 s, 10 hops; median completed filing 60.0 s, 10 hops.',
  ]);
  const table = (header: string) => {
    const at = lines.findIndex((l) => l.startsWith(header));
    const end = lines.indexOf('', at);
    return lines.slice(at + 2, end === -1 ? undefined : end).map(cells);
  };
  expect(cells(lines[6])).toEqual([
    'screen',
    'reached',
    'of entered',
    'abandoned here',
    'timed out here',
  ]);
  expect(table('screen')).toEqual([
    ['file.region', '5', '100%', '0', '0'],
    ['file.council', '5', '100%', '1', '0'],
    ['file.category', '4', '80%', '0', '0'],
    ['file.place', '4', '80%', '0', '0'],
    ['file.description', '4', '80%', '1', '1'],
    ['file.identity', '3', '60%', '0', '0'],
    ['file.confirm', '3', '60%', '0', '0'],
    ['file.done', '2', '40%', '-', '-'],
    // The choice among places a typed name could be (issue 19): nobody here was offered one.
    ['file.place.choose', '0', '0%', '0', '0'],
    ['file.edit', '0', '0%', '0', '0'],
  ]);
  expect(table('network').map((r) => r.slice(0, 8))).toEqual([
    ['Airtel', '2', '2', '0', '0', '2', '1', '0'],
    ['Vodacom', '2', '2', '2', '0', '0', '0', '0'],
    ['Halotel', '1', '1', '0', '1', '0', '0', '0'],
  ]);
  expect(table('day').map((r) => r.slice(0, 7))).toEqual([
    [dayKey(DAY_1), '3', '3', '2', '0', '1', '0'],
    [dayKey(DAY_2), '2', '2', '0', '1', '1', '1'],
  ]);
});

test('when --json and a period are given, then machines get the figures of that period', () => {
  const run = t.run(['report', 'funnel', '--from', dayKey(DAY_2), '--to', dayKey(DAY_2), '--json']);

  expect(run.code).toBe(0);
  const body = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(body).toMatchObject({
    filters: { from: dayKey(DAY_2), to: dayKey(DAY_2) },
    retentionDays: 30,
    steps: [
      'file.region',
      'file.council',
      'file.category',
      'file.place',
      'file.description',
      'file.identity',
      'file.confirm',
      'file.done',
    ],
    overall: { sessions: 2, filing: 2, completed: 0, cancelled: 1, abandoned: 1, timedOut: 1 },
    days: [{ day: dayKey(DAY_2), sessions: 2 }],
  });
  expect((body.networks as { name: string }[]).map((n) => n.name)).toEqual(['Airtel', 'Halotel']);
});

test.each([
  [['--from', '2026-02-30'], 'error: --from: 2026-02-30 is not a date (YYYY-MM-DD)'],
  [['--region', 'ARU'], "error: Unknown option '--region'"],
])('when report funnel is given %p, then it says what is wrong and exits 1', (args, message) => {
  const run = t.run(['report', 'funnel', ...args]);

  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd()).toBe(message);
});
