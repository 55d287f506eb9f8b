/**
 * POST /ussd: one phone may file at most `dailyComplaintLimit` (5 in the test app) complaints per
 * Tanzanian calendar day (East Africa Time, UTC+3); the next day it may file again.
 */
import { eq } from 'drizzle-orm';
import { complaints, smsOutbox } from '../../db/schema';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone, type AtPhone } from '../helpers/at-ussd';
import {
  chooseLanguage,
  en,
  FILE,
  fileComplaint,
  fileUpToConfirm,
  SEND,
  starting,
} from '../helpers/ussd-paths';

const CITIZEN = '+255712345678';
const limitScreen = `CON ${en('file.limit', { limit: 5 })}\n0. Back`;

let t: TestApp;
let phone: AtPhone;
beforeEach(async () => {
  t = makeTestApp();
  phone = atPhone(t.app, { phone: CITIZEN });
  await chooseLanguage(phone, 'en');
});
afterEach(() => t.close());

const filed = () => t.db.select().from(complaints).all().length;

describe('POST /ussd: the daily limit, after five complaints today', () => {
  beforeEach(async () => {
    for (let i = 0; i < 5; i++) {
      expect(await fileComplaint(phone)).toMatch(/^END .*\nComplaint number: \d{4} \d{4}\n/);
      t.clock.advance(10 * 60_000);
    }
  });

  test('when the phone tries a 6th complaint the same day, then it gets the polite limit screen and nothing is filed', async () => {
    const s = phone.dial();
    await s.send('');

    expect(await s.reply(FILE)).toBe(limitScreen);
    expect(await s.reply('0')).toMatch(starting(`CON ${en('main.prompt')}\n`));
    expect(filed()).toBe(5);
    expect(t.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, CITIZEN)).all()).toHaveLength(
      5,
    );
  });

  test('when it is still the same day in Tanzania at 23:59, then the limit holds', async () => {
    t.clock.set(Date.UTC(2026, 2, 12, 20, 59));
    const s = phone.dial();
    await s.send('');

    expect(await s.reply(FILE)).toBe(limitScreen);
  });

  test('when the next Tanzanian day starts (21:00 UTC), then the phone may file again', async () => {
    t.clock.set(Date.UTC(2026, 2, 12, 21, 0));

    expect(await fileComplaint(phone)).toMatch(/^END /);
    expect(filed()).toBe(6);
  });

  test('when another phone files the same day, then its own limit is untouched', async () => {
    const other = atPhone(t.app, { phone: '+255754000111' });
    await chooseLanguage(other, 'en');

    expect(await fileComplaint(other)).toMatch(/^END /);
    expect(filed()).toBe(6);
  });
});

describe('POST /ussd: the daily limit, checked again at send time', () => {
  test('when a 6th filing reached the confirm screen before the 5th was sent, then sending it gets the limit screen', async () => {
    for (let i = 0; i < 4; i++) await fileComplaint(phone);
    const late = await fileUpToConfirm(phone);
    const other = atPhone(t.app, { phone: CITIZEN }).dial();
    expect(await other.send('')).toMatch(starting(`CON ${en('resume.prompt')}\n`));
    await other.reply('2'); // Start again: the late session's draft is not taken over.
    await other.replies(FILE, '1', '1', '3', '1', 'Barabara imefungwa na mafuriko', '1', SEND);
    expect(filed()).toBe(5);

    expect(await late.reply(SEND)).toMatch(starting(limitScreen));
    expect(filed()).toBe(5);
  });
});
