/**
 * Filing a complaint by a free-text SMS to the shortcode (issue 21): a number at once in the
 * text's language; routed when the text names its council and category, else waiting in triage
 * with Kero's guesses; short texts get the how-to; split texts join; the daily limit; STATUS of
 * a number in triage; and staff routing it out of triage with the normal assignment SMS.
 */
import { asc, eq } from 'drizzle-orm';
import { complaints, smsFilings } from '../../db/schema';
import { isValidComplaintNumber, formatComplaintNumber } from '../../src/complaints/core/numbers';
import { routeSmsFiling, closeSmsFiling, JOIN_MINUTES } from '../../src/citizens/sms-filing';
import { sharedPlaces } from '../../src/reference/places';
import { atPhone } from '../helpers/at-ussd';
import { formatDate } from '../../src/text/calendar';
import { en, sw } from '../helpers/ussd-paths';
import {
  CITIZEN,
  inboundRows,
  lastOutboxId,
  openSms,
  outboxAfter,
  staffDesk,
  STRANGER,
  HOUR,
  type Sms,
} from './world';

let s: Sms;
afterEach(() => s.close());
// The country's wards and villages, as the server indexes them after it listens.
beforeAll(() => sharedPlaces().indexCountryNow());

const MBANDE = 'Hakuna maji kijijini Mbande wiki mbili sasa';
const filings = (sms: Sms) => sms.t.db.select().from(smsFilings).orderBy(asc(smsFilings.id)).all();
const complaintRows = (sms: Sms) =>
  sms.t.db.select().from(complaints).orderBy(asc(complaints.id)).all();
const numberIn = (body: string) => /(\d{4} \d{4})/.exec(body)?.[1]?.replace(' ', '') ?? '';
const minutes = (n: number) => n * 60_000;

function filingDeps(sms: Sms) {
  const d = sms.t.deps;
  return {
    db: sms.t.db,
    now: sms.t.clock.now,
    reference: d.reference,
    filing: {
      places: sharedPlaces(),
      policy: d.sla,
      randomInt: d.randomInt,
      dailyLimit: d.settings.dailyComplaintLimit,
      serviceCode: '*384*1234#',
    },
  };
}

