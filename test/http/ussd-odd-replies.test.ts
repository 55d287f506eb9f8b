/**
 * POST /ussd with replies people really type: characters outside GSM-7, numbers that are no
 * option, empty replies, replies after the last screen, sessions the server never saw.
 */
import { complaints, smsOutbox, ussdSessions } from '../../db/schema';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone, type AtPhone } from '../helpers/at-ussd';
import {
  chooseLanguage,
  en,
  FILE,
  fileUpToConfirm,
  SEND,
  starting,
  sw,
  WATER,
} from '../helpers/ussd-paths';

const CITIZEN = '+255712345678';

let t: TestApp;
let phone: AtPhone;
beforeEach(async () => {
  t = makeTestApp();
  phone = atPhone(t.app, { phone: CITIZEN });
  await chooseLanguage(phone, 'en');
});
afterEach(() => t.close());

const mainMenu = `CON ${en('main.prompt')}\n1. File a complaint\n2. Track a complaint\n3. My recent complaints\n4. Call me back\n5. Help\n6. Lugha / Language\n0. Exit`;
const descriptionPrompt = `CON ${en('file.description.prompt')}\n0. Back\n00. Main menu`;

describe('POST /ussd: free text outside GSM-7', () => {
  test('when the place and description hold emoji and non-GSM characters, then they are stored as typed and shown in GSM-7 on the confirm screen', async () => {
    const place = 'Kijiji cha “Mto wa Mbu”';
    const description = 'Maji 💧 hayatoki – bomba ł imevunjika… 100% + 5';

    const s = await fileUpToConfirm(phone, { place, description });
    const confirm = s.bodies.at(-1) ?? '';
    expect(confirm).toContain('\nKijiji cha "Mto wa Mbu"\n');
    expect(confirm).toContain('\n"Maji ? hayatoki - bomba l imevunjika... 100% + 5"\n');
    await s.reply(SEND);

    expect(t.db.select().from(complaints).all()).toEqual([
      expect.objectContaining({ place, description }),
    ]);
  });

  test('when a long description is all emoji, then the confirm screen is cut to fit, not the stored text', async () => {
    const description = '🚰'.repeat(150);

    const s = await fileUpToConfirm(phone, { place: 'Sakina', description });
    expect(s.bodies.at(-1)).toContain('\n"??????');
    await s.reply(SEND);

    expect(t.db.select().from(complaints).all()).toEqual([
      expect.objectContaining({ description }),
    ]);
  });
});

describe('POST /ussd: replies that are no answer', () => {
  test.each(['9', '7', '99', '999', '1234', '-1', 'abc', '#'])(
    'when the main menu gets %s, then it says so and shows the same screen, and the session goes on',
    async (reply) => {
      const s = phone.dial();
      expect(await s.send('')).toBe(mainMenu);

      expect(await s.reply(reply)).toBe(`CON ${en('common.invalid')}\n${mainMenu.slice(4)}`);
      expect(await s.reply(FILE)).toMatch(starting(`CON ${en('file.region.prompt')}\n`));
    },
  );

  test('when an empty reply arrives as a trailing * on a menu, then it is an invalid choice on the same screen', async () => {
    const s = phone.dial();
    await s.send('');
    await s.reply(FILE);

    const screen = await s.reply('');

    expect(s.text).toBe('1*');
    // The error takes the prompt's place on a full page; the page and its navigation stay.
    expect(screen).toMatch(starting(`CON ${en('common.invalid')}\n`));
    expect(screen).toContain('\n1. Arusha\n2. Dar es Salaam\n');
    expect(screen).toMatch(/\n98\. More\n0\. Back$/);
    expect(await s.reply('1')).toMatch(starting(`CON ${en('file.council.prompt')}\n`));
  });

  test('when an empty reply arrives as a trailing * on the description, then it asks for an answer and keeps the screen', async () => {
    const s = phone.dial();
    await s.send('');
    expect(await s.replies(FILE, '1', '1', WATER, '1')).toBe(descriptionPrompt);

    const screen = await s.reply('');

    expect(s.text).toBe('1*1*1*3*1*');
    expect(screen).toBe(`CON ${en('common.empty')}\n${descriptionPrompt.slice(4)}`);
    expect(await s.reply('Barabara imefungwa')).toMatch(
      starting(`CON ${en('file.identity.prompt')}\n`),
    );
  });
});

describe('POST /ussd: sessions in an unexpected state', () => {
  test('when a reply comes after the END screen, then an END screen says the session ended and nothing more is filed', async () => {
    const s = await fileUpToConfirm(phone);
    expect(await s.reply(SEND)).toMatch(/^END /);
    const filed = () => ({
      complaints: t.db.select().from(complaints).all(),
      sms: t.db.select().from(smsOutbox).all(),
    });
    const before = filed();
    expect(before.complaints).toHaveLength(1);

    const after = await s.reply('1');

    expect(after).toBe(`END ${en('common.ended', { code: '*384*1234#' })}`);
    expect(await s.reply('1')).toBe(after);
    expect(filed()).toEqual(before);
  });

  test('when a reply comes after the user exited, then it is answered with the ended screen', async () => {
    const s = phone.dial();
    await s.send('');
    expect(await s.reply('0')).toBe(`END ${en('common.goodbye')}`);

    expect(await s.reply('1')).toBe(`END ${en('common.ended', { code: '*384*1234#' })}`);
  });

  test('when an unknown sessionId arrives with a non-empty text, then it is a direct dial: its replies are taken from the main menu, in Kiswahili for a phone never heard of', async () => {
    const stranger = atPhone(t.app, { phone: '+255687000111' }).dial();

    expect(await stranger.send('1*2')).toMatch(starting(`CON ${sw('file.council.prompt')}\n`));
    expect(await stranger.reply('0')).toMatch(starting(`CON ${sw('file.region.prompt')}\n`));
    expect(t.db.select().from(ussdSessions).all()).toContainEqual(
      expect.objectContaining({ sessionId: stranger.sessionId, lastText: '1*2*0', hops: 2 }),
    );
  });

  test('when a known sessionId arrives from another phone, then it gets an END error and the session is neither continued nor replayed', async () => {
    const s = await fileUpToConfirm(phone);
    const before = t.db.select().from(ussdSessions).all();
    const intruder = atPhone(t.app, { phone: '+255787654321' }).dial(s.sessionId);

    expect(await intruder.send(s.text)).toBe(`END ${sw('common.error')}`);
    expect(await intruder.send(`${s.text}*1`)).toBe(`END ${sw('common.error')}`);

    expect(t.db.select().from(ussdSessions).all()).toEqual(before);
    expect(t.db.select().from(complaints).all()).toEqual([]);
    expect(await s.reply(SEND)).toMatch(/^END /);
    expect(t.db.select().from(complaints).all()).toEqual([
      expect.objectContaining({ citizenPhone: CITIZEN }),
    ]);
  });
});
