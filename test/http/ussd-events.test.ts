/**
 * POST /ussd/events: Africa's Talking's end-of-session notice, kept as a row per session.
 */
import { ussdSessionEnds } from '../../db/schema';
import { makeTestApp, T0, type TestApp } from '../helpers/app';
import { eventsPath, formBody, postForm } from '../helpers/at-ussd';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

/** A notice with every field AT sends, in AT's order. */
function notice(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    date: '2026-03-12 09:01:05.123',
    sessionId: 'ATUid_5d3b8c0e2b1e',
    serviceCode: '*384*1234#',
    networkCode: '64004',
    phoneNumber: '+255712345678',
    status: 'Success',
    cost: 'TZS 0.0000',
    durationInMillis: '21004',
    hopsCount: '3',
    hopsMetadata: '[{"hop":1,"durationInMillis":5200},{"hop":2,"durationInMillis":7100}]',
    input: '1*2*64861526',
    lastAppResponse: 'END Asante kwa kutumia huduma hii.',
    errorMessage: '',
    ...overrides,
  };
}

const rows = () => t.db.select().from(ussdSessionEnds).all();

describe('POST /ussd/events', () => {
  test('when AT posts a notice as a form body, then the exact wire form is understood', async () => {
    const body =
      'date=2026-03-12+09%3A01%3A05.123&sessionId=ATUid_5d3b8c0e2b1e&serviceCode=*384*1234%23' +
      '&networkCode=64004&phoneNumber=%2B255712345678&status=Success&cost=TZS+0.0000' +
      '&durationInMillis=21004&hopsCount=3&input=1*2&lastAppResponse=END+Asante&errorMessage=';

    const res = await postForm(t.app, eventsPath(), body);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(rows()).toEqual([
      expect.objectContaining({
        sessionId: 'ATUid_5d3b8c0e2b1e',
        phone: '+255712345678',
        serviceCode: '*384*1234#',
        date: '2026-03-12 09:01:05.123',
        cost: 'TZS 0.0000',
        input: '1*2',
        lastAppResponse: 'END Asante',
      }),
    ]);
  });

  test.each(['Success', 'Incomplete', 'Failed'])(
    'when AT reports status %s with every field, then one row holds those values',
    async (status) => {
      const fields = notice({
        status,
        errorMessage: status === 'Failed' ? 'Application error: 500' : '',
      });

      const res = await postForm(t.app, eventsPath(), formBody(fields));

      expect(res.status).toBe(200);
      expect(rows()).toEqual([
        {
          id: 1,
          sessionId: 'ATUid_5d3b8c0e2b1e',
          phone: '+255712345678',
          serviceCode: '*384*1234#',
          networkCode: '64004',
          status,
          date: '2026-03-12 09:01:05.123',
          cost: 'TZS 0.0000',
          durationMs: 21004,
          hopsCount: 3,
          hopsMetadata: fields.hopsMetadata,
          input: '1*2*64861526',
          lastAppResponse: 'END Asante kwa kutumia huduma hii.',
          errorMessage: status === 'Failed' ? 'Application error: 500' : '',
          receivedAt: T0,
        },
      ]);
    },
  );

  test('when AT repeats the notice, then it is 200 again and there is still one row, the first', async () => {
    const first = await postForm(t.app, eventsPath(), formBody(notice()));
    t.clock.advance(60_000);
    const again = await postForm(t.app, eventsPath(), formBody(notice({ status: 'Failed' })));

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(rows()).toEqual([expect.objectContaining({ status: 'Success', receivedAt: T0 })]);
  });

  test('when only the required fields come, then the others are stored as null', async () => {
    const res = await postForm(
      t.app,
      eventsPath(),
      'sessionId=ATUid_1&phoneNumber=%2B255712345678&status=Incomplete',
    );

    expect(res.status).toBe(200);
    expect(rows()).toEqual([
      expect.objectContaining({
        sessionId: 'ATUid_1',
        serviceCode: '',
        networkCode: '',
        status: 'Incomplete',
        date: null,
        cost: null,
        durationMs: null,
        hopsCount: null,
        hopsMetadata: null,
        input: null,
        lastAppResponse: null,
        errorMessage: null,
      }),
    ]);
  });

  test('when AT leaves the numbers empty, then they are unknown (null), not zero', async () => {
    const res = await postForm(
      t.app,
      eventsPath(),
      formBody(notice({ durationInMillis: '', hopsCount: ' ' })),
    );

    expect(res.status).toBe(200);
    expect(rows()).toEqual([expect.objectContaining({ durationMs: null, hopsCount: null })]);
  });

  test('when numbers are not numbers, then the notice is still kept with those left null', async () => {
    const res = await postForm(
      t.app,
      eventsPath(),
      formBody(notice({ durationInMillis: 'n/a', hopsCount: '-1' })),
    );

    expect(res.status).toBe(200);
    expect(rows()).toEqual([expect.objectContaining({ durationMs: null, hopsCount: null })]);
  });

  test.each([
    ['no sessionId', { sessionId: '' }],
    ['no phoneNumber', { phoneNumber: '' }],
    ['no status', { status: '' }],
  ])('when the notice has %s, then it is 400 and nothing is recorded', async (_name, missing) => {
    const fields = Object.fromEntries(Object.entries(notice()).filter(([k]) => !(k in missing)));

    const res = await postForm(t.app, eventsPath(), formBody(fields));

    expect(res.status).toBe(400);
    expect(rows()).toEqual([]);
  });
});
