/**
 * The staff SMS console through POST /sms/inbound: every command's success, its errors and the
 * lifecycle service's refusals, each answered by SMS in the staff member's language. A refused or
 * mistaken command changes nothing but the one answer it earns.
 */
import { dammCheckDigit, formatComplaintNumber } from '../../src/complaints/core/numbers';
import { smsText, type SmsKey } from '../../src/text/sms';
import { DEFAULT_ORGANISATION, orgVars } from '../../src/text/org';
import { deactivateStaff } from '../../src/directory/service';
import { updateCategory } from '../../src/categories/service';
import { en, sw } from '../helpers/ussd-paths';
import {
  CITIZEN,
  complaintById,
  eventsOf,
  HOUR,
  inboundRows,
  lastOutboxId,
  openSms,
  OTHER_CITIZEN,
  outboxAfter,
  snapshot,
  staffDesk,
  type DeskStaff,
  type Sms,
} from './world';
import { type Lang } from '../../src/text/translate';
import { type StaffRow, type ComplaintRow } from '../../db/schema';

let s: Sms;
let d: DeskStaff;
/** Neema's (Kinondoni), filed in English by CITIZEN. */
let mine: ComplaintRow;
/** Juma's (Ubungo). */
let jumas: ComplaintRow;
/** In Dar es Salaam, filed before anyone worked there: unassigned, received. */
let unassigned: ComplaintRow;
/** In Dodoma, where nobody works: unassigned, received. */
let dodoma: ComplaintRow;
/** Neema's, filed anonymously. */
let anonymous: ComplaintRow;

beforeEach(() => {
  s = openSms();
  unassigned = s.file({
    council: 'DAR-UBM',
    phone: '+255689000009',
    description: 'Barabara imeharibika kabisa.',
  });
  s.t.clock.advance(HOUR);
  d = staffDesk(s);
  mine = s.file({ council: 'DAR-KIM', phone: CITIZEN, language: 'en' });
  jumas = s.file({ council: 'DAR-UBM', phone: OTHER_CITIZEN });
  dodoma = s.file({ council: 'DOD-BAD', phone: '+255689000008' });
  anonymous = s.file({
    council: 'DAR-KIM',
    phone: '+255689000007',
    anonymous: true,
    place: 'Mtaa wa Mwinyijuma',
  });
  s.t.clock.advance(HOUR);
  if (
    mine.assigneeId !== d.neema.id ||
    jumas.assigneeId !== d.juma.id ||
    anonymous.assigneeId !== d.neema.id
  ) {
    throw new Error('unexpected assignment');
  }
  if (unassigned.assigneeId !== null || dodoma.assigneeId !== null)
    throw new Error('unexpected assignment');
});
afterEach(() => s.close());

const spaced = (c: ComplaintRow) => formatComplaintNumber(c.number);
/** An SMS as the default organisation (PO-RALG) words it. */
const text = (key: SmsKey, lang: Lang, vars: Record<string, string | number> = {}) =>
  smsText(key, lang, { ...orgVars(DEFAULT_ORGANISATION, lang), ...vars });

/** Sends a command and returns every SMS it caused. */
async function command(from: StaffRow, body: string) {
  const after = lastOutboxId(s.t);
  const res = await s.send(from.phone, body);
  expect(res.status).toBe(200);
  return outboxAfter(s.t, after);
}

/** Sends a command that must be refused: nothing may change but the one answer to `from`. */
async function refused(from: StaffRow, body: string) {
  const before = snapshot(s.t);
  const sent = await command(from, body);
  const after = snapshot(s.t);
  expect(after.complaints).toEqual(before.complaints);
  expect(after.complaint_events).toEqual(before.complaint_events);
  expect(after.staff).toEqual(before.staff);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.toPhone).toBe(from.phone);
  expect(inboundRows(s.t).at(-1)?.handledAs).toBe('staff_command');
  return sent[0];
}

