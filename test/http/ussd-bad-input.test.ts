/**
 * POST /ussd with bodies AT should not send, or sends oddly: never a 5xx. A body that cannot be a
 * USSD request is a 400 that records nothing; a request that can is answered with a screen.
 */
import { citizens, ussdSessions } from '../../db/schema';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone, formBody, postForm, ussdPath, expectAtScreen } from '../helpers/at-ussd';
import request from 'supertest';
import { chooseLanguage, en, FILE, starting, sw, WATER } from '../helpers/ussd-paths';

const CITIZEN = '+255712345678';
const AT_FIELDS = {
  sessionId: 'ATUid_0a1b2c3d4e5f',
  serviceCode: '*384*1234#',
  phoneNumber: CITIZEN,
  networkCode: '64004',
  text: '',
};

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

const sessions = () => t.db.select().from(ussdSessions).all();

describe('POST /ussd: bodies that are not USSD requests', () => {
  test.each([
    [
      'no sessionId',
      'serviceCode=*384*1234%23&phoneNumber=%2B255712345678&networkCode=64004&text=',
    ],
    ['no phoneNumber', 'sessionId=ATUid_1&serviceCode=*384*1234%23&networkCode=64004&text='],
    ['no serviceCode', 'sessionId=ATUid_1&phoneNumber=%2B255712345678&networkCode=64004&text='],
    ['an empty sessionId', 'sessionId=&serviceCode=*384*1234%23&phoneNumber=%2B255712345678&text='],
    [
      'a phoneNumber that is no number',
      'sessionId=ATUid_1&serviceCode=*384*1234%23&phoneNumber=abc',
    ],
    ['sessionId twice', `${formBody(AT_FIELDS)}&sessionId=ATUid_2`],
    ['an empty body', ''],
  ])('when the body has %s, then it is 400 and nothing is recorded', async (_name, body) => {
    const res = await postForm(t.app, ussdPath(), body);

    expect(res.status).toBe(400);
    expect(sessions()).toEqual([]);
  });

  test('when the body is only malformed percent-encoding, then it is 400 not 500', async () => {
    const res = await postForm(t.app, ussdPath(), 'text=%E0%A4%A');

    expect(res.status).toBe(400);
    expect(sessions()).toEqual([]);
  });

  test('when a whole AT body has a malformed percent-encoded text, then it is 400 and nothing is recorded', async () => {
    const body = `${formBody({ ...AT_FIELDS, text: '' })}%E0%A4%A`;

    const res = await postForm(t.app, ussdPath(), body);

    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/Error|at /);
    expect(sessions()).toEqual([]);
  });

  test('when the body is JSON instead of a form, then it is 400 (missing fields) not 500', async () => {
    const res = await request(t.app)
      .post(ussdPath())
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(AT_FIELDS));

    expect(res.status).toBe(400);
    expect(res.text).toMatch(/sessionId/);
    expect(sessions()).toEqual([]);
  });

  test('when the body is larger than any AT request, then it is 400 not 500', async () => {
    const res = await postForm(
      t.app,
      ussdPath(),
      formBody({ ...AT_FIELDS, text: 'x'.repeat(70_000) }),
    );

    expect(res.status).toBe(400);
    expect(sessions()).toEqual([]);
  });
});

