/**
 * POST /ussd, "Call me back" end to end through the webhook as Africa's Talking posts it: the
 * item on the main menu in both languages, every screen within AT's contract (160 characters,
 * GSM-7), END with the reference, the request stored (region, category, due one working day
 * later, audited), the region from the phone's last complaint, asking again, the daily limit.
 */
import { asc, eq } from 'drizzle-orm';
import { auditLog, callbacks } from '../../db/schema';
import { formatCallbackReference, isCallbackReference } from '../../src/callbacks/core/reference';
import { listAudit } from '../../src/audit/repository';
import { makeTestApp, T0, type TestApp } from '../helpers/app';
import { atPhone, type AtPhone } from '../helpers/at-ussd';
import { chooseLanguage, en, fileComplaint, starting, sw } from '../helpers/ussd-paths';
import { eat } from '../helpers/world';

const CITIZEN = '+255712345678';
const CALL_ME_BACK = '4';
const WATER = '3';
const DODOMA = '3';
const HOURS = { startMinute: 450, endMinute: 930, holidays: new Set<string>() };

let t: TestApp;
let phone: AtPhone;
beforeEach(() => {
  t = makeTestApp({ hours: HOURS, settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30 } });
  phone = atPhone(t.app, { phone: CITIZEN });
});
afterEach(() => t.close());

const requests = () => t.db.select().from(callbacks).orderBy(asc(callbacks.id)).all();

/** Dials and asks to be called back about water; the region list answered when it comes. */
async function askCallBack(region?: string): Promise<string> {
  const s = phone.dial();
  await s.send('');
  await s.replies(CALL_ME_BACK, WATER);
  if (region) await s.reply(region);
  return s.reply('1');
}

describe('POST /ussd: asking to be called back', () => {
  test.each([
    ['sw', '4. Nipigie'],
    ['en', '4. Call me back'],
  ] as const)('when the main menu is shown in %s, then it offers %s', async (lang, item) => {
    await chooseLanguage(phone, lang);
    const s = phone.dial();
    expect((await s.send('')).split('\n')).toContain(item);
  });

  test('when a new caller asks about water in Dodoma, then END gives a reference and the request waits in Dodoma, due a working day later', async () => {
    await chooseLanguage(phone, 'sw');
    const s = phone.dial();
    await s.send('');
    expect(await s.reply(CALL_ME_BACK)).toMatch(
      starting(`CON ${sw('callback.category.prompt')}\n`),
    );
    expect(await s.reply(WATER)).toMatch(starting(`CON ${sw('callback.region.prompt')}\n`));
    expect(await s.reply(DODOMA)).toBe(
      'CON Tukupigie simu?\nMkoa: Dodoma\nKuhusu: Maji\n1. Tuma\n2. Badilisha mkoa\n0. Ghairi\n00. Menyu kuu',
    );
    const end = await s.reply('1');

    const [row, ...others] = requests();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      phone: CITIZEN,
      language: 'sw',
      regionCode: 'DOD',
      categoryCode: 'water',
      serviceCode: '*384*1234#',
      status: 'open',
      attempts: 0,
      createdAt: T0,
      // Thursday 09:00 + one office day (07:30-15:30) = Friday 09:00.
      dueAt: eat('2026-03-13 09:00'),
    });
    expect(isCallbackReference(row?.reference ?? '')).toBe(true);
    expect(end).toBe(
      `END ${sw('callback.done', { reference: formatCallbackReference(row?.reference ?? '') })}`,
    );
    const audit = listAudit(t.db, { kinds: ['callback'] });
    expect(audit).toEqual([
      expect.objectContaining({
        actorStaffId: null,
        entityId: String(row?.id),
        action: 'request',
        before: null,
        after: expect.objectContaining({
          region: 'DOD',
          category: 'water',
          status: 'open',
        }) as unknown,
      }),
    ]);
    // The audit log keeps no phone number.
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain('712345678');
  });

  test('when the caller filed a complaint in Arusha before, then the request goes to Arusha without asking', async () => {
    await chooseLanguage(phone, 'en');
    await fileComplaint(phone);
    const s = phone.dial();
    await s.send('');
    await s.reply(CALL_ME_BACK);
    expect(await s.reply(WATER)).toMatch(
      starting('CON Ask us to call you back?\nRegion: Arusha\n'),
    );
    expect(await s.reply('1')).toMatch(/^END Thank you\. .*\nRequest number: \d{3} \d{4}$/);
    expect(requests().map((r) => r.regionCode)).toEqual(['ARU']);
  });

  test('when the caller asks again while the request is open, then the same reference is shown and nothing is added', async () => {
    await chooseLanguage(phone, 'en');
    await askCallBack(DODOMA);
    const [first] = requests();
    const s = phone.dial();
    await s.send('');
    expect(await s.reply(CALL_ME_BACK)).toBe(
      `CON ${en('callback.existing', { reference: formatCallbackReference(first?.reference ?? ''), category: 'Water' })}\n0. Back`,
    );
    expect(requests()).toHaveLength(1);
  });

  test('when two sessions reach Send, then the second is shown the first request', async () => {
    await chooseLanguage(phone, 'en');
    const a = phone.dial();
    const b = phone.dial();
    for (const s of [a, b]) {
      await s.send('');
      await s.replies(CALL_ME_BACK, WATER, DODOMA);
    }
    expect(await a.reply('1')).toMatch(/^END Thank you/);
    expect(await b.reply('1')).toMatch(starting('CON You have already asked us to call you back'));
    expect(requests()).toHaveLength(1);
  });

  test('when the phone asked three times today, then the fourth is refused until tomorrow', async () => {
    await chooseLanguage(phone, 'en');
    for (let i = 0; i < 3; i++) {
      await askCallBack(DODOMA);
      // Closed by staff (a note) so that the phone may ask again.
      t.db.update(callbacks).set({ status: 'closed' }).where(eq(callbacks.status, 'open')).run();
      t.clock.advance(60_000);
    }
    const s = phone.dial();
    await s.send('');
    expect(await s.reply(CALL_ME_BACK)).toBe(`CON ${en('callback.limit', { limit: 3 })}\n0. Back`);
    expect(requests()).toHaveLength(3);

    t.clock.set(eat('2026-03-13 00:01'));
    expect(await askCallBack(DODOMA)).toMatch(/^END Thank you/);
    expect(requests()).toHaveLength(4);
  });

  test('when the retry of the last hop arrives, then no second request is made', async () => {
    await chooseLanguage(phone, 'en');
    const s = phone.dial();
    await s.send('');
    await s.replies(CALL_ME_BACK, WATER, DODOMA);
    const end = await s.reply('1');
    expect(await s.repeat()).toBe(end);
    expect(requests()).toHaveLength(1);
  });
});