describe('R / REPLY / JIBU', () => {
  test('when the owner replies, then the citizen gets the message, the first response is recorded and the officer is told', async () => {
    const sent = await command(d.neema, `R ${spaced(mine)} Fundi anakuja kesho asubuhi`);

    expect(sent).toEqual([
      expect.objectContaining({
        toPhone: CITIZEN,
        template: 'sms.reply',
        body: text('sms.reply', 'en', {
          number: spaced(mine),
          message: 'Fundi anakuja kesho asubuhi',
        }),
      }),
      expect.objectContaining({
        toPhone: d.neema.phone,
        template: 'sms.cmd.replied',
        body: text('sms.cmd.replied', 'en', { number: spaced(mine) }),
      }),
    ]);
    expect(complaintById(s.t, mine.id)).toMatchObject({
      status: 'in_progress',
      firstResponseAt: s.t.clock.now(),
    });
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'reply',
      staffId: d.neema.id,
      note: 'Fundi anakuja kesho asubuhi',
    });
    expect(inboundRows(s.t).at(-1)).toMatchObject({
      handledAs: 'staff_command',
      complaintId: mine.id,
    });
  });

  test('when the owner replies a second time, then the first response time stays', async () => {
    await command(d.neema, `REPLY ${mine.number} first`);
    const first = s.t.clock.now();
    s.t.clock.advance(HOUR);
    await command(d.neema, `reply ${mine.number} second`);

    expect(complaintById(s.t, mine.id).firstResponseAt).toBe(first);
  });

  test('when a Kiswahili-speaking officer uses JIBU, then the confirmation is in Kiswahili', async () => {
    const sent = await command(d.juma, `JIBU ${jumas.number} Tunashughulikia`);

    expect(sent.at(-1)?.body).toBe(text('sms.cmd.replied', 'sw', { number: spaced(jumas) }));
  });

  test("when an officer replies on another officer's complaint, then it is refused with the reason", async () => {
    const answer = await refused(d.juma, `JIBU ${spaced(mine)} habari`);

    expect(answer?.body).toBe(text('sms.cmd.err.otherOfficer', 'sw', { number: spaced(mine) }));
  });

  test('when an officer of another region replies, then it is refused', async () => {
    const answer = await refused(d.aruOfficer, `R ${mine.number} habari`);

    expect(answer?.body).toBe(text('sms.cmd.err.otherRegion', 'sw', { number: spaced(mine) }));
  });

  test('when headquarters replies on a complaint nobody has taken, then it is told to TAKE it first', async () => {
    const answer = await refused(d.hq, `R ${dodoma.number} habari`);

    expect(answer?.body).toBe(text('sms.cmd.err.notAssigned', 'en', { number: spaced(dodoma) }));
  });

  test('when the message is missing, then the error says so and shows how', async () => {
    const answer = await refused(d.neema, `R ${spaced(mine)}`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.missingText', 'en', { usage: en('sms.usage.reply') }),
    );
  });

  test('when the number is missing, then the error says so in Kiswahili', async () => {
    const answer = await refused(d.juma, 'JIBU habari yako');

    expect(answer?.body).toBe(
      text('sms.cmd.err.missingNumber', 'sw', { usage: sw('sms.usage.reply') }),
    );
  });

  test('when the number has a typing mistake, then the error says so', async () => {
    const typo = `${mine.number.slice(0, 7)}${(Number(mine.number[7]) + 1) % 10}`;
    const answer = await refused(d.neema, `R ${typo} hello`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.typo', 'en', { input: typo, usage: en('sms.usage.reply') }),
    );
  });

  test('when the number is too short, then the error says what a number looks like', async () => {
    const answer = await refused(d.neema, 'R 4821 hello');

    expect(answer?.body).toBe(
      text('sms.cmd.err.badNumber', 'en', { input: '4821', usage: en('sms.usage.reply') }),
    );
  });

  test('when the number is well formed but unknown, then the error says it was not found', async () => {
    const unknown = `1234567${dammCheckDigit('1234567')}`;
    const answer = await refused(d.neema, `R ${unknown} hello`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.notFound', 'en', { number: formatComplaintNumber(unknown) }),
    );
  });
});

describe('N / NOTE / KUMBUKA', () => {
  test('when the owner adds a note, then it is in the history and the citizen is sent nothing', async () => {
    const sent = await command(d.neema, `N ${spaced(mine)} called the water engineer`);

    expect(sent).toEqual([
      expect.objectContaining({
        toPhone: d.neema.phone,
        body: text('sms.cmd.noted', 'en', { number: spaced(mine) }),
      }),
    ]);
    expect(eventsOf(s.t, mine.id).at(-1)).toMatchObject({
      type: 'note',
      note: 'called the water engineer',
    });
  });

  test('when a Kiswahili-speaking officer uses KUMBUKA on their own complaint, then it is added', async () => {
    const sent = await command(d.juma, `KUMBUKA ${jumas.number} pampu imeharibika`);

    expect(sent.map((m) => m.body)).toEqual([
      text('sms.cmd.noted', 'sw', { number: spaced(jumas) }),
    ]);
  });

  test("when an officer notes on another officer's complaint, then it is refused", async () => {
    const answer = await refused(d.juma, `KUMBUKA ${mine.number} hmm`);

    expect(answer?.template).toBe('sms.cmd.err.otherOfficer');
  });

  test('when the note is empty, then nothing is added', async () => {
    const answer = await refused(d.neema, `NOTE ${mine.number}`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.missingText', 'en', { usage: en('sms.usage.note') }),
    );
  });
});

