/**
 * The triage tab (/console/triage), issue 21's done-when: an unknown phone texts "Hakuna maji
 * kijijini Mbande wiki mbili sasa", gets a complaint number, the complaint waits in triage for
 * headquarters and Dodoma's supervisor (Mbande is a village of Sejeli ward, Kongwa DC), the supervisor routes
 * it, and the citizen gets the normal assignment SMS. Also: who sees what, refused forms, close.
 */
import { asc, eq } from 'drizzle-orm';
import { complaints, smsFilings, smsOutbox } from '../../db/schema';
import {
  formatComplaintNumber,
  isValidComplaintNumber,
  makeComplaintNumber,
} from '../../src/complaints/core/numbers';
import { sharedPlaces } from '../../src/reference/places';
import { insertSmsFiling } from '../../src/citizens/sms-filings-repository';
import { seededRandomInt, TEST_TOKEN } from '../helpers/app';
import { formBody, postForm } from '../helpers/at-ussd';
import { DESK, STRANGER } from '../helpers/world';
import { csrfIn, openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeAll(() => sharedPlaces().indexCountryNow());
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const MBANDE = 'Hakuna maji kijijini Mbande wiki mbili sasa';
let atIds = 0;

function text(from: string, body: string) {
  atIds += 1;
  return postForm(
    w.app,
    `/sms/inbound?token=${TEST_TOKEN}`,
    formBody({ id: `ATXid_triage_${atIds}`, from, to: '15055', text: body, date: '2026-03-12' }),
  );
}

const outboxTo = (phone: string) =>
  w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(asc(smsOutbox.id))
    .all();
const filingRows = () => w.db.select().from(smsFilings).orderBy(asc(smsFilings.id)).all();

function hireDodoma() {
  const sup = w.hire({
    name: 'Asha Chande',
    phone: '+255711000101',
    role: 'supervisor',
    region: 'DOD',
    lang: 'en',
  });
  const officer = w.hire({
    name: 'Musa Kibwana',
    phone: '+255711000102',
    role: 'officer',
    region: 'DOD',
    councils: ['DOD-KND'],
    lang: 'sw',
  });
  return { sup, officer };
}

describe('the done-when of issue 21', () => {
  test("an unknown phone texts the shortcode, the complaint waits in triage, Dodoma's supervisor routes it and the citizen gets the assignment SMS", async () => {
    const dod = hireDodoma();
    await text(STRANGER, MBANDE);

    const [ack] = outboxTo(STRANGER);
    const number = /(\d{4} \d{4})/.exec(ack?.body ?? '')?.[1]?.replace(' ', '') ?? '';
    expect(isValidComplaintNumber(number)).toBe(true);
    expect(ack?.template).toBe('sms.filedTriage');

    const { agent } = await signedIn(w, dod.sup.phone);
    const page = await agent.get('/console/triage');
    expect(page.status).toBe(200);
    const words = textOf(page.text);
    expect(words).toContain(`Complaint ${formatComplaintNumber(number)}`);
    expect(words).toContain(MBANDE);
    expect(words).toContain('Kero guessed: Mbande, Sejeli · Kongwa DC · Dodoma');
    // Kero's guesses are the form's choices.
    expect(page.text).toMatch(/<option value="DOD-KND" selected/);
    expect(page.text).toMatch(/<option value="water" selected/);

    const id = filingRows()[0]?.id;
    const routed = await agent
      .post(`/console/triage/${id}/route`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), council: 'DOD-KND', category: 'water' });
    expect(routed.status).toBe(303);
    expect(routed.headers.location).toBe(`/console/triage?routed=${number}`);

    const c = w.db.select().from(complaints).where(eq(complaints.number, number)).get();
    expect(c).toEqual(
      expect.objectContaining({
        councilCode: 'DOD-KND',
        regionCode: 'DOD',
        categoryCode: 'water',
        channel: 'sms',
        wardCode: '41511',
        village: 'Mbande',
        assigneeId: dod.officer.id,
      }),
    );
    expect(outboxTo(STRANGER).map((m) => m.template)).toEqual(['sms.filedTriage', 'sms.assigned']);
    expect(outboxTo(dod.officer.phone).map((m) => m.template)).toEqual(['sms.staff.assigned']);

    const after = await agent.get(routed.headers.location ?? '');
    expect(textOf(after.text)).toContain(
      `Complaint ${formatComplaintNumber(number)} sent to its council.`,
    );
    expect(textOf(after.text)).toContain('Nothing is waiting.');
    // The citizen filed it (by SMS, when they sent it); the supervisor sent it on.
    const timeline = textOf((await agent.get(`/console/c/${number}`)).text);
    expect(timeline).toContain('Filed by the citizen');
    expect(timeline).toContain('Sent on from SMS triage by Asha Chande');
  });
});

