/**
 * Who may call the webhooks: AT signs nothing, so each callback URL carries `?token=`; a request
 * without the right one is refused with 401 and leaves no trace. The service code must be ours.
 */
import { citizens, ussdSessionEnds, ussdSessions } from '../../db/schema';
import { makeTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { atPhone, eventsPath, postForm, ussdPath } from '../helpers/at-ussd';
import { sw } from '../helpers/ussd-paths';

const FIRST_HOP =
  'sessionId=ATUid_0a1b2c3d4e5f&serviceCode=*384*1234%23&phoneNumber=%2B255712345678' +
  '&networkCode=64004&text=';
const SESSION_END =
  'date=2026-03-12+09%3A01%3A05.123&sessionId=ATUid_0a1b2c3d4e5f&serviceCode=*384*1234%23' +
  '&networkCode=64004&phoneNumber=%2B255712345678&status=Success&cost=TZS+0.0000' +
  '&durationInMillis=21004&hopsCount=3&input=1*2&lastAppResponse=END+Asante';

let t: TestApp;
afterEach(() => t.close());

const wrongTokens: [string, string | null][] = [
  ['missing', null],
  ['empty', ''],
  ['wrong', 'not-the-token'],
  ['one character longer', `${TEST_TOKEN}x`],
  ['one character shorter', TEST_TOKEN.slice(0, -1)],
  ['in another case', TEST_TOKEN.toUpperCase()],
];

describe('the token rule', () => {
  beforeEach(() => {
    t = makeTestApp();
  });

  test.each(wrongTokens)(
    'when POST /ussd comes with the token %s, then it is 401 and nothing is recorded',
    async (_name, token) => {
      const res = await postForm(t.app, ussdPath(token), FIRST_HOP);

      expect(res.status).toBe(401);
      expect(res.text).not.toMatch(/^(CON|END) /);
      expect(t.db.select().from(ussdSessions).all()).toEqual([]);
      expect(t.db.select().from(citizens).all()).toEqual([]);
    },
  );

  test.each(wrongTokens)(
    'when POST /ussd/events comes with the token %s, then it is 401 and nothing is recorded',
    async (_name, token) => {
      const res = await postForm(t.app, eventsPath(token), SESSION_END);

      expect(res.status).toBe(401);
      expect(t.db.select().from(ussdSessionEnds).all()).toEqual([]);
    },
  );

  test('when the token is sent twice in the query, then it is 401 and nothing is recorded', async () => {
    const res = await postForm(t.app, `/ussd?token=${TEST_TOKEN}&token=${TEST_TOKEN}`, FIRST_HOP);

    expect(res.status).toBe(401);
    expect(t.db.select().from(ussdSessions).all()).toEqual([]);
  });

  test('when the token comes as a form field instead of in the URL, then it is 401', async () => {
    const res = await postForm(t.app, ussdPath(null), `${FIRST_HOP}&token=${TEST_TOKEN}`);

    expect(res.status).toBe(401);
    expect(t.db.select().from(ussdSessions).all()).toEqual([]);
  });

  test('when the token is right, then both webhooks answer 200', async () => {
    const ussd = await postForm(t.app, ussdPath(), FIRST_HOP);
    const events = await postForm(t.app, eventsPath(), SESSION_END);

    expect([ussd.status, events.status]).toEqual([200, 200]);
    expect(t.db.select().from(ussdSessions).all()).toHaveLength(1);
    expect(t.db.select().from(ussdSessionEnds).all()).toHaveLength(1);
  });
});

describe('the service code', () => {
  test('when the service code is not one this server serves, then an END screen answers and nothing is recorded', async () => {
    t = makeTestApp({ serviceCodes: ['*384*1234#'] });
    const s = atPhone(t.app, { phone: '+255712345678', serviceCode: '*150*00#' }).dial();

    expect(await s.send('')).toBe(`END ${sw('common.error')}`);
    expect(await s.send('1')).toBe(`END ${sw('common.error')}`);

    expect(t.db.select().from(ussdSessions).all()).toEqual([]);
    expect(t.db.select().from(citizens).all()).toEqual([]);
  });

  test('when one of several configured service codes is dialled, then the session starts', async () => {
    t = makeTestApp({ serviceCodes: ['*384*1234#', '*152*00#'] });
    const s = atPhone(t.app, { phone: '+255712345678', serviceCode: '*152*00#' }).dial();

    expect(await s.send('')).toMatch(/^CON Karibu/);
    expect(t.db.select().from(ussdSessions).all()).toEqual([
      expect.objectContaining({ sessionId: s.sessionId, serviceCode: '*152*00#' }),
    ]);
  });

  test('when the list of service codes is empty, then any service code is served', async () => {
    t = makeTestApp({ serviceCodes: [] });
    const s = atPhone(t.app, { phone: '+255712345678', serviceCode: '*150*00#' }).dial();

    expect(await s.send('')).toMatch(/^CON Karibu/);
    expect(await s.reply('1')).toMatch(/^CON Chagua huduma:\n/);
    expect(t.db.select().from(ussdSessions).all()).toEqual([
      expect.objectContaining({ sessionId: s.sessionId, serviceCode: '*150*00#', hops: 2 }),
    ]);
  });
});