describe('DONE / RESOLVE / IMETATULIWA', () => {
  test('when the owner resolves, then the complaint is resolved and the citizen is asked to rate it', async () => {
    const sent = await command(d.neema, `DONE ${spaced(mine)} pipe repaired`);

    expect(complaintById(s.t, mine.id)).toMatchObject({
      status: 'resolved',
      resolvedAt: s.t.clock.now(),
    });
    expect(sent).toEqual([
      expect.objectContaining({
        toPhone: CITIZEN,
        template: 'sms.resolved',
        body: text('sms.resolved', 'en', { number: spaced(mine), note: 'pipe repaired' }),
      }),
      expect.objectContaining({
        toPhone: d.neema.phone,
        body: text('sms.cmd.resolved', 'en', { number: spaced(mine) }),
      }),
    ]);
    expect(sent[0]?.body).toMatch(/1 \(very poor\) to 5/);
  });

  describe('with QUIET_HOURS 21:00-07:00', () => {
    beforeEach(() => {
      s.close();
      s = openSms({ quietHours: { start: 21 * 60, end: 7 * 60 } });
      d = staffDesk(s);
      mine = s.file({ council: 'DAR-KIM', phone: CITIZEN, language: 'en' });
    });

    test('when the owner resolves at 22:11, then the answer says the citizen will be asked to rate at 07:00', async () => {
      s.t.clock.set(Date.parse('2026-03-12T22:11:00+03:00'));

      const sent = await command(d.neema, `DONE ${spaced(mine)} pipe repaired`);

      expect(sent.map((m) => [m.toPhone, m.template, m.body])).toEqual([
        [CITIZEN, 'sms.resolved', expect.stringContaining('pipe repaired')],
        [
          d.neema.phone,
          'sms.cmd.resolvedQuiet',
          text('sms.cmd.resolvedQuiet', 'en', { number: spaced(mine), time: '07:00' }),
        ],
      ]);
      expect(sent[1]?.body).toContain(
        'will be told and asked to rate the service from 1 to 5 at 07:00',
      );
    });

    test('when the owner resolves in the afternoon, then the answer says the citizen has been asked', async () => {
      s.t.clock.set(Date.parse('2026-03-12T15:00:00+03:00'));

      const sent = await command(d.neema, `DONE ${spaced(mine)} pipe repaired`);

      expect(sent[1]?.body).toBe(text('sms.cmd.resolved', 'en', { number: spaced(mine) }));
    });
  });

  test('when a complaint is already resolved, then resolving it again is refused with its status', async () => {
    await command(d.juma, `IMETATULIWA ${jumas.number} bomba limetengenezwa`);
    const answer = await refused(d.juma, `IMETATULIWA ${jumas.number} tena`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.state', 'sw', { number: spaced(jumas), status: sw('status.resolved') }),
    );
  });

  test('when the resolution note is missing, then nothing is resolved', async () => {
    const answer = await refused(d.neema, `resolve ${mine.number}`);

    expect(answer?.template).toBe('sms.cmd.err.missingText');
  });
});

