/**
 * POST /sms/inbound as Africa's Talking calls it: the token rule, repeats of the same AT id, the
 * shortcode check, malformed bodies, the hourly limit per phone, and messages whose handling
 * fails (500 so that AT retries, but never for AT's whole 12 hours).
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { MAX_HANDLING_ATTEMPTS } from '../../src/sms/inbound';
import { MAX_INBOUND_TEXT } from '../../src/http/routes/sms-inbound';
import { upsertCitizen } from '../../src/complaints/repository';
import { TEST_TOKEN } from '../helpers/app';
import { formBody, postForm } from '../helpers/at-ussd';
import { en, sw } from '../helpers/ussd-paths';
import {
  CITIZEN,
  inboundPath,
  inboundRows,
  lastOutboxId,
  openSms,
  outboxAfter,
  complaintById,
  snapshot,
  staffDesk,
  STRANGER,
  type Sms,
} from './world';

let s: Sms;
afterEach(() => s.close());

const unknownHelp = (lang: 'sw' | 'en', code = '*384*1234#') =>
  (lang === 'sw' ? sw : en)('sms.unknown', { code });

describe('the token rule', () => {
  test.each([
    ['missing', null],
    ['empty', ''],
    ['wrong', 'not-the-token'],
    ['one character longer', `${TEST_TOKEN}x`],
  ])('when the token is %s, then it is 401 and nothing is recorded', async (_name, token) => {
    s = openSms();
    const res = await s.send(STRANGER, 'Habari', { token });

    expect(res.status).toBe(401);
    expect(inboundRows(s.t)).toEqual([]);
    expect(lastOutboxId(s.t)).toBe(0);
  });
});

describe('answers and records', () => {
  test('when a message arrives, then the answer is 200 with an empty plain body and the message is recorded', async () => {
    s = openSms();
    const res = await s.send(STRANGER, 'Habari', { id: 'ATXid_a1b2c3' });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('');
    expect(inboundRows(s.t)).toEqual([
      {
        id: 1,
        atId: 'ATXid_a1b2c3',
        fromPhone: STRANGER,
        toCode: '15055',
        text: 'Habari',
        linkId: 'SampleLinkId1',
        networkCode: '64004',
        date: '2026-03-12 09:01:05',
        handledAs: 'help',
        complaintId: null,
        receivedAt: s.t.clock.now(),
        handledAt: s.t.clock.now(),
      },
    ]);
  });

  test('when AT posts the same id again, then it is 200 and nothing changes', async () => {
    s = openSms();
    staffDesk(s);
    await s.send(STRANGER, 'Habari', { id: 'ATXid_repeat' });
    const before = { ...snapshot(s.t), inbound: inboundRows(s.t) };

    s.t.clock.advance(60_000);
    const again = await s.send(STRANGER, 'Habari', { id: 'ATXid_repeat' });

    expect(again.status).toBe(200);
    expect({ ...snapshot(s.t), inbound: inboundRows(s.t) }).toEqual(before);
  });

  test('when the phone comes as 0..., then it is stored as +255...', async () => {
    s = openSms();
    await s.send('0754999888', 'Habari');

    expect(inboundRows(s.t)[0]?.fromPhone).toBe(STRANGER);
  });

  test('when the text is longer than any real SMS, then it is cut and stored, not refused', async () => {
    s = openSms();
    const res = await s.send(STRANGER, 'x'.repeat(MAX_INBOUND_TEXT + 500));

    expect(res.status).toBe(200);
    expect(inboundRows(s.t)[0]?.text).toHaveLength(MAX_INBOUND_TEXT);
  });

  test.each([
    ['no id', { from: STRANGER, to: '15055', text: 'x' }],
    ['a sender that is not a phone', { from: 'VODACOM', to: '15055', text: 'x', id: 'a' }],
    ['no shortcode', { from: STRANGER, text: 'x', id: 'a' }],
    ['an id longer than 128', { from: STRANGER, to: '15055', text: 'x', id: 'a'.repeat(129) }],
  ])('when the body has %s, then it is 400 and nothing is recorded', async (_name, fields) => {
    s = openSms();
    const res = await postForm(s.t.app, inboundPath(), formBody(fields));

    expect(res.status).toBe(400);
    expect(inboundRows(s.t)).toEqual([]);
  });
});

describe('shortcodes', () => {
  test('when SMS_SHORTCODES is set and the message is to another shortcode, then it is 200, ignored and not recorded', async () => {
    s = openSms({ smsShortcodes: ['15055'] });
    const res = await s.send(STRANGER, 'Habari', { to: '15999' });

    expect(res.status).toBe(200);
    expect(inboundRows(s.t)).toEqual([]);
    expect(lastOutboxId(s.t)).toBe(0);
  });

  test('when SMS_SHORTCODES is set and the message is to one of them, then it is handled', async () => {
    s = openSms({ smsShortcodes: ['15999', '15055'] });
    await s.send(STRANGER, 'Habari', { to: '15055' });

    expect(inboundRows(s.t)).toEqual([expect.objectContaining({ handledAs: 'help' })]);
  });
});

describe('a phone the desk does not know', () => {
  test('when it sends anything, then it gets the USSD help in Kiswahili with the first service code', async () => {
    s = openSms({ serviceCodes: ['*152*00#', '*384*1234#'] });
    await s.send(STRANGER, 'Nataka kutoa malalamiko');

    expect(outboxAfter(s.t, 0)).toEqual([
      expect.objectContaining({
        toPhone: STRANGER,
        template: 'sms.unknown',
        body: unknownHelp('sw', '*152*00#'),
      }),
    ]);
  });

  test('when no service code is configured, then the help says "the USSD code" in words', async () => {
    s = openSms({ serviceCodes: [] });
    await s.send(STRANGER, 'Habari');

    expect(outboxAfter(s.t, 0)[0]?.body).toBe(unknownHelp('sw', sw('sms.ussdCode')));
  });

  test('when the phone chose English on USSD but never filed, then the help is in English', async () => {
    s = openSms();
    upsertCitizen(s.t.db, STRANGER, 'en', s.t.clock.now());
    await s.send(STRANGER, 'Hello');

    expect(outboxAfter(s.t, 0)[0]?.body).toBe(unknownHelp('en'));
  });
});

describe('the hourly limit per phone', () => {
  const LIMIT = 3;

  test('when a phone sends more than the limit, then the extra messages are stored, never answered, and exactly one notice goes out', async () => {
    s = openSms({ smsInboundLimitPerHour: LIMIT });
    for (let i = 0; i < LIMIT + 3; i++) {
      await s.send(STRANGER, `ujumbe ${i}`);
      s.t.clock.advance(60_000);
    }

    expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual([
      'help',
      'help',
      'help',
      'rate_limited',
      'rate_limited',
      'rate_limited',
    ]);
    expect(outboxAfter(s.t, 0).map((m) => m.template)).toEqual([
      'sms.unknown',
      'sms.unknown',
      'sms.unknown',
      'sms.rateLimited',
    ]);
    expect(outboxAfter(s.t, 0)[3]?.body).toBe(sw('sms.rateLimited'));
  });

  test("when a staff member sends more messages than the citizens' limit, then every command is carried out", async () => {
    s = openSms({ smsInboundLimitPerHour: 1 });
    const d = staffDesk(s);
    const c = s.file({ council: 'DAR-KIM', phone: CITIZEN });
    await s.send(d.neema.phone, 'HELP');
    const from = lastOutboxId(s.t);

    await s.send(d.neema.phone, `R ${c.number} Tunashughulikia`);
    await s.send(d.neema.phone, `DONE ${c.number} Maji yamerudi`);

    expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual([
      'staff_command',
      'staff_command',
      'staff_command',
    ]);
    expect(complaintById(s.t, c.id).status).toBe('resolved');
    expect(outboxAfter(s.t, from).map((m) => [m.toPhone, m.template])).toEqual([
      [CITIZEN, 'sms.reply'],
      [d.neema.phone, 'sms.cmd.replied'],
      [CITIZEN, 'sms.resolved'],
      [d.neema.phone, 'sms.cmd.resolved'],
    ]);
  });
  test('when an hour has passed, then the phone is answered again', async () => {
    s = openSms({ smsInboundLimitPerHour: 1 });
    await s.send(STRANGER, 'moja');
    await s.send(STRANGER, 'mbili');
    s.t.clock.advance(60 * 60_000);
    await s.send(STRANGER, 'tatu');

    expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual(['help', 'rate_limited', 'help']);
  });

  test('when two phones write, then each has its own limit', async () => {
    s = openSms({ smsInboundLimitPerHour: 1 });
    await s.send(STRANGER, 'moja');
    await s.send(CITIZEN, 'moja');

    expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual(['help', 'help']);
  });
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const BREAK_OUTBOX =
  "CREATE TRIGGER broken_outbox BEFORE INSERT ON sms_outbox BEGIN SELECT RAISE(ABORT, 'disk on fire'); END";

describe('when handling fails', () => {
  test('when handling throws, then the answer is 500, it is logged, and only the record of the message remains', async () => {
    const { logger, lines } = capture();
    s = openSms({ logger });
    staffDesk(s);
    const before = snapshot(s.t);
    s.t.db.$client.exec(BREAK_OUTBOX);

    const res = await s.send(STRANGER, 'Habari', { id: 'ATXid_poison' });

    expect(res.status).toBe(500);
    expect(snapshot(s.t)).toEqual(before);
    expect(inboundRows(s.t)).toEqual([
      expect.objectContaining({ atId: 'ATXid_poison', handledAs: 'pending:1' }),
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        atId: 'ATXid_poison',
        phone: '+255*****88',
        msg: expect.stringMatching(/500/) as string,
      }),
    );
    expect(JSON.stringify(lines)).not.toContain(STRANGER);
  });

  test('when a message fails every time, then AT gets 500 for a few attempts, then 200 and it is marked failed', async () => {
    s = openSms();
    s.t.db.$client.exec(BREAK_OUTBOX);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_HANDLING_ATTEMPTS + 2; i++) {
      statuses.push((await s.send(STRANGER, 'Habari', { id: 'ATXid_poison' })).status);
      s.t.clock.advance(60_000);
    }

    expect(statuses).toEqual([...Array<number>(MAX_HANDLING_ATTEMPTS).fill(500), 200, 200]);
    expect(inboundRows(s.t)).toEqual([
      expect.objectContaining({ atId: 'ATXid_poison', handledAs: 'failed' }),
    ]);
  });

  test("when the failure was passing, then AT's retry is handled once and answered", async () => {
    s = openSms();
    s.t.db.$client.exec(BREAK_OUTBOX);
    expect((await s.send(STRANGER, 'Habari', { id: 'ATXid_flaky' })).status).toBe(500);

    s.t.db.$client.exec('DROP TRIGGER broken_outbox');
    s.t.clock.advance(60_000);
    expect((await s.send(STRANGER, 'Habari', { id: 'ATXid_flaky' })).status).toBe(200);
    expect((await s.send(STRANGER, 'Habari', { id: 'ATXid_flaky' })).status).toBe(200);

    expect(inboundRows(s.t)).toEqual([expect.objectContaining({ handledAs: 'help' })]);
    expect(outboxAfter(s.t, 0)).toHaveLength(1);
  });

  test('when the database cannot even record the message, then it is 500 and AT keeps it', async () => {
    s = openSms();
    s.t.db.$client.exec('DROP TABLE sms_inbound');

    expect((await s.send(STRANGER, 'Habari')).status).toBe(500);
  });
});
