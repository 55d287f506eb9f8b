/**
 * GET /metrics: Prometheus text from the real app after real USSD hops, and its protection (its
 * own token, or loopback callers only that did not come through a proxy).
 */
import request from 'supertest';
import { createMetrics } from '../../src/ops/metrics';
import { countSentParts } from '../../src/outbox/usage';
import { atPhone } from '../helpers/at-ussd';
import { makeTestApp, type TestApp } from '../helpers/app';
import { repliesToConfirm, waterInDar } from '../helpers/filing';

let t: TestApp;
afterEach(() => t.close());

const TOKEN = 'metrics-token-0123456789';

function appWithMetrics(token?: string): TestApp {
  return makeTestApp((db, clock) => {
    const { registry, metrics } = createMetrics({ db, file: ':memory:', now: clock.now });
    return {
      metrics,
      onCommitBatch: metrics.groupCommitBatch,
      metricsRoute: { registry, ...(token ? { token } : {}) },
    };
  });
}

/** The value of one sample line, e.g. `kero_complaints_filed_total{channel="ussd"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

test('when a caller files a complaint, then the hops, the filing, the queued SMS and the batches are counted', async () => {
  t = appWithMetrics();
  const s = atPhone(t.app, { phone: '+255712345678' }).dial();
  await s.send('');
  await s.reply('1');
  await s.replies(...repliesToConfirm(waterInDar), '1');

  const res = await request(t.app).get('/metrics');

  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = res.text;
  expect(sample(text, 'kero_ussd_hops_total{screen="language.first",result="con"}')).toBe(1);
  expect(sample(text, 'kero_ussd_hops_total{screen="main",result="con"}')).toBe(1);
  expect(sample(text, 'kero_ussd_hops_total{screen="file.done",result="end"}')).toBe(1);
  expect(sample(text, 'kero_ussd_hop_seconds_count')).toBe(10);
  expect(sample(text, 'kero_complaints_filed_total{channel="ussd"}')).toBe(1);
  // The acknowledgement to the citizen: nobody staffs Dar es Salaam in this test.
  expect(sample(text, 'kero_sms_outbox_messages{state="queued"}')).toBe(1);
  expect(sample(text, 'kero_sms_oldest_queued_seconds')).toBe(0);
  expect(sample(text, 'kero_group_commit_batch_size_count')).toBe(10);
  expect(text).toMatch(/^kero_process_cpu_seconds_total /m);
});

test('when no token is set, then a caller through a proxy gets 404', async () => {
  t = appWithMetrics();
  const res = await request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9');
  expect(res.status).toBe(404);
});

test('when a token is set, then /metrics needs it, as a bearer token or ?token=', async () => {
  t = appWithMetrics(TOKEN);
  expect((await request(t.app).get('/metrics')).status).toBe(401);
  expect((await request(t.app).get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(
    401,
  );
  const bearer = await request(t.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
  expect(bearer.status).toBe(200);
  expect(bearer.text).toContain('kero_ussd_hops_total');
  expect((await request(t.app).get(`/metrics?token=${TOKEN}`)).status).toBe(200);
});

test("when SMS were sent this month and a budget is set, then the month's parts and the budget are gauges", async () => {
  t = makeTestApp((db, clock) => {
    const { registry, metrics } = createMetrics({
      db,
      file: ':memory:',
      now: clock.now,
      smsMonthlyBudget: 5000,
    });
    return { metrics, metricsRoute: { registry } };
  });
  countSentParts(t.db, 'x'.repeat(200), t.clock.now());
  countSentParts(t.db, 'Fupi', t.clock.now());

  const text = (await request(t.app).get('/metrics')).text;

  expect(sample(text, 'kero_sms_parts_month')).toBe(3);
  expect(sample(text, 'kero_sms_budget_parts')).toBe(5000);
});