describe('TAKE / CHUKUA', () => {
  test('when an officer takes an unassigned complaint of a council they cover, then it is theirs and the citizen is told', async () => {
    const sent = await command(d.juma, `TAKE ${spaced(unassigned)}`);

    expect(complaintById(s.t, unassigned.id)).toMatchObject({
      assigneeId: d.juma.id,
      status: 'assigned',
      level: 'council',
    });
    expect(sent.map((m) => [m.toPhone, m.template])).toEqual([
      ['+255689000009', 'sms.assigned'],
      [d.juma.phone, 'sms.cmd.taken'],
    ]);
    expect(eventsOf(s.t, unassigned.id).at(-1)).toMatchObject({
      type: 'taken',
      staffId: d.juma.id,
      assigneeId: d.juma.id,
      source: 'sms',
    });
  });

  test('when an officer takes an unassigned complaint of a council they do not cover, then it is refused', async () => {
    const answer = await refused(d.neema, `TAKE ${spaced(unassigned)}`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.otherCouncil', 'en', { number: spaced(unassigned) }),
    );
  });

  test("when a supervisor takes an officer's complaint, then it is theirs", async () => {
    await command(d.darSup, `CHUKUA ${mine.number}`);

    expect(complaintById(s.t, mine.id).assigneeId).toBe(d.darSup.id);
  });

  test("when an officer takes another officer's complaint, then it is refused", async () => {
    const answer = await refused(d.juma, `CHUKUA ${mine.number}`);

    expect(answer?.body).toBe(text('sms.cmd.err.otherOfficer', 'sw', { number: spaced(mine) }));
  });
});

describe('ASSIGN / PANGA', () => {
  test('when a supervisor assigns to an officer, then the officer has it and is told, and the supervisor gets a confirmation', async () => {
    const sent = await command(d.darSup, `ASSIGN ${spaced(mine)} 0711 000 002`);

    expect(complaintById(s.t, mine.id).assigneeId).toBe(d.juma.id);
    expect(sent.map((m) => [m.toPhone, m.template])).toEqual([
      [d.juma.phone, 'sms.staff.assigned'],
      [d.darSup.phone, 'sms.cmd.assigned'],
    ]);
    expect(sent[1]?.body).toBe(
      text('sms.cmd.assigned', 'en', { number: spaced(mine), name: 'Juma Said' }),
    );
  });

  test('when an officer tries to assign, then it is refused: only supervisors assign', async () => {
    const answer = await refused(d.neema, `ASSIGN ${mine.number} ${d.juma.phone}`);

    expect(answer?.body).toBe(text('sms.cmd.err.notSupervisor', 'en'));
  });

  test('when the supervisor of another region assigns, then it is refused', async () => {
    const answer = await refused(d.aruSup, `PANGA ${mine.number} ${d.juma.phone}`);

    expect(answer?.template).toBe('sms.cmd.err.otherRegion');
  });

  test('when the new owner works in another region, then it is refused with their name', async () => {
    const answer = await refused(d.darSup, `ASSIGN ${mine.number} ${d.aruOfficer.phone}`);

    expect(answer?.body).toBe(
      text('sms.cmd.err.staffOtherRegion', 'en', { name: 'Baraka Laizer' }),
    );
  });

  test('when the phone is nobody on the staff, then it is refused and says so', async () => {
    const answer = await refused(d.darSup, `ASSIGN ${mine.number} 0754 321 987`);

    expect(answer?.body).toBe(text('sms.cmd.err.noStaff', 'en', { phone: '+255754321987' }));
  });

  test('when the phone is missing or not a phone, then the error shows how', async () => {
    expect((await refused(d.darSup, `ASSIGN ${mine.number}`))?.template).toBe(
      'sms.cmd.err.missingPhone',
    );
    expect((await refused(d.darSup, `ASSIGN ${mine.number} Juma`))?.body).toBe(
      text('sms.cmd.err.badPhone', 'en', { input: 'Juma', usage: en('sms.usage.assign') }),
    );
  });
});

describe('LIST / ORODHA', () => {
  test('when an officer holds many open complaints, then LIST is ONE SMS, oldest first, with "+N more"', async () => {
    const more: ComplaintRow[] = [];
    for (let i = 0; i < 10; i++) {
      s.t.clock.advance(HOUR);
      more.push(
        s.file({ council: 'DAR-KIM', phone: `+25568910000${i}`, category: 'council_services' }),
      );
    }
    const sent = await command(d.neema, 'LIST');
    const body = sent[0]?.body ?? '';
    const lines = body.split('\n');

    expect(sent).toHaveLength(1);
    expect(body.length).toBeLessThanOrEqual(160);
    expect(lines[0]).toBe(en('sms.cmd.listTitle', { count: 12 }));
    const shown = lines.slice(1, -1).map((l) => l.slice(0, 9));
    expect(shown).toEqual([mine, anonymous, ...more].slice(0, shown.length).map(spaced));
    expect(lines.at(-1)).toBe(en('sms.cmd.listMore', { count: 12 - shown.length }));
  });

  test('when a complaint is resolved, then it is no longer listed', async () => {
    await command(d.juma, `IMETATULIWA ${jumas.number} imekamilika`);
    const sent = await command(d.juma, 'orodha');

    expect(sent.map((m) => m.body)).toEqual([sw('sms.cmd.listEmpty')]);
  });
});

