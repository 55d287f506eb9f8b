/**
 * POST /sms/delivery: AT delivery reports, repeated and out of order, through the whole app.
 */
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { smsOutbox } from '../../db/schema';
import { deliveryRank } from '../../src/sms/delivery';
import { formBody } from '../helpers/at-ussd';
import { makeTestApp, T0, TEST_TOKEN, type TestApp } from '../helpers/app';
import { allRows, outboxRow, phoneOf, queueMessages } from './support';

const MESSAGE_ID = 'ATXid_7d3c0f1b2a';
describe('POST /sms/delivery', () => {
  let t: TestApp;
  let id: number;

  beforeEach(() => {
    t = makeTestApp();
    [id] = queueMessages(t.db, 1, T0) as [number];
    t.db
      .update(smsOutbox)
      .set({ status: 'sent', messageId: MESSAGE_ID, cost: 'TZS 22.0000', sentAt: T0 })
      .where(eq(smsOutbox.id, id))
      .run();
  });
  afterEach(() => t.close());

  const report = (fields: Record<string, string>, token: string | null = TEST_TOKEN) =>
    request(t.app)
      .post(token === null ? '/sms/delivery' : `/sms/delivery?token=${encodeURIComponent(token)}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(formBody(fields));

  const fields = (status: string, extra: Record<string, string> = {}) => ({
    id: MESSAGE_ID,
    status,
    phoneNumber: phoneOf(0),
    networkCode: '64004',
    retryCount: '0',
    ...extra,
  });

  const delivery = () => {
    const row = outboxRow(t.db, id);
    return {
      deliveryStatus: row.deliveryStatus,
      deliveryFailureReason: row.deliveryFailureReason,
      deliveredAt: row.deliveredAt,
    };
  };

  test('when AT reports Success, then the row is delivered at the report time', async () => {
    t.clock.set(T0 + 7_000);
    const res = await report(fields('Success'));

    expect(res.status).toBe(200);
    expect(res.text).toBe('OK');
    expect(delivery()).toEqual({
      deliveryStatus: 'Success',
      deliveryFailureReason: null,
      deliveredAt: T0 + 7_000,
    });
    expect(outboxRow(t.db, id).status).toBe('sent');
  });

  test('when reports arrive out of order, then the status only moves forward', async () => {
    await report(fields('Submitted'));
    expect(delivery().deliveryStatus).toBe('Submitted');
    await report(fields('Sent'));
    expect(delivery().deliveryStatus).toBe('Submitted');
    await report(fields('Buffered'));
    expect(delivery().deliveryStatus).toBe('Buffered');
    t.clock.set(T0 + 60_000);
    await report(fields('Success'));
    const late = await report(fields('Sent'));

    expect(late.status).toBe(200);
    expect(delivery()).toEqual({
      deliveryStatus: 'Success',
      deliveryFailureReason: null,
      deliveredAt: T0 + 60_000,
    });
  });

  test('when a final report is followed by another final, then the first one stays', async () => {
    await report(fields('Failed', { failureReason: 'UserIsInactive' }));
    t.clock.advance(1_000);
    await report(fields('Success'));
    await report(fields('Sent'));

    expect(delivery()).toEqual({
      deliveryStatus: 'Failed',
      deliveryFailureReason: 'UserIsInactive',
      deliveredAt: null,
    });
  });

  test('when the same Success report repeats, then nothing changes the second time', async () => {
    t.clock.set(T0 + 5_000);
    await report(fields('Success'));
    t.clock.set(T0 + 9_000);
    const again = await report(fields('Success'));

    expect(again.status).toBe(200);
    expect(delivery().deliveredAt).toBe(T0 + 5_000);
  });

  test('when the message id is not one we issued, then the answer is 200 and nothing changes', async () => {
    const before = allRows(t.db);
    const res = await report(fields('Success', { id: 'ATXid_not_ours' }));

    expect(res.status).toBe(200);
    expect(allRows(t.db)).toEqual(before);
  });

  test.each([
    ['an unknown status', fields('Teleported')],
    ['another phone number', fields('Success', { phoneNumber: '+255754000111' })],
  ])('when a report has %s, then the answer is 200 and nothing changes', async (_n, body) => {
    const res = await report(body);
    expect(res.status).toBe(200);
    expect(delivery().deliveryStatus).toBeNull();
  });

  test.each([
    ['no id', { status: 'Success' }],
    ['no status', { id: MESSAGE_ID }],
    ['an oversized id', { id: 'x'.repeat(129), status: 'Success' }],
    ['an oversized status', { id: MESSAGE_ID, status: 'S'.repeat(33) }],
  ])('when the body has %s, then the answer is 400 and nothing changes', async (_n, body) => {
    const res = await report(body);
    expect(res.status).toBe(400);
    expect(delivery().deliveryStatus).toBeNull();
  });

  test.each([
    ['no token', null],
    ['a wrong token', 'wrong-token-0123456789'],
  ])('when the request has %s, then the answer is 401 and nothing changes', async (_n, token) => {
    const res = await report(fields('Success'), token);
    expect(res.status).toBe(401);
    expect(delivery().deliveryStatus).toBeNull();
  });
});

test.each([
  [null, 0],
  ['Sent', 1],
  ['Submitted', 2],
  ['Buffered', 3],
  ['Success', 4],
  ['Failed', 4],
  ['Rejected', 4],
  ['AbsentSubscriber', 4],
  ['Expired', 4],
  ['constructor', 0],
  ['success', 0],
])('when the delivery status is %p, then its rank is %p', (status, rank) => {
  expect(deliveryRank(status)).toBe(rank);
});
