/**
 * Filing → the SMS it queues: the acknowledgement and "assigned" notice to the citizen in their
 * language, the notice to the new owner in the owner's language, all GSM-7 in at most two parts.
 */
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { isGsm7, smsParts, toGsm7 } from '../../src/text/gsm7';
import { CITIZEN, file, openWorld, outboxOf, type World } from '../helpers/world';
import { hqStaff, officer, supervisor } from '../helpers/staff';

let w: World;
beforeEach(() => {
  w = openWorld();
});
afterEach(() => w.close());

const expectSendable = (body: string) => {
  expect(isGsm7(body)).toBe(true);
  expect(smsParts(body).parts).toBeLessThanOrEqual(2);
};

/** 150 characters of a Swahili complaint, emoji included. */
const LONG_WITH_EMOJI = (
  'Maji 💧 hayatoki kijijini Mbezi tangu wiki tatu 😡 watoto wanakosa maji safi ' +
  'na zahanati imefungwa 🏥 tafadhali tusaidieni haraka 🙏🏽 asanteni sana kwa huduma'
).slice(0, 150);

describe('filing: SMS to the citizen', () => {
  test('when an English-speaking citizen files and an officer has it, then they get the acknowledgement then the assigned notice, in English', () => {
    officer(w, 'DAR', { lang: 'sw' });
    const c = file(w, { council: 'DAR-KIM', language: 'en', category: 'roads' });
    const number = formatComplaintNumber(c.number);

    const toCitizen = outboxOf(w, c.id).filter((m) => m.toPhone === CITIZEN);

    expect(toCitizen.map((m) => [m.template, m.body])).toEqual([
      [
        'sms.received',
        `PO-RALG: your complaint ${number} (Roads, Kinondoni MC) has been received. Track it by dialling *384*1234*${c.number}#`,
      ],
      [
        'sms.assigned',
        `PO-RALG: your complaint ${number} has been assigned to an officer of Kinondoni MC. You will get their reply by SMS.`,
      ],
    ]);
    expect(toCitizen.every((m) => m.status === 'queued' && m.createdAt === w.clock.now())).toBe(
      true,
    );
  });

  test('when a Swahili-speaking citizen files, then the assigned notice is in Swahili with the Swahili council name', () => {
    officer(w, 'DAR', { lang: 'en' });
    const c = file(w, { council: 'DAR-KIM', language: 'sw' });

    const assigned = outboxOf(w, c.id).find((m) => m.template === 'sms.assigned');

    expect(assigned?.body).toBe(
      `OR-TAMISEMI: Lalamiko lako ${formatComplaintNumber(c.number)} limepangiwa afisa wa Kinondoni Manispaa. Utapokea majibu yake kwa SMS.`,
    );
  });

  test('when the complaint waits in the headquarters queue, then the citizen gets only the acknowledgement, and no staff SMS is queued', () => {
    hqStaff(w);
    const c = file(w, { council: 'DAR-KIM' });

    expect(outboxOf(w, c.id).map((m) => [m.toPhone, m.template])).toEqual([
      [CITIZEN, 'sms.received'],
    ]);
  });
});

describe('filing: SMS to the new owner', () => {
  test('when the officer reads English, then the notice is in English: grouped number, category, council, the description and the R reply hint', () => {
    const o = officer(w, 'DAR', { lang: 'en' });
    const c = file(w, {
      council: 'DAR-KIM',
      language: 'sw',
      description: 'Maji hayatoki kijijini tangu wiki iliyopita.',
    });
    const number = formatComplaintNumber(c.number);

    const notice = outboxOf(w, c.id).filter((m) => m.toPhone === o.phone);

    expect(notice).toEqual([
      expect.objectContaining({
        template: 'sms.staff.assigned',
        status: 'queued',
        body: `Kero: new complaint ${number} (Water, Kinondoni MC): "Maji hayatoki kijijini tangu wiki iliyopita.". Reply by SMS: R ${number} <message>`,
      }),
    ]);
    expect(number).toMatch(/^\d{4} \d{4}$/);
  });

  test('when the officer reads Swahili and the citizen English, then the notice is in Swahili', () => {
    const o = officer(w, 'DAR', { lang: 'sw' });
    const c = file(w, { council: 'DAR-KIM', language: 'en', description: 'No water since Monday' });
    const number = formatComplaintNumber(c.number);

    const notice = outboxOf(w, c.id).find((m) => m.toPhone === o.phone);

    expect(notice?.body).toBe(
      `Kero: lalamiko jipya ${number} (Maji, Kinondoni Manispaa): "No water since Monday". Jibu kwa SMS: R ${number} <ujumbe>`,
    );
  });

  test('when the supervisor is the fall-back owner, then the supervisor gets the notice in their language', () => {
    const sup = supervisor(w, 'DAR', { lang: 'en' });
    const c = file(w, { council: 'DAR-TEM', category: 'health' });

    const notice = outboxOf(w, c.id).find((m) => m.toPhone === sup.phone);

    expect(notice?.template).toBe('sms.staff.assigned');
    expect(notice?.body).toContain('(Health, Temeke MC)');
  });
});

describe('filing: every SMS is GSM-7 and at most two parts', () => {
  test.each([
    ['sw', 'sw'],
    ['en', 'en'],
    ['sw', 'en'],
  ] as const)(
    'when a %s citizen files 150 characters with emoji and the officer reads %s, then every SMS is GSM-7 in at most 2 parts and the notice starts with the first words',
    (citizenLang, staffLang) => {
      expect([...LONG_WITH_EMOJI].length).toBeLessThanOrEqual(150);
      const o = officer(w, 'MWA', { lang: staffLang });
      const c = file(w, {
        council: 'MWA-SED',
        language: citizenLang,
        category: 'council_services',
        description: LONG_WITH_EMOJI,
      });

      const sms = outboxOf(w, c.id);
      expect(sms.map((m) => m.template)).toEqual([
        'sms.received',
        'sms.staff.assigned',
        'sms.assigned',
      ]);
      for (const m of sms) expectSendable(m.body);

      const notice = sms.find((m) => m.toPhone === o.phone);
      expect(notice?.body).toContain(`"${toGsm7('Maji 💧 hayatoki kijijini Mbezi')}`);
      expect(notice?.body).toContain(`R ${formatComplaintNumber(c.number)}`);
      // Only the first words: the excerpt is cut and marked with '..'.
      expect(notice?.body).toContain('..".');
      expect(notice?.body).not.toContain('asanteni');
    },
  );
});
