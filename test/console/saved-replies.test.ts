/**
 * Saved replies in the reply composer, without JavaScript: the complaint page offers those of
 * its category (or every category) and region; "Use" redraws the composer with the text in the
 * citizen's language, the complaint's values filled in, and the SMS preview counting that text;
 * "Send reply" sends it as one SMS and counts the saved reply as used. A saved reply id the
 * composer does not offer is never counted.
 */
import { asc, eq } from 'drizzle-orm';
import { savedReplies, smsOutbox, type ComplaintRow } from '../../db/schema';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { addSavedReply } from '../../src/complaints/replies';
import { septetLength, smsParts } from '../../src/text/gsm7';
import { csrfIn, openConsoleWorld, signedIn, textOf, type Agent, type ConsoleWorld } from './world';
import { DESK } from '../helpers/world';
import type { StaffRow } from '../../db/schema';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const TEXT_SW =
  'Habari. Mhandisi wa maji wa {council} atafika ndani ya siku 5 kuhusu lalamiko {number}. {officer}';
const TEXT_EN =
  'Hello. The water engineer of {council} will visit within 5 days about complaint {number}. {officer}';

function saved(by: StaffRow, o: { title: string; category?: string; region?: string }): number {
  const r = addSavedReply({ db: w.db, now: w.clock.now, reference: w.console.reference }, by, {
    title: o.title,
    category: o.category ?? '',
    region: o.region ?? '',
    trigger: '',
    textSw: TEXT_SW,
    textEn: TEXT_EN,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.row.id;
}

const usesOf = (id: number) =>
  w.db.select().from(savedReplies).where(eq(savedReplies.id, id)).get()?.uses;
const repliesTo = (c: ComplaintRow) =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.complaintId, c.id))
    .orderBy(asc(smsOutbox.id))
    .all()
    .filter((m) => m.template === 'sms.reply');

/** The option labels of the saved-reply select on a page. */
const offered = (html: string) =>
  [
    ...(/<select id="reply-saved"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '').matchAll(
      />([^<]+)<\/option>/g,
    ),
  ]
    .map((m) => m[1])
    .slice(1);

/** The reply box's text on a page. */
const replyBox = (html: string) =>
  textOf(/<textarea id="reply-message"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? '');

async function use(agent: Agent, c: ComplaintRow, choice: string) {
  const page = await agent.get(`/console/c/${c.number}`);
  return agent
    .post(`/console/c/${c.number}/reply`)
    .type('form')
    .send({ _csrf: csrfIn(page.text), savedChoice: choice, message: '', savedReply: '', use: '1' });
}

describe('the composer offers saved replies', () => {
  test('when replies exist for several categories and regions, then a Dar es Salaam water complaint offers its category, every category, national and Dar es Salaam ones', async () => {
    saved(w.desk.hq, { title: 'Water visit', category: 'water' });
    saved(w.desk.hq, { title: 'Any: thanks' });
    saved(w.desk.hq, { title: 'Health visit', category: 'health' });
    saved(w.desk.darSup, { title: 'Dar water', category: 'water' });
    saved(w.desk.aruSup, { title: 'Arusha water', category: 'water' });
    const c = w.file({ council: 'DAR-KIM', category: 'water' });
    const { agent } = await signedIn(w, DESK.neema.phone);

    const page = await agent.get(`/console/c/${c.number}`);

    expect(offered(page.text)).toEqual(['Dar water', 'Water visit', 'Any: thanks']);
  });

  test('when there is no saved reply for the complaint, then the composer shows no picker', async () => {
    saved(w.desk.hq, { title: 'Health visit', category: 'health' });
    const c = w.file({ council: 'DAR-KIM', category: 'water' });
    const { agent } = await signedIn(w, DESK.neema.phone);

    const page = await agent.get(`/console/c/${c.number}`);

    expect(page.text).not.toContain('id="reply-saved"');
    expect(page.text).toContain('id="reply-message"');
  });
});

