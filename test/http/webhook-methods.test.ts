/**
 * Every Africa's Talking webhook answers only POST. Any other method, OPTIONS included (which
 * Express would otherwise answer 200 by itself), is 401 without the token and 404 with it.
 */
import request from 'supertest';
import { makeTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

const paths = ['/ussd', '/ussd/events', '/sms/inbound', '/sms/delivery'];
const methods = ['options', 'get', 'put', 'delete', 'patch'] as const;
const cases = paths.flatMap((p) => methods.map((m): [string, (typeof methods)[number]] => [p, m]));

test.each(cases)('when %s gets %s without the token, then it is 401', async (path, method) => {
  const res = await request(t.app)[method](path);
  expect(res.status).toBe(401);
  expect(res.headers.allow).toBeUndefined();
});

test.each(cases)('when %s gets %s with the token, then it is 404', async (path, method) => {
  const res = await request(t.app)[method](`${path}?token=${TEST_TOKEN}`);
  expect(res.status).toBe(404);
});

test('when OPTIONS is sent with the token, then nothing is recorded', async () => {
  await request(t.app).options(`/ussd?token=${TEST_TOKEN}`);
  const rows = t.db.$client.prepare('SELECT count(*) AS n FROM ussd_sessions').get() as {
    n: number;
  };
  expect(rows.n).toBe(0);
});