describe('POST /ussd: odd but acceptable bodies', () => {
  test('when the body carries unknown extra fields, then they are ignored and the session starts', async () => {
    const body = `${formBody(AT_FIELDS)}&channel=ussd&foo%5Bbar%5D=1&__proto__=x`;

    const screen = expectAtScreen(await postForm(t.app, ussdPath(), body));

    expect(screen).toBe(`CON ${sw('language.welcome')}\n1. Kiswahili\n2. English`);
    expect(sessions()).toEqual([
      expect.objectContaining({
        sessionId: 'ATUid_0a1b2c3d4e5f',
        phone: CITIZEN,
        serviceCode: '*384*1234#',
        networkCode: '64004',
      }),
    ]);
  });

  test.each([
    ['0712345678', CITIZEN],
    ['255712345678', CITIZEN],
    ['+255 712 345 678', CITIZEN],
  ])('when phoneNumber is %s, then the session is stored for %s', async (given, stored) => {
    expectAtScreen(
      await postForm(t.app, ussdPath(), formBody({ ...AT_FIELDS, phoneNumber: given })),
    );

    expect(sessions()).toEqual([expect.objectContaining({ phone: stored })]);
  });

  test('when "+" of the phone number is not percent-encoded (it decodes to a space), then it is still the same phone', async () => {
    const body =
      'sessionId=ATUid_1&serviceCode=*384*1234%23&phoneNumber=+255712345678&networkCode=64004&text=';

    expectAtScreen(await postForm(t.app, ussdPath(), body));

    expect(sessions()).toEqual([expect.objectContaining({ phone: CITIZEN })]);
  });

  test('when networkCode and text are missing, then it is the first hop of a session', async () => {
    const body = 'sessionId=ATUid_1&serviceCode=*384*1234%23&phoneNumber=%2B255712345678';

    const screen = expectAtScreen(await postForm(t.app, ussdPath(), body));

    expect(screen).toMatch(/^CON Karibu/);
    expect(sessions()).toEqual([expect.objectContaining({ networkCode: '', lastText: '' })]);
  });

  test('when a new session opens with a 10 KB text, then it answers 200: a direct dial to File, and no such region', async () => {
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');

    const screen = await phone.dial().send(`1*${'9'.repeat(10 * 1024)}`);

    expect(screen).toMatch(starting(`CON ${en('common.invalid')}\n1. Arusha\n`));
  });

  test('when a new session opens with thousands of replies in its text, then only the first few are taken', async () => {
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'en');

    // File, Arusha, Arusha CC, Water: the fifth reply on would be the place, and is left out.
    const screen = await phone.dial().send(`1*1*1*3*${'Olasiti*'.repeat(2000)}`);

    expect(screen).toMatch(starting(`CON ${en('file.place.prompt')}\n`));
  });

  test('when a 10 KB description is typed, then it answers 200 with the too-long message on the same screen', async () => {
    const phone = atPhone(t.app, { phone: CITIZEN });
    await chooseLanguage(phone, 'sw');
    const s = phone.dial();
    await s.send('');
    const prompt = await s.replies(FILE, '1', '1', WATER, '1');

    const screen = await s.reply('Maji '.repeat(2048));

    expect(screen).toBe(
      `CON ${sw('file.description.errorLong', { length: 10239 })}\n${prompt.slice(4)}`,
    );
    expect(t.db.select().from(citizens).all()).toHaveLength(1);
  });
});

describe('POST /ussd: form bodies the parser refuses', () => {
  test.each([
    ['a charset other than UTF-8', 'application/x-www-form-urlencoded; charset=iso-8859-1'],
    ['a charset nobody knows', 'application/x-www-form-urlencoded; charset=klingon'],
  ])('when the form declares %s, then it is 400 and nothing is recorded', async (_name, type) => {
    const res = await request(t.app)
      .post(ussdPath())
      .set('Content-Type', type)
      .send(formBody(AT_FIELDS));

    expect(res.status).toBe(400);
    expect(res.text).toMatch(/charset/);
    expect(sessions()).toEqual([]);
  });

  test('when the form declares charset=UTF-8 in capitals and quotes, then it is served', async () => {
    const res = await request(t.app)
      .post(ussdPath())
      .set('Content-Type', 'Application/X-WWW-Form-Urlencoded; Charset="UTF-8"')
      .send(formBody(AT_FIELDS));

    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^CON /);
    expect(sessions()).toHaveLength(1);
  });

  test('when the body is gzip-compressed, then it is 400 and nothing is recorded', async () => {
    const res = await request(t.app)
      .post(ussdPath())
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Content-Encoding', 'gzip')
      .send(formBody(AT_FIELDS));

    expect(res.status).toBe(400);
    expect(sessions()).toEqual([]);
  });

  test('when the body is over 64 KB, then it is 400 naming the limit and nothing is recorded', async () => {
    const res = await request(t.app)
      .post(ussdPath())
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`${formBody(AT_FIELDS)}&pad=${'x'.repeat(64 * 1024)}`);

    expect(res.status).toBe(400);
    expect(res.text).toMatch(/64 KB/);
    expect(sessions()).toEqual([]);
  });
});