describe('a text from a phone the desk does not know', () => {
  test('when it names a village but no council, then the citizen gets a valid number in Kiswahili and it waits in triage with the guesses', async () => {
    s = openSms();
    await s.send(STRANGER, MBANDE);

    const [sent, ...more] = outboxAfter(s.t, 0);
    expect(more).toEqual([]);
    const number = numberIn(sent?.body ?? '');
    expect(isValidComplaintNumber(number)).toBe(true);
    expect(sent).toEqual(
      expect.objectContaining({
        toPhone: STRANGER,
        template: 'sms.filedTriage',
        body: sw('sms.filedTriage', {
          number: formatComplaintNumber(number),
          dial: `*384*1234*${number}#`,
        }),
      }),
    );
    expect(complaintRows(s)).toEqual([]);
    expect(filings(s)).toEqual([
      expect.objectContaining({
        number,
        phone: STRANGER,
        text: MBANDE,
        language: 'sw',
        status: 'waiting',
        guessRegions: ',DOD,',
        guessCouncil: 'DOD-KND',
        guessCategory: 'water',
        guessVillage: 'Mbande',
      }),
    ]);
    expect(inboundRows(s.t)[0]?.handledAs).toBe('sms_triage');
  });

  test('when the text is in English, then the acknowledgement is in English', async () => {
    s = openSms();
    await s.send(STRANGER, 'There is no water in our village for two weeks now');

    const [sent] = outboxAfter(s.t, 0);
    const number = numberIn(sent?.body ?? '');
    expect(sent?.body).toBe(
      en('sms.filedTriage', {
        number: formatComplaintNumber(number),
        dial: `*384*1234*${number}#`,
      }),
    );
    expect(filings(s)[0]).toEqual(
      expect.objectContaining({ language: 'en', guessRegions: '', guessCouncil: null }),
    );
  });

  test('when it names its council and its words a category, then it is filed and routed at once like a USSD complaint', async () => {
    s = openSms();
    const d = staffDesk(s);
    await s.send(STRANGER, 'Barabara ya Kinondoni imeharibika sana tangu mwezi uliopita');

    const [c, ...others] = complaintRows(s);
    expect(others).toEqual([]);
    expect(c).toEqual(
      expect.objectContaining({
        citizenPhone: STRANGER,
        councilCode: 'DAR-KIM',
        regionCode: 'DAR',
        categoryCode: 'roads',
        channel: 'sms',
        language: 'sw',
        assigneeId: d.neema.id,
        description: 'Barabara ya Kinondoni imeharibika sana tangu mwezi uliopita',
      }),
    );
    const toCitizen = outboxAfter(s.t, 0).filter((m) => m.toPhone === STRANGER);
    expect(toCitizen.map((m) => m.template)).toEqual(['sms.received', 'sms.assigned']);
    expect(filings(s)).toEqual([]);
  });

  test('when the text is only a few words, then it gets the how-to and nothing is filed', async () => {
    s = openSms();
    await s.send(STRANGER, 'Nataka kutoa malalamiko');
    await s.send(STRANGER, 'Habari');

    expect(outboxAfter(s.t, 0).map((m) => m.template)).toEqual(['sms.unknown', 'sms.unknown']);
    expect(filings(s)).toEqual([]);
    expect(complaintRows(s)).toEqual([]);
  });

  test('when a long message arrives as two texts within minutes, then they are one complaint and one acknowledgement', async () => {
    s = openSms();
    await s.send(STRANGER, 'Hakuna maji kijijini Mbande tangu');
    s.t.clock.advance(minutes(2));
    await s.send(STRANGER, 'wiki mbili sasa, tunaomba msaada');

    expect(filings(s).map((f) => f.text)).toEqual([
      'Hakuna maji kijijini Mbande tangu wiki mbili sasa, tunaomba msaada',
    ]);
    expect(outboxAfter(s.t, 0).map((m) => m.template)).toEqual(['sms.filedTriage']);
    expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual(['sms_triage', 'sms_joined']);
  });

  test('when the second part of a routed complaint arrives within minutes, then it joins its description', async () => {
    s = openSms();
    staffDesk(s);
    await s.send(STRANGER, 'Barabara ya Kinondoni imeharibika sana');
    s.t.clock.advance(minutes(1));
    await s.send(STRANGER, 'tangu mwezi uliopita hakuna anayetengeneza');

    expect(complaintRows(s).map((c) => c.description)).toEqual([
      'Barabara ya Kinondoni imeharibika sana tangu mwezi uliopita hakuna anayetengeneza',
    ]);
  });

  test('when the next part names the council, then the complaint in triage is routed at once and the citizen gets the assignment SMS', async () => {
    s = openSms();
    const d = staffDesk(s);
    await s.send(STRANGER, 'Hakuna maji kwetu wiki mbili sasa');
    const number = filings(s)[0]?.number;
    s.t.clock.advance(minutes(1));
    const from = lastOutboxId(s.t);
    await s.send(STRANGER, 'Ni mtaa wa Mwananyamala, Kinondoni');

    expect(complaintRows(s)).toEqual([
      expect.objectContaining({ number, councilCode: 'DAR-KIM', assigneeId: d.neema.id }),
    ]);
    expect(filings(s)[0]?.status).toBe('routed');
    expect(
      outboxAfter(s.t, from)
        .filter((m) => m.toPhone === STRANGER)
        .map((m) => m.template),
    ).toEqual(['sms.assigned']);
  });

  test('when more words come long after, then they join the complaint still in triage and the citizen is told', async () => {
    s = openSms();
    await s.send(STRANGER, MBANDE);
    const number = filings(s)[0]?.number ?? '';
    s.t.clock.advance(HOUR);
    const from = lastOutboxId(s.t);
    await s.send(STRANGER, 'Bomba la kijiji limevunjika');

    expect(filings(s).map((f) => f.text)).toEqual([`${MBANDE} Bomba la kijiji limevunjika`]);
    expect(outboxAfter(s.t, from).map((m) => m.body)).toEqual([
      sw('sms.citizen.added', { number: formatComplaintNumber(number) }),
    ]);
  });

  test('when a phone has filed its daily limit, then the next text is refused with the limit and nothing is filed', async () => {
    s = openSms({ settings: { dailyComplaintLimit: 2, draftResumeMinutes: 30 } });
    const d = staffDesk(s);
    for (const place of ['Mbande', 'Sejeli']) {
      await s.send(STRANGER, `Hakuna maji kijijini ${place} wiki mbili sasa`);
      s.t.clock.advance(minutes(JOIN_MINUTES + 1));
      // Each one settled, so that the next is a new complaint, not more words for this one.
      const waiting = filings(s).find((f) => f.status === 'waiting');
      expect(closeSmsFiling(filingDeps(s), d.hq.id, waiting?.id ?? 0, 'Not ours')).toBe(true);
    }
    const from = lastOutboxId(s.t);
    await s.send(STRANGER, 'Hakuna maji kijijini Kolo wiki mbili sasa');

    expect(filings(s)).toHaveLength(2);
    expect(outboxAfter(s.t, from).map((m) => m.body)).toEqual([sw('sms.fileLimit', { limit: 2 })]);
    expect(inboundRows(s.t).at(-1)?.handledAs).toBe('sms_limit');
  });

  test('when it asks STATUS of a number in triage, then it is told received, its council to come', async () => {
    s = openSms();
    await s.send(STRANGER, MBANDE);
    const number = filings(s)[0]?.number ?? '';
    const from = lastOutboxId(s.t);
    await s.send(CITIZEN, `HALI ${number}`);

    expect(outboxAfter(s.t, from)).toEqual([
      expect.objectContaining({
        toPhone: CITIZEN,
        template: 'sms.citizen.statusTriage',
        body: sw('sms.citizen.statusTriage', {
          number: formatComplaintNumber(number),
          status: sw('status.received'),
          date: formatDate(filings(s)[0]?.receivedAt ?? 0),
        }),
      }),
    ]);
  });
});