describe('SHOW / ONYESHA', () => {
  test('when the owner shows a complaint, then the SMS has status, category, council, date, citizen phone and description', async () => {
    const sent = await command(d.neema, `SHOW ${spaced(mine)}`);

    expect(sent.map((m) => m.body)).toEqual([
      `Kero ${spaced(mine)}: Assigned. Water, Kinondoni MC, 12/03/2026. Citizen: ${CITIZEN}. "Maji hayatoki kijijini tangu wiki iliyopita."`,
    ]);
  });

  test('when headquarters has renamed its category, then SHOW prints the new name (issue 20)', async () => {
    const renamed = updateCategory(
      { db: s.t.db, now: s.t.clock.now(), reference: s.t.deps.reference, actorStaffId: null },
      'water',
      {
        nameSw: 'Maji safi',
        nameEn: 'Clean water',
        firstResponseDays: '',
        resolutionDays: '',
        public: true,
      },
    );
    expect(renamed.ok).toBe(true);

    const sent = await command(d.neema, `SHOW ${spaced(mine)}`);

    expect(sent[0]?.body).toContain(': Assigned. Clean water, Kinondoni MC,');
  });

  test("when the complaint was filed anonymously, then the staff never see the citizen's number", async () => {
    const sent = await command(d.darSup, `SHOW ${anonymous.number}`);

    expect(sent[0]?.body).toContain(`Citizen: ${en('sms.cmd.anonymous')}.`);
    expect(sent[0]?.body).toContain('Kinondoni MC, Mtaa wa Mwinyijuma');
    expect(sent[0]?.body).not.toContain('+255689000007');
    expect(sent[0]?.body).not.toContain('689000007');
  });

  test('when the description is long, then SHOW stays within 2 SMS parts', async () => {
    s.t.clock.advance(HOUR);
    const long = s.file({
      council: 'DAR-KIM',
      phone: CITIZEN,
      description: 'Maji hayatoki. '.repeat(40),
    });
    const sent = await command(d.neema, `ONYESHA ${long.number}`);

    expect(sent[0]?.body.length).toBeLessThanOrEqual(306);
    expect(sent[0]?.body).toMatch(/\.\."$/);
  });

  test('when an officer of another region asks, then it is refused', async () => {
    const answer = await refused(d.aruOfficer, `ONYESHA ${mine.number}`);

    expect(answer?.template).toBe('sms.cmd.err.otherRegion');
  });

  test('when headquarters asks about any region, then it is shown', async () => {
    const sent = await command(d.hq, `SHOW ${dodoma.number}`);

    expect(sent[0]?.template).toBe('sms.cmd.show');
  });
});

describe('HELP, unknown commands and staff who left', () => {
  test.each([
    ['HELP', 'en'],
    ['MSAADA', 'sw'],
  ] as const)(
    'when %s is sent, then the command list comes in the staff language',
    async (word, lang) => {
      const who = lang === 'en' ? d.neema : d.juma;
      const sent = await command(who, word);

      expect(sent.map((m) => m.body)).toEqual([text('sms.cmd.help', lang)]);
    },
  );

  test('when the word is not a command, then the answer names it and lists the commands', async () => {
    const answer = await refused(d.juma, 'Habari za asubuhi');

    expect(answer?.body).toBe(text('sms.cmd.unknown', 'sw', { word: 'Habari' }));
    expect(answer?.body).toContain(
      'JIBU, KUMBUKA, IMETATULIWA, CHUKUA, PANGA, ORODHA, ONYESHA, MSAADA',
    );
  });

  test('when the SMS is empty, then the help comes back', async () => {
    const answer = await refused(d.neema, '');

    expect(answer?.body).toBe(text('sms.cmd.help', 'en'));
  });

  test('when a deactivated staff member sends a command, then nothing happens and they are told why', async () => {
    deactivateStaff(
      s.t.db,
      { now: s.t.clock.now(), reference: s.t.deps.reference, source: 'cli' },
      d.juma.phone,
    );
    const answer = await refused(d.juma, `JIBU ${jumas.number} habari`);

    expect(answer?.body).toBe(text('sms.cmd.err.inactive', 'sw'));
  });
});