describe('Use, then Send, without JavaScript', () => {
  test('when a Kiswahili citizen gets a saved reply, then it goes out as ONE SMS in Kiswahili with the values filled, and is counted once', async () => {
    const id = saved(w.desk.hq, { title: 'Water visit', category: 'water' });
    const c = w.file({ council: 'DAR-KIM', category: 'water', language: 'sw' });
    const number = formatComplaintNumber(c.number);
    const filled = `Habari. Mhandisi wa maji wa Kinondoni Manispaa atafika ndani ya siku 5 kuhusu lalamiko ${number}. Neema Kweka`;
    const { agent } = await signedIn(w, DESK.neema.phone);

    const drawn = await use(agent, c, String(id));
    expect(drawn.status).toBe(200);
    expect(replyBox(drawn.text)).toBe(filled);
    expect(drawn.text).toContain(`<input type="hidden" name="savedReply" value="${id}"/>`);
    // The preview counts the filled text, as it will be sent.
    const body = `OR-TAMISEMI, lalamiko ${number}: ${filled}`;
    expect(textOf(drawn.text)).toContain(
      `${body} ${septetLength(body)} characters, ${smsParts(body).parts} SMS`,
    );
    expect(smsParts(body).parts).toBe(1);
    expect(repliesTo(c)).toEqual([]);

    const sent = await agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: csrfIn(drawn.text), message: filled, savedReply: String(id) });

    expect(sent.status).toBe(303);
    expect(repliesTo(c).map((m) => m.body)).toEqual([body]);
    expect(usesOf(id)).toBe(1);
  });

  test('when an English citizen gets the same saved reply, then it is the English text', async () => {
    const id = saved(w.desk.hq, { title: 'Water visit', category: 'water' });
    const c = w.file({ council: 'DAR-KIM', category: 'water', language: 'en' });
    const { agent } = await signedIn(w, DESK.neema.phone);

    const drawn = await use(agent, c, String(id));

    expect(replyBox(drawn.text)).toBe(
      `Hello. The water engineer of Kinondoni MC will visit within 5 days about complaint ${formatComplaintNumber(c.number)}. Neema Kweka`,
    );
  });

  test('when Use is pressed with nothing chosen, then the composer says so and keeps what was typed', async () => {
    saved(w.desk.hq, { title: 'Water visit', category: 'water' });
    const c = w.file({ council: 'DAR-KIM', category: 'water' });
    const { agent } = await signedIn(w, DESK.neema.phone);
    const page = await agent.get(`/console/c/${c.number}`);

    const res = await agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), savedChoice: '', message: 'Tunakuja', use: '1' });

    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Choose a saved reply first.');
    expect(replyBox(res.text)).toBe('Tunakuja');
  });
});

describe('a saved reply id the composer does not offer', () => {
  test('when Use names another region’s reply, then it is refused like no choice', async () => {
    const arusha = saved(w.desk.aruSup, { title: 'Arusha water', category: 'water' });
    saved(w.desk.hq, { title: 'Water visit', category: 'water' });
    const c = w.file({ council: 'DAR-KIM', category: 'water' });
    const { agent } = await signedIn(w, DESK.neema.phone);

    const res = await use(agent, c, String(arusha));

    expect(res.status).toBe(400);
    expect(replyBox(res.text)).toBe('');
  });

  test.each([
    ['another category’s', 'health'],
    ['a retired', 'retired'],
    ['a malformed', 'malformed'],
  ])(
    'when a reply is sent naming %s saved reply, then the reply goes and nothing is counted',
    async (_name, kind) => {
      const other = saved(w.desk.hq, { title: 'Health visit', category: 'health' });
      const water = saved(w.desk.hq, { title: 'Water visit', category: 'water' });
      if (kind === 'retired')
        w.db.update(savedReplies).set({ active: false }).where(eq(savedReplies.id, water)).run();
      const c = w.file({ council: 'DAR-KIM', category: 'water' });
      const { agent, csrf } = await signedIn(w, DESK.neema.phone);
      const savedReply =
        kind === 'health' ? String(other) : kind === 'retired' ? String(water) : `${water}x`;

      const res = await agent
        .post(`/console/c/${c.number}/reply`)
        .type('form')
        .send({ _csrf: csrf, message: 'Tunakuja kesho', savedReply });

      expect(res.status).toBe(303);
      expect(repliesTo(c).map((m) => m.body)).toEqual([
        `OR-TAMISEMI, lalamiko ${formatComplaintNumber(c.number)}: Tunakuja kesho`,
      ]);
      expect([usesOf(other), usesOf(water)]).toEqual([0, 0]);
    },
  );
});

describe('the live preview (the script posts the box to /preview)', () => {
  test('when the box holds a filled saved reply, then the fragment counts it', async () => {
    const c = w.file({ council: 'DAR-KIM', category: 'water', language: 'en' });
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const message = `Hello. The water engineer of Kinondoni MC will visit within 5 days. ${'x'.repeat(100)}`;

    const res = await agent
      .post(`/console/c/${c.number}/preview`)
      .type('form')
      .send({ _csrf: csrf, message });

    const body = `PO-RALG, complaint ${formatComplaintNumber(c.number)}: ${message}`;
    expect(textOf(res.text)).toContain(`${septetLength(body)} characters, 2 SMS`);
  });
});
