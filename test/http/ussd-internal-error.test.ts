/**
 * POST /ussd when the server itself fails (the database, the clock): AT must still get a 200
 * `END ` with "please try again later" in the caller's language, and nothing half-written.
 */
import { eq } from 'drizzle-orm';
import { complaintEvents, complaints, ussdSessions } from '../../db/schema';
import { makeTestApp, testClock, type TestApp } from '../helpers/app';
import { atPhone } from '../helpers/at-ussd';
import {
  chooseLanguage,
  en,
  FILE,
  fileUpToConfirm,
  SEND,
  starting,
  sw,
} from '../helpers/ussd-paths';

const CITIZEN = '+255712345678';

let t: TestApp;
afterEach(() => t.close());

describe('POST /ussd: internal errors', () => {
  test('when a table is gone mid-session, then the answer is END with the error in the caller language', async () => {
    t = makeTestApp();
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    const s = phone.dial();
    await s.send('');

    t.db.$client.exec('DROP TABLE ussd_sessions');

    expect(await s.reply(FILE)).toBe(`END ${en('common.error')}`);
    expect(await phone.dial().send('')).toBe(`END ${en('common.error')}`);
  });

  test('when the SMS outbox cannot be written at send time, then the answer is END with the error and no complaint is half-filed', async () => {
    t = makeTestApp();
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    const s = await fileUpToConfirm(phone);

    t.db.$client.exec('DROP TABLE sms_outbox');

    expect(await s.reply(SEND)).toBe(`END ${en('common.error')}`);
    expect(t.db.select().from(complaints).all()).toEqual([]);
    expect(t.db.select().from(complaintEvents).all()).toEqual([]);
    expect(t.db.select().from(ussdSessions).all()).toContainEqual(
      expect.objectContaining({ sessionId: s.sessionId, ended: false, draftOpen: true }),
    );
  });

  test('when the clock throws, then the answer is END with the error, the session does not move and the next dial works', async () => {
    const clock = testClock();
    let broken = false;
    t = makeTestApp({
      now: () => {
        if (broken) throw new Error('clock failure');
        return clock.now();
      },
    });
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    const s = phone.dial();
    await s.send('');
    const before = t.db.select().from(ussdSessions).all();

    broken = true;
    expect(await s.reply(FILE)).toBe(`END ${en('common.error')}`);
    expect(t.db.select().from(ussdSessions).all()).toEqual(before);

    broken = false;
    expect(await phone.dial().send('')).toMatch(starting(`CON ${en('main.prompt')}\n`));
  });

  test('when the database is closed, then the answer is END with the error in Kiswahili (the default)', async () => {
    t = makeTestApp();
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');

    t.db.$client.close();

    expect(await phone.dial().send('')).toBe(`END ${sw('common.error')}`);
  });

  test('when a stored session state is not one this version can read, then the caller gets the ended screen, not an error', async () => {
    t = makeTestApp();
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    const s = phone.dial();
    await s.send('');

    t.db
      .update(ussdSessions)
      .set({ state: '{"screen":42}' })
      .where(eq(ussdSessions.sessionId, s.sessionId))
      .run();

    expect(await s.reply(FILE)).toBe(`END ${en('common.ended', { code: '*384*1234#' })}`);
  });
});