describe('a text from a citizen who filed before', () => {
  test('when none of their complaints is open, then a long text is a new complaint', async () => {
    s = openSms();
    const d = staffDesk(s);
    const old = s.file({ council: 'DAR-KIM', phone: CITIZEN });
    s.t.db
      .update(complaints)
      .set({ status: 'closed', closedAt: s.t.clock.now() })
      .where(eq(complaints.id, old.id))
      .run();
    s.t.clock.advance(HOUR);
    await s.send(CITIZEN, 'Hospitali ya Kinondoni haina dawa wiki hii yote');

    expect(complaintRows(s).map((c) => [c.categoryCode, c.channel, c.assigneeId])).toEqual([
      [old.categoryCode, old.channel, old.assigneeId],
      ['health', 'sms', d.neema.id],
    ]);
  });
});

describe('staff route a complaint out of triage', () => {
  test('when a supervisor sets council and category, then it is a complaint with the number the citizen has, filed at the time of the text, and the citizen gets the assignment SMS', async () => {
    s = openSms();
    const d = staffDesk(s);
    const sentAt = s.t.clock.now();
    await s.send(STRANGER, 'Hakuna maji kwetu Msasani wiki mbili sasa');
    const f = filings(s)[0];
    s.t.clock.advance(2 * HOUR);
    const from = lastOutboxId(s.t);

    const routed = routeSmsFiling(filingDeps(s), d.darSup.id, f?.id ?? 0, {
      councilCode: 'DAR-KIM',
      categoryCode: 'water',
    });

    expect(routed.ok).toBe(true);
    expect(complaintRows(s)).toEqual([
      expect.objectContaining({
        number: f?.number,
        councilCode: 'DAR-KIM',
        categoryCode: 'water',
        channel: 'sms',
        createdAt: sentAt,
        assigneeId: d.neema.id,
        status: 'assigned',
      }),
    ]);
    expect(outboxAfter(s.t, from).map((m) => [m.toPhone, m.template])).toEqual([
      [d.neema.phone, 'sms.staff.assigned'],
      [STRANGER, 'sms.assigned'],
    ]);
    expect(filings(s)[0]).toEqual(
      expect.objectContaining({ status: 'routed', handledBy: d.darSup.id }),
    );
    // Routed once: a second try finds it gone.
    expect(
      routeSmsFiling(filingDeps(s), d.hq.id, f?.id ?? 0, {
        councilCode: 'DAR-KIM',
        categoryCode: 'water',
      }),
    ).toEqual({ ok: false, why: 'gone' });
  });

  test('when the council, category or ward is not one Kero has, then nothing is filed', () => {
    s = openSms();
    const d = staffDesk(s);
    return s.send(STRANGER, MBANDE).then(() => {
      const id = filings(s)[0]?.id ?? 0;
      const deps = filingDeps(s);
      expect(
        routeSmsFiling(deps, d.hq.id, id, { councilCode: 'XXX', categoryCode: 'water' }),
      ).toEqual({ ok: false, why: 'council' });
      expect(
        routeSmsFiling(deps, d.hq.id, id, { councilCode: 'DOD-KND', categoryCode: 'nope' }),
      ).toEqual({ ok: false, why: 'category' });
      expect(
        routeSmsFiling(deps, d.hq.id, id, {
          councilCode: 'DOD-KND',
          categoryCode: 'water',
          wardCode: '99999',
        }),
      ).toEqual({ ok: false, why: 'ward' });
      expect(complaintRows(s)).toEqual([]);
    });
  });
});

describe('tracking a complaint in triage on USSD', () => {
  test('when the citizen dials the number in one go, then it is received, its council being chosen, with their words', async () => {
    s = openSms();
    await s.send(STRANGER, MBANDE);
    const number = filings(s)[0]?.number ?? '';

    const screen = await atPhone(s.t.app, { phone: STRANGER }).dial().send(number);

    expect(screen).toContain(`Lalamiko ${formatComplaintNumber(number)}`);
    expect(screen).toContain(sw('detail.council', { council: sw('detail.councilPending') }));
    expect(screen).toContain('Mbande');
  });
});

describe('the daily limit across USSD and SMS', () => {
  test('when a phone has its limit of SMS complaints in triage, then USSD filing says the limit', async () => {
    s = openSms({ settings: { dailyComplaintLimit: 1, draftResumeMinutes: 30 } });
    await s.send(STRANGER, MBANDE);

    const session = atPhone(s.t.app, { phone: STRANGER }).dial();
    await session.send('');
    const screen = await session.reply('1');

    expect(screen).toContain(sw('file.limit', { limit: 1 }));
  });
});
