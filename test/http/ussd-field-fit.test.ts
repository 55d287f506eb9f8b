/**
 * POST /ussd for the field-fit settings, as Africa's Talking calls it: one dial with the complaint
 * number inside the code (`*384*1234*48210379#` arrives as a new session whose text is the
 * number), the code the acknowledgement SMS gives, the region picker by REGIONS, and another
 * organisation's names on the welcome screen and in the SMS.
 */
import { eq } from 'drizzle-orm';
import { complaints, smsOutbox, ussdSessions } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { loadReferenceData } from '../../src/reference/repository';
import { makeTestApp, type TestApp, type TestOverrides } from '../helpers/app';
import { atPhone, type AtPhone } from '../helpers/at-ussd';
import { chooseLanguage, en, fileComplaint, starting, sw } from '../helpers/ussd-paths';

const CITIZEN = '+255712345678';
const NEIGHBOUR = '+255654321098';
const STRANGER = '+255687000111';

let t: TestApp;
const start = (overrides: TestOverrides = {}) => {
  t = makeTestApp(overrides);
  return t;
};
afterEach(() => t.close());

/** Files one complaint from CITIZEN (in English) and returns its stored row and its SMS. */
async function filed(phone: AtPhone) {
  await chooseLanguage(phone, 'en');
  await fileComplaint(phone);
  const complaint = t.db.select().from(complaints).get()!;
  const ack = t.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'sms.received')).get()!;
  return { complaint, ack };
}

describe('POST /ussd: one dial with the complaint number inside', () => {
  test('when the filer dials the code the acknowledgement gave, then the status ends the session at once, with the description', async () => {
    start();
    const phone = atPhone(t.app, { phone: CITIZEN });
    const { complaint, ack } = await filed(phone);
    const grouped = formatComplaintNumber(complaint.number);
    expect(ack.body).toBe(
      `PO-RALG: your complaint ${grouped} (Water, Arusha CC) has been received. Track it by dialling *384*1234*${complaint.number}#`,
    );

    const s = phone.dial();
    const body = await s.send(complaint.number);

    expect(body).toBe(
      `END Complaint ${grouped}\nStatus: Received\nCouncil: Arusha CC\nDate: 12/03/2026\n"Maji hayatoki tangu jana"`,
    );
    expect(
      t.db.select().from(ussdSessions).where(eq(ussdSessions.sessionId, s.sessionId)).get(),
    ).toMatchObject({ lastText: complaint.number, ended: true, hops: 1 });
    expect(await s.reply('1')).toBe(`END ${en('common.ended')}`);
  });

  test('when a stranger dials it, then the answer is in Kiswahili, without the description, and no language is stored for them', async () => {
    start();
    const { complaint } = await filed(atPhone(t.app, { phone: CITIZEN }));

    const body = await atPhone(t.app, { phone: STRANGER }).dial().send(complaint.number);

    expect(body).toBe(
      `END Lalamiko ${formatComplaintNumber(complaint.number)}\nHali: Limepokelewa\nHalmashauri: Arusha Jiji\nTarehe: 12/03/2026`,
    );
    const welcome = await atPhone(t.app, { phone: STRANGER }).dial().send('');
    expect(welcome).toBe(`CON ${sw('language.welcome')}\n1. Kiswahili\n2. English`);
  });

  test('when a mistyped number is dialled, then it says so, and the number typed again ends with the status', async () => {
    start();
    const { complaint } = await filed(atPhone(t.app, { phone: CITIZEN }));
    const n = complaint.number;
    const typo = `${n.slice(0, 7)}${(Number(n[7]) + 1) % 10}`;
    const s = atPhone(t.app, { phone: NEIGHBOUR }).dial();

    expect(await s.send(typo)).toBe(
      `CON ${sw('track.errorCheckDigit')}\n${sw('track.prompt')}\n0. ${sw('common.home')}`,
    );
    expect(await s.reply(n)).toMatch(starting(`END Lalamiko ${formatComplaintNumber(n)}\n`));
  });

  test.each([
    ['1', 'file.region.prompt'],
    ['2', 'track.prompt'],
  ] as const)(
    'when *384*1234*%s# is dialled by a phone that chose English, then %s shows at once',
    async (inside, prompt) => {
      start();
      const phone = atPhone(t.app, { phone: CITIZEN });
      await chooseLanguage(phone, 'en');

      expect(await phone.dial().send(inside)).toMatch(starting(`CON ${en(prompt)}\n`));
    },
  );
});

describe('POST /ussd: the region picker', () => {
  /** Every region name the picker shows, paging with 98. */
  async function pickerRegions(phone: AtPhone): Promise<string[]> {
    const s = phone.dial();
    let body = await s.send('1');
    const names: string[] = [];
    for (;;) {
      names.push(...[...body.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1] ?? ''));
      if (!body.includes('\n98. ')) break;
      body = await s.reply('98');
    }
    return names.filter((n) => !['Zaidi', 'Rudi', 'Menyu kuu'].includes(n));
  }

  test('when REGIONS is left at mainland, then the 26 mainland regions are offered', async () => {
    start();
    const names = await pickerRegions(atPhone(t.app, { phone: CITIZEN }));
    expect(names).toHaveLength(26);
    expect(names.at(-1)).toBe('Tanga');
    expect(names).not.toContain('Mjini Magharibi');
  });

  test('when REGIONS=all, then Zanzibar regions are offered too', async () => {
    start((db) => ({
      reference: loadReferenceData(db, { regions: 'all', org: loadReferenceData(db).org }),
    }));
    const names = await pickerRegions(atPhone(t.app, { phone: CITIZEN }));
    expect(names).toHaveLength(31);
    expect(names.at(-1)).toBe('Mjini Magharibi');
  });
});

describe('POST /ussd: another organisation', () => {
  const water = {
    name: { sw: 'Mamlaka ya Maji DAWASA', en: 'DAWASA Water Authority' },
    smsPrefix: { sw: 'DAWASA', en: 'DAWASA' },
  };

  test('when ORG_* name a water utility, then the welcome screen and the SMS carry its names', async () => {
    start((db) => ({ reference: loadReferenceData(db, { regions: 'mainland', org: water }) }));
    const phone = atPhone(t.app, { phone: CITIZEN });
    const s = phone.dial();

    expect(await s.send('')).toBe(
      'CON Karibu Mamlaka ya Maji DAWASA\nHuduma ya Malalamiko\nWelcome to DAWASA Water Authority Complaints\n1. Kiswahili\n2. English',
    );
    await s.reply('1');
    await fileComplaint(phone);

    const ack = t.db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, CITIZEN)).get()!;
    expect(ack.body).toMatch(
      /^DAWASA: Lalamiko lako \d{4} \d{4} \(Maji, Arusha Jiji\) limepokelewa\./,
    );
  });
});
