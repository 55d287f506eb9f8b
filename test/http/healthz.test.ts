/** GET /healthz: for the load balancer and the operator; no token, no USSD framing. */
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.close());

describe('GET /healthz', () => {
  test('when the database answers, then it is 200 {status: ok}', async () => {
    const res = await request(t.app).get('/healthz');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ status: 'ok', database: true });
  });

  test('when the database is closed, then it is 503', async () => {
    t.db.$client.close();

    const res = await request(t.app).get('/healthz');

    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', database: false });
  });

  test('when the reference data is gone, then it is 503', async () => {
    t.db.$client.pragma('foreign_keys = OFF');
    t.db.$client.exec('DELETE FROM councils; DELETE FROM regions');

    const res = await request(t.app).get('/healthz');

    expect(res.status).toBe(503);
  });
});
