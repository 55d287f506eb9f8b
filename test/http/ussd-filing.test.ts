/**
 * POST /ussd as Africa's Talking calls it: a whole filing session, tracking the number it gives,
 * `*` inside typed text and retried requests. The database is real (in-memory SQLite).
 */
import { eq } from 'drizzle-orm';
import { citizens, complaintEvents, complaints, smsOutbox, ussdSessions } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { isGsm7 } from '../../src/text/gsm7';
import { makeTestApp, T0, type TestApp } from '../helpers/app';
import { atPhone } from '../helpers/at-ussd';
import {
  chooseLanguage,
  en,
  fileComplaint,
  fileUpToConfirm,
  starting,
  sw,
  TRACK,
} from '../helpers/ussd-paths';

const CITIZEN = '+255712345678';
const NEIGHBOUR = '+255654321098';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

const onlyComplaint = () => {
  const rows = t.db.select().from(complaints).all();
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe('POST /ussd: filing a complaint', () => {
  test('when a new phone goes through every screen, then it ends with the grouped number and the complaint, its event, the SMS and the language are stored', async () => {
    const s = atPhone(t.app, { phone: CITIZEN }).dial();

    const welcome = await s.send('');
    expect(welcome).toBe(`CON ${sw('language.welcome')}\n1. Kiswahili\n2. English`);
    expect(await s.reply('2')).toMatch(
      starting(`CON ${en('main.prompt')}\n1. ${en('main.file')}\n`),
    );
    expect(await s.reply('1')).toMatch(
      starting(`CON ${en('file.region.prompt')}\n1. Arusha\n2. Dar es Salaam\n`),
    );
    expect(await s.reply('1')).toMatch(
      starting(`CON ${en('file.council.prompt')}\n1. Arusha CC\n2. Arusha DC\n`),
    );
    expect(await s.reply('1')).toContain(`\n3. ${en('category.water')}\n`);
    expect(await s.reply('3')).toBe(
      `CON ${en('file.place.prompt')}\n1. Skip\n0. Back\n00. Main menu`,
    );
    expect(await s.reply('Mwenge')).toBe(
      `CON ${en('file.description.prompt')}\n0. Back\n00. Main menu`,
    );
    expect(await s.reply('Maji hayatoki tangu jana')).toMatch(
      starting(`CON ${en('file.identity.prompt')}\n`),
    );
    expect(await s.reply('1')).toBe(
      [
        `CON ${en('file.confirm.prompt')}`,
        'Arusha, Arusha CC',
        en('file.confirm.type', { category: 'Water' }),
        'Mwenge',
        '"Maji hayatoki tangu jana"',
        '1. Send',
        '2. Change',
        '0. Cancel',
        '00. Main menu',
      ].join('\n'),
    );
    const done = await s.reply('1');

    const complaint = onlyComplaint();
    const grouped = formatComplaintNumber(complaint.number);
    expect(grouped).toMatch(/^[1-9]\d{3} \d{4}$/);
    expect(done).toBe(`END ${en('file.done', { number: grouped })}`);
    expect(complaint).toMatchObject({
      citizenPhone: CITIZEN,
      regionCode: 'ARU',
      councilCode: 'ARU-ARC',
      categoryCode: 'water',
      place: 'Mwenge',
      description: 'Maji hayatoki tangu jana',
      anonymous: false,
      language: 'en',
      channel: 'ussd',
      status: 'received',
      createdAt: T0,
    });
    // Filing may add later history (assignment); the citizen's own `received` event is there once.
    const events = t.db.select().from(complaintEvents).all();
    expect(events.filter((e) => e.type === 'received')).toEqual([
      expect.objectContaining({
        complaintId: complaint.id,
        type: 'received',
        actor: 'citizen',
        toStatus: 'received',
        createdAt: T0,
      }),
    ]);
    expect(events[0]?.type).toBe('received');
    const sms = t.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, CITIZEN)).all();
    expect(sms).toEqual([
      expect.objectContaining({
        toPhone: CITIZEN,
        template: 'sms.received',
        complaintId: complaint.id,
        status: 'queued',
        nextAttemptAt: T0,
      }),
    ]);
    expect(sms[0]!.body).toContain(grouped);
    expect(sms[0]!.body).toContain(`dialling *384*1234*${complaint.number}#`);
    expect(isGsm7(sms[0]!.body, { allowExtended: false })).toBe(true);
    expect(t.db.select().from(citizens).all()).toEqual([
      expect.objectContaining({ phone: CITIZEN, language: 'en' }),
    ]);
    const session = t.db.select().from(ussdSessions).where(eq(ussdSessions.sessionId, s.sessionId));
    expect(session.get()).toMatchObject({ ended: true, draftOpen: false, hops: 10 });
  });

  test('when the same phone tracks the number in a new session, then it sees status, council, date and its description', async () => {
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    await fileComplaint(phone, { description: 'Maji hayatoki tangu jana' });
    const grouped = formatComplaintNumber(onlyComplaint().number);
    t.clock.advance(2 * 24 * 60 * 60 * 1000);

    const s = phone.dial();
    expect(await s.send('')).toMatch(starting(`CON ${en('main.prompt')}\n`));
    expect(await s.reply(TRACK)).toBe(`CON ${en('track.prompt')}\n0. Back`);
    // Typed as printed in the SMS, with the space: AT sends it as '+'.
    expect(await s.reply(grouped)).toBe(
      [
        `CON Complaint ${grouped}`,
        'Status: Received',
        'Council: Arusha CC',
        'Date: 12/03/2026',
        '"Maji hayatoki tangu jana"',
        '0. Back',
        '00. Main menu',
      ].join('\n'),
    );
  });

  test('when another phone tracks the number, then it sees status, council and date but not the description', async () => {
    const citizen = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(citizen, 'en');
    await fileComplaint(citizen, { description: 'Maji hayatoki tangu jana' });
    const { number } = onlyComplaint();

    const s = atPhone(t.app, { phone: NEIGHBOUR }).dial();
    await s.send('');
    await s.reply('1');
    expect(await s.reply(TRACK)).toBe(`CON ${sw('track.prompt')}\n0. Rudi`);
    const detail = await s.reply(number);
    expect(detail).toBe(
      [
        `CON Lalamiko ${formatComplaintNumber(number)}`,
        `Hali: ${sw('status.received')}`,
        'Halmashauri: Arusha Jiji',
        'Tarehe: 12/03/2026',
        '0. Rudi',
        '00. Menyu kuu',
      ].join('\n'),
    );
    expect(detail).not.toContain('Maji');
  });
});