describe('who triages what', () => {
  test('headquarters sees every waiting SMS; a supervisor only those whose words point to their region; officers get 403', async () => {
    hireDodoma();
    await text(STRANGER, MBANDE);
    await text('+255754999777', 'Hakuna dawa kwenye zahanati yetu kabisa');

    const hq = await signedIn(w, DESK.hq.phone);
    expect(textOf((await hq.agent.get('/console/triage')).text)).toContain('2 waiting.');

    const dar = await signedIn(w, DESK.darSup.phone);
    const darPage = await dar.agent.get('/console/triage');
    expect(textOf(darPage.text)).toContain('0 waiting.');
    const id = filingRows()[0]?.id;
    const refused = await dar.agent
      .post(`/console/triage/${id}/route`)
      .type('form')
      .send({ _csrf: csrfIn(darPage.text), council: 'DAR-KIM', category: 'water' });
    expect(refused.status).toBe(404);
    expect(filingRows().map((f) => f.status)).toEqual(['waiting', 'waiting']);

    const officer = await signedIn(w, DESK.neema.phone);
    expect((await officer.agent.get('/console')).text).not.toContain('href="/console/triage"');
    expect((await officer.agent.get('/console/triage')).status).toBe(403);
  });
});

describe('the forms', () => {
  test('when no council is chosen, then the page is redrawn with the error at that complaint and nothing is filed', async () => {
    await text(STRANGER, 'Hakuna dawa kwenye zahanati yetu kabisa');
    const { agent } = await signedIn(w, DESK.hq.phone);
    const page = await agent.get('/console/triage');
    const id = filingRows()[0]?.id;

    const res = await agent
      .post(`/console/triage/${id}/route`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), council: '', category: 'health' });

    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#triage-${id}-council"`);
    expect(textOf(res.text)).toContain('Choose the council');
    expect(res.text).toMatch(/<option value="health" selected/);
    expect(w.db.select().from(complaints).all()).toEqual([]);
  });

  test('when staff close it with a note, then the citizen gets the note by SMS and it leaves the tab', async () => {
    await text(STRANGER, 'Naomba nafasi ya kazi ya ualimu mwaka huu');
    const { agent } = await signedIn(w, DESK.hq.phone);
    const page = await agent.get('/console/triage');
    const f = filingRows()[0];

    const empty = await agent
      .post(`/console/triage/${f?.id}/close`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), note: '  ' });
    expect(empty.status).toBe(400);
    expect(textOf(empty.text)).toContain('Write a note to the citizen');

    const note = 'Ajira hutangazwa na Utumishi, si hapa';
    const res = await agent
      .post(`/console/triage/${f?.id}/close`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), note });
    expect(res.status).toBe(303);
    expect(filingRows()[0]).toEqual(
      expect.objectContaining({ status: 'closed', note, handledBy: w.desk.hq.id }),
    );
    const last = outboxTo(STRANGER).at(-1);
    expect(last?.template).toBe('sms.filingClosed');
    expect(last?.body).toContain(note);
    expect(last?.body).toContain(formatComplaintNumber(f?.number ?? ''));
  });
});

describe('a backlog', () => {
  test('when more wait than a page holds, then the oldest 50 show with the count of all', async () => {
    for (let i = 0; i < 51; i++) {
      insertSmsFiling(w.db, {
        number: makeComplaintNumber(seededRandomInt(i + 1)),
        phone: `+2557549${String(i).padStart(5, '0')}`,
        text: `Hakuna huduma hapa kabisa, ujumbe ${i}`,
        language: 'sw',
        guessRegions: '',
        guessCouncil: null,
        guessCategory: null,
        guessWard: null,
        guessVillage: null,
        receivedAt: w.clock.now() + i * 1000,
      });
    }
    const { agent } = await signedIn(w, DESK.hq.phone);
    const words = textOf((await agent.get('/console/triage')).text);

    expect(words).toContain('51 waiting. The oldest 50 are shown.');
    expect(words).toContain('ujumbe 49');
    expect(words).not.toContain('ujumbe 50');
  });
});
