/**
 * The SMS budget on real SQLite, through the clock passed in: the dispatcher counts the parts of
 * what it sends per Tanzanian calendar month; headquarters is warned once at 80 % and once at
 * 100 % each month (a restart does not repeat it), and nothing is held back for the budget.
 */
import { inTransaction } from '../../db/client';
import { enqueueSms } from '../../src/outbox/repository';
import { countSentParts, sentPartsIn } from '../../src/outbox/usage';
import { checkSmsBudget, smsUsage } from '../../src/reports/sms-budget';
import { createDispatcher } from '../../src/sms/dispatcher';
import { createLocalGateway } from '../../src/sms/local-gateway';
import { deactivate, hqStaff, supervisor } from '../helpers/staff';
import { allOutbox, eat, openWorld, type World } from '../helpers/world';
import { silent } from '../sms/support';

let w: World;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-10 10:00') });
});
afterEach(() => w.close());

const BUDGET = 10;
/** `n` one-part messages sent at the clock's time, as the dispatcher counts them. */
const sendParts = (n: number) => {
  for (let i = 0; i < n; i++) countSentParts(w.db, 'Ujumbe mfupi', w.clock.now());
};
const check = () => checkSmsBudget(w.db, BUDGET, w.clock.now());
const warnings = () => allOutbox(w).filter((m) => m.template === 'sms.staff.budget');

test('when the dispatcher sends a one-part and a two-part message, then the month counts 3 parts', async () => {
  inTransaction(w.db, (tx) => {
    enqueueSms(tx, { toPhone: '+255712000001', body: 'Fupi', template: 'test' }, w.clock.now());
    const long = 'x'.repeat(200);
    enqueueSms(tx, { toPhone: '+255712000002', body: long, template: 'test' }, w.clock.now());
  });
  const dispatcher = createDispatcher({
    db: w.db,
    gateway: createLocalGateway({ logger: silent }),
    now: w.clock.now,
    random: () => 0.5,
    logger: silent,
    concurrency: 2,
    maxAttempts: 3,
    leaseMs: 60_000,
  });

  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 2 });
  expect(sentPartsIn(w.db, '2026-03')).toBe(3);
  expect(smsUsage(w.db, 100, w.clock.now())).toEqual({
    month: '2026-03',
    parts: 3,
    budget: 100,
    percent: 3,
  });
});

test('when the month crosses 80 % and then 100 %, then each active headquarters member is warned exactly once at each', () => {
  const hqSw = hqStaff(w, { lang: 'sw' });
  const hqEn = hqStaff(w, { lang: 'en' });
  deactivate(w, hqStaff(w));
  supervisor(w, 'DAR');

  sendParts(7);
  expect(check()).toEqual([]);
  sendParts(1);
  expect(check()).toEqual([80]);
  expect(check()).toEqual([]);
  sendParts(1);
  expect(check()).toEqual([]);
  expect(warnings().map((m) => [m.toPhone, m.body])).toEqual([
    [
      hqSw.phone,
      'Kero: sehemu za SMS 8 kati ya 10 zilizopangwa kwa 2026-03 zimetumwa (80%). Ujumbe kwa wananchi unaendelea kutumwa.',
    ],
    [
      hqEn.phone,
      'Kero: 8 of the 10 SMS parts budgeted for 2026-03 have been sent (80%). Messages owed to citizens still go out.',
    ],
  ]);

  sendParts(1);
  expect(check()).toEqual([100]);
  sendParts(5);
  expect(check()).toEqual([]);
  expect(warnings()).toHaveLength(4);
  expect(warnings()[3]?.body).toBe(
    'Kero: 10 of the 10 SMS parts budgeted for 2026-03 have been sent (100%). Messages owed to citizens still go out.',
  );
});

test('when a restart follows a warning, then it is not given again (it is remembered in the database)', () => {
  hqStaff(w);
  sendParts(8);
  expect(check()).toEqual([80]);
  w.clock.advance(60_000);
  // A new process reads the same settings table: nothing in memory carries the warning.
  expect(checkSmsBudget(w.db, BUDGET, w.clock.now())).toEqual([]);
  expect(warnings()).toHaveLength(1);
});

test('when the month jumps past both thresholds at once, then one warning says 100 % and both are recorded', () => {
  hqStaff(w);
  sendParts(12);

  expect(check()).toEqual([80, 100]);
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]?.body).toContain('(120%)');
  expect(check()).toEqual([]);
});

test('when a new month starts (Tanzanian time), then it counts from zero and warns again', () => {
  hqStaff(w);
  w.clock.set(eat('2026-03-31 23:59'));
  sendParts(10);
  expect(check()).toEqual([80, 100]);

  w.clock.set(eat('2026-04-01 00:00'));
  expect(smsUsage(w.db, BUDGET, w.clock.now())).toMatchObject({ month: '2026-04', parts: 0 });
  sendParts(8);
  expect(check()).toEqual([80]);
  expect(warnings()).toHaveLength(2);
});

test('when no budget is set, then nothing is warned and the parts are still counted', () => {
  hqStaff(w);
  sendParts(1000);
  expect(checkSmsBudget(w.db, undefined, w.clock.now())).toEqual([]);
  expect(smsUsage(w.db, undefined, w.clock.now())).toEqual({
    month: '2026-03',
    parts: 1000,
    budget: null,
    percent: null,
  });
  expect(warnings()).toEqual([]);
});

test('when the budget is spent, then messages owed to citizens still go out', async () => {
  hqStaff(w);
  sendParts(20);
  check();
  inTransaction(w.db, (tx) =>
    enqueueSms(
      tx,
      { toPhone: '+255712000001', body: 'Jibu', template: 'sms.reply' },
      w.clock.now(),
    ),
  );
  const dispatcher = createDispatcher({
    db: w.db,
    gateway: createLocalGateway({ logger: silent }),
    now: w.clock.now,
    random: () => 0.5,
    logger: silent,
    concurrency: 2,
    maxAttempts: 3,
    leaseMs: 60_000,
  });

  expect(await dispatcher.drainOnce()).toMatchObject({ sent: 2 });
  expect(allOutbox(w).every((m) => m.status === 'sent')).toBe(true);
});
