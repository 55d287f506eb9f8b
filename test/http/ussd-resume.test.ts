/**
 * POST /ussd: a filing session that drops (the network cuts it, the user's 180 s run out) can be
 * resumed by the next dial from the same phone within the window (30 minutes in the test app).
 */
import { eq } from 'drizzle-orm';
import { complaints, ussdSessions } from '../../db/schema';
import { makeTestApp, T0, type TestApp } from '../helpers/app';
import { atPhone, type AtPhone, type AtSession } from '../helpers/at-ussd';
import {
  ANONYMOUS,
  ARUSHA,
  ARUSHA_CC,
  chooseLanguage,
  en,
  FILE,
  SEND,
  starting,
  WATER,
} from '../helpers/ussd-paths';

const MINUTE = 60_000;
const CITIZEN = '+255712345678';

let t: TestApp;
let phone: AtPhone;
beforeEach(async () => {
  t = makeTestApp();
  phone = atPhone(t.app, { phone: CITIZEN });
  await chooseLanguage(phone, 'en');
});
afterEach(() => t.close());

const resumeOffer = `CON ${en('resume.prompt')}\n1. ${en('resume.continue')}\n2. ${en('resume.restart')}`;
const mainMenu = starting(`CON ${en('main.prompt')}\n1. ${en('main.file')}\n`);

/** Files up to the description prompt (place typed), then the call drops. */
async function dropAtDescription(): Promise<AtSession> {
  const s = phone.dial();
  await s.send('');
  const prompt = await s.replies(FILE, ARUSHA, ARUSHA_CC, WATER, 'Mwenge');
  expect(prompt).toMatch(starting(`CON ${en('file.description.prompt')}\n`));
  return s;
}

const sessionRow = (s: AtSession) =>
  t.db.select().from(ussdSessions).where(eq(ussdSessions.sessionId, s.sessionId)).get();

describe('POST /ussd: resuming a dropped filing', () => {
  test('when the phone dials again within 30 minutes and continues, then it lands where it stopped with its answers kept and can send', async () => {
    const dropped = await dropAtDescription();
    expect(sessionRow(dropped)).toMatchObject({ draftOpen: true, ended: false });
    t.clock.advance(30 * MINUTE);

    const s = phone.dial();
    expect(await s.send('')).toBe(resumeOffer);
    expect(await s.reply('1')).toBe(dropped.bodies.at(-1));
    await s.reply('Bomba limekauka wiki mbili');
    const confirm = await s.reply(ANONYMOUS);
    expect(confirm).toContain('\nArusha, Arusha CC\n');
    expect(confirm).toContain(
      `\n${en('file.confirm.anonymous')}\nMwenge\n"Bomba limekauka wiki mbili"\n`,
    );
    expect(await s.reply(SEND)).toMatch(/^END /);

    expect(t.db.select().from(complaints).all()).toEqual([
      expect.objectContaining({
        citizenPhone: CITIZEN,
        regionCode: 'ARU',
        councilCode: 'ARU-ARC',
        categoryCode: 'water',
        place: 'Mwenge',
        description: 'Bomba limekauka wiki mbili',
        anonymous: true,
        createdAt: T0 + 30 * MINUTE,
      }),
    ]);
    expect(sessionRow(dropped)).toMatchObject({ draftOpen: false });
    expect(sessionRow(s)).toMatchObject({ draftOpen: false, ended: true });
    // Nothing is left to resume.
    expect(await phone.dial().send('')).toMatch(mainMenu);
  });

  test('when the phone dials again after 31 minutes, then there is no offer and the main menu starts afresh', async () => {
    await dropAtDescription();
    t.clock.advance(31 * MINUTE);

    const s = phone.dial();
    expect(await s.send('')).toMatch(mainMenu);
    expect(await s.reply(FILE)).toMatch(starting(`CON ${en('file.region.prompt')}\n1. Arusha\n`));
  });

  test('when the phone chooses to start again, then the draft is discarded and never offered again', async () => {
    const dropped = await dropAtDescription();
    t.clock.advance(5 * MINUTE);

    const s = phone.dial();
    expect(await s.send('')).toBe(resumeOffer);
    expect(await s.reply('2')).toMatch(mainMenu);
    expect(sessionRow(dropped)).toMatchObject({ draftOpen: false });

    t.clock.advance(MINUTE);
    expect(await phone.dial().send('')).toMatch(mainMenu);
    expect(t.db.select().from(complaints).all()).toEqual([]);
  });

  test('when the call drops on the region list before any answer, then the next dial is not offered an empty draft', async () => {
    const dropped = phone.dial();
    await dropped.send('');
    expect(await dropped.reply(FILE)).toMatch(starting(`CON ${en('file.region.prompt')}\n`));
    t.clock.advance(MINUTE);

    expect(await phone.dial().send('')).toMatch(mainMenu);
  });

  test('when another phone dials within the window, then it is not offered the draft', async () => {
    await dropAtDescription();
    const other = atPhone(t.app, { phone: '+255754000111' });
    await chooseLanguage(other, 'en');

    expect(await other.dial().send('')).toMatch(mainMenu);
  });
});
