/**
 * The real `africastalking` SDK, through Kero's gateway, talking to a fake AT server on 127.0.0.1:
 * what goes on the wire, and how every answer in AT-PROTOCOL.md is classified.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAfricasTalkingGateway } from '../../src/sms/africastalking';
import type { SendOutcome } from '../../src/sms/core/outcome';
import {
  atReply,
  SMS_PATH,
  startFakeAtServer,
  type FakeAtServer,
  type FakeHandler,
  type FakeReply,
} from '../fakes/fake-at-server';
import { API_KEY, atGatewayFor, capturingLogger, silent } from './support';

const TO = '+255712345678';
const OTHER = '+255754000111';
const TEXT = 'Malalamiko yako 4821 0379 yamepokelewa. Asante.';

let fake: FakeAtServer;
beforeAll(async () => {
  fake = await startFakeAtServer();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('the request the SDK sends', () => {
  test('when a message is sent, then AT gets exactly the documented form and the apikey header', async () => {
    const outcome = await atGatewayFor(fake).send({ to: TO, message: TEXT });

    expect(outcome.kind).toBe('sent');
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(SMS_PATH);
    expect(req.headers.apikey).toBe(API_KEY);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(req.form).toEqual({ username: 'sandbox', to: TO, message: TEXT, bulkSMSMode: '1' });
  });

  test('when AT_SENDER_ID is set, then it goes as `from`', async () => {
    await atGatewayFor(fake, { username: 'kero-tz', senderId: 'KERO' }).send({
      to: TO,
      message: TEXT,
    });

    expect(fake.requests[0]?.form).toEqual({
      username: 'kero-tz',
      to: TO,
      message: TEXT,
      from: 'KERO',
      bulkSMSMode: '1',
    });
  });

  test('when two gateways point at two servers, then each send goes to its own base URL', async () => {
    const other = await startFakeAtServer();
    try {
      const a = atGatewayFor(fake);
      const b = atGatewayFor(other, { username: 'sandbox' });
      await Promise.all([a.send({ to: TO, message: 'a1' }), b.send({ to: TO, message: 'b1' })]);
      await a.send({ to: TO, message: 'a2' });

      expect(fake.requests.map((r) => r.form.message)).toEqual(['a1', 'a2']);
      expect(other.requests.map((r) => r.form.message)).toEqual(['b1']);
    } finally {
      await other.close();
    }
  });
});

const recipientCode =
  (statusCode: number, status: string): FakeHandler =>
  () =>
    atReply.recipients([{ number: TO, statusCode, status }]);

type Case = [string, FakeHandler | FakeReply, Partial<SendOutcome> & { kind: string }];

const cases: Case[] = [
  ['101 Success', atReply.sent, { kind: 'sent', statusCode: 101, cost: 'TZS 22.0000' }],
  ['100 Processed', recipientCode(100, 'Processed'), { kind: 'sent', statusCode: 100 }],
  ['102 Queued', recipientCode(102, 'Queued'), { kind: 'sent', statusCode: 102 }],
  [
    'a 201 with 101 for another number and 403 for ours',
    atReply.recipients([
      { number: OTHER, statusCode: 101, status: 'Success' },
      { number: TO, statusCode: 403, status: 'InvalidPhoneNumber' },
    ]),
    { kind: 'permanent', reason: '403 InvalidPhoneNumber', operator: false },
  ],
  [
    'a 201 with 403 for another number and 101 for ours',
    atReply.recipients([
      { number: OTHER, statusCode: 403, status: 'InvalidPhoneNumber' },
      { number: TO, statusCode: 101, status: 'Success' },
    ]),
    { kind: 'sent', statusCode: 101 },
  ],
  [
    'a 201 with Recipients [] and Message InvalidPhoneNumber',
    atReply.invalidPhoneNumber,
    { kind: 'permanent', reason: 'rejected: InvalidPhoneNumber', operator: false },
  ],
  [
    'HTTP 401 (bad credentials)',
    atReply.authInvalid,
    {
      kind: 'permanent',
      reason: 'HTTP 401 The supplied authentication is invalid',
      operator: true,
    },
  ],
  ['HTTP 400', atReply.badRequest, { kind: 'permanent', operator: false }],
  ['HTTP 403', { status: 403, body: 'Forbidden' }, { kind: 'permanent', operator: false }],
  [
    'HTTP 307 to another host (never followed)',
    { status: 307, body: '' },
    { kind: 'permanent', reason: 'HTTP 307', operator: false },
  ],
  [
    'HTTP 500',
    atReply.serverError,
    { kind: 'temporary', reason: 'HTTP 500 Internal Server Error', outage: true },
  ],
  ['HTTP 503', { status: 503, body: '' }, { kind: 'temporary', reason: 'HTTP 503', outage: true }],
  [
    'HTTP 429',
    atReply.tooManyRequests,
    { kind: 'temporary', reason: 'HTTP 429 Too Many Requests', outage: true },
  ],
  [
    'recipient 405 InsufficientBalance',
    atReply.insufficientBalance,
    { kind: 'permanent', reason: '405 InsufficientBalance', operator: true },
  ],
  [
    'recipient 500 InternalServerError',
    recipientCode(500, 'InternalServerError'),
    { kind: 'temporary', reason: '500 InternalServerError', outage: false },
  ],
  [
    'recipient 501 GatewayError',
    recipientCode(501, 'GatewayError'),
    { kind: 'temporary', reason: '501 GatewayError', outage: false },
  ],
  ...(
    [
      [401, 'RiskHold'],
      [403, 'InvalidPhoneNumber'],
      [404, 'UnsupportedNumberType'],
      [406, 'UserInBlacklist'],
      [407, 'CouldNotRoute'],
      [409, 'DoNotDisturbRejection'],
      [502, 'RejectedByGateway'],
    ] as const
  ).map(([code, status]): Case => [
    `recipient ${code} ${status}`,
    recipientCode(code, status),
    { kind: 'permanent', reason: `${code} ${status}`, operator: false },
  ]),
  [
    'recipient 402 InvalidSenderId',
    recipientCode(402, 'InvalidSenderId'),
    { kind: 'permanent', reason: '402 InvalidSenderId', operator: true },
  ],
  [
    'the connection dropped with no answer',
    atReply.resetConnection,
    { kind: 'temporary', reason: 'no response: ECONNRESET', outage: true },
  ],
];

describe('how each answer is classified', () => {
  test.each(cases)(
    'when AT answers %s, then the outcome is right',
    async (_name, how, expected) => {
      fake.reply(how);
      const outcome = await atGatewayFor(fake).send({ to: TO, message: TEXT });
      expect(outcome).toMatchObject(expected);
      expect(fake.requests).toHaveLength(1);
    },
  );

  test('when a message is sent, then the messageId and cost come from the recipient', async () => {
    const outcome = await atGatewayFor(fake).send({ to: TO, message: TEXT });
    expect(outcome).toEqual({
      kind: 'sent',
      messageId: expect.stringMatching(/^ATXid_fake\d+$/) as unknown,
      cost: 'TZS 22.0000',
      statusCode: 101,
    });
  });

  test.each([
    ['InsufficientBalance', atReply.insufficientBalance, '405 InsufficientBalance'],
    ['bad credentials', atReply.authInvalid, 'HTTP 401 The supplied authentication is invalid'],
  ])('when AT reports %s, then it is logged at error level', async (_n, how, reason) => {
    const { logger, lines } = capturingLogger();
    fake.reply(how);
    await atGatewayFor(fake, { logger }).send({ to: TO, message: TEXT });
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason, phone: '+255*****78' });
  });

  test('when the number is one the SDK rejects, then it is permanent and nothing is sent', async () => {
    const outcome = await atGatewayFor(fake).send({ to: '+2557', message: TEXT });
    expect(outcome).toEqual({ kind: 'permanent', reason: 'invalid phone number', operator: false });
    expect(fake.requests).toHaveLength(0);
  });

  test('when nothing listens at the base URL, then it is temporary', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const gateway = createAfricasTalkingGateway({
      username: 'sandbox',
      apiKey: API_KEY,
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2_000,
      logger: silent,
    });
    expect(await gateway.send({ to: TO, message: TEXT })).toEqual({
      kind: 'temporary',
      reason: 'no response: ECONNREFUSED',
      outage: true,
    });
  });

  test('when AT hangs past the timeout, then the send ends as temporary at about the timeout', async () => {
    fake.reply(atReply.hang(5_000));
    const started = performance.now();
    const outcome = await atGatewayFor(fake, { timeoutMs: 300 }).send({ to: TO, message: TEXT });
    const elapsed = performance.now() - started;

    expect(outcome).toMatchObject({ kind: 'temporary', outage: true });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
  });
});