describe('POST /ussd: text as AT joins it', () => {
  test('when the description itself contains a *, then it is stored intact', async () => {
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    const s = await fileUpToConfirm(phone, {
      place: 'Mwenge',
      description: 'Maji * hayatoki kijijini',
    });
    expect(s.text).toBe('1*1*1*3*Mwenge*Maji * hayatoki kijijini*1');
    expect(s.bodies.at(-1)).toContain('\n"Maji * hayatoki kijijini"\n');

    await s.reply('1');

    expect(onlyComplaint()).toMatchObject({
      place: 'Mwenge',
      description: 'Maji * hayatoki kijijini',
    });
  });

  test('when AT repeats the final confirm hop, then the answer is identical and nothing is filed twice', async () => {
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');
    const s = await fileUpToConfirm(phone);
    const done = await s.reply('1');
    const everything = () => ({
      complaints: t.db.select().from(complaints).all(),
      events: t.db.select().from(complaintEvents).all(),
      sms: t.db.select().from(smsOutbox).all(),
      sessions: t.db.select().from(ussdSessions).all(),
    });
    const before = everything();
    expect(before.complaints).toHaveLength(1);
    expect(before.sms.filter((m) => m.toPhone === CITIZEN)).toHaveLength(1);
    t.clock.advance(3_000);

    expect(await s.repeat()).toBe(done);
    expect(await s.repeat()).toBe(done);

    expect(everything()).toEqual(before);
  });

  test('when AT repeats a hop in the middle, then the same screen comes back and the session goes on from it', async () => {
    const s = atPhone(t.app, { phone: CITIZEN }).dial();
    await s.send('');
    await s.reply('2');
    const regions = await s.reply('1');

    expect(await s.repeat()).toBe(regions);
    expect(await s.reply('1')).toMatch(/^CON Choose council:\n1\. Arusha CC\n/);
  });
});
