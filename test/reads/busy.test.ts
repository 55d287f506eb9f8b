/**
 * Past the read pool's queue nothing waits and nothing is dropped silently: staff get a page that
 * says "busy, try again" in both languages, Open311 a 503 with Retry-After in the spec's error
 * format, the public figures a 503 page saying so. A read whose client left while it waited leaves the queue; an export whose client
 * left mid-download stops reading; a read that cannot be sent, or whose worker dies, fails alone
 * and the pool carries on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DESK } from '../helpers/world';
import { textOf } from '../console/world';
import { openPoolWorld, type PoolWorld } from './pool-world';

const SLOW_MS = 800;
let w: PoolWorld;
let hq = '';

beforeAll(async () => {
  // One worker, one read waiting at most: the third read at once is refused.
  w = openPoolWorld({
    size: 1,
    queue: 1,
    slow: { 'console.dashboard': SLOW_MS, 'open311.reply': SLOW_MS, 'figures.region': SLOW_MS },
  });
  for (let i = 0; i < 3000; i++)
    w.file({ council: 'DAR-KIM', description: `Maji ${i} `.repeat(8) });
  hq = await w.cookieOf(DESK.hq.phone);
  // The worker has started (and compiled its code) before anything is timed.
  expect((await request(w.pooled).get('/console/account').set('Cookie', hq)).status).toBe(200);
}, 60_000);

afterAll(() => w.stop());

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  return ok();
};

describe('a full read pool', () => {
  it('when more staff pages are asked than the pool holds, then the rest see a busy page and can try again', async () => {
    const three = await Promise.all(
      [0, 1, 2].map(() => request(w.pooled).get('/console/dashboard').set('Cookie', hq)),
    );
    const statuses = three.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 503]);
    const busy = three.find((r) => r.status === 503);
    expect(busy?.headers['retry-after']).toBe('2');
    expect(busy?.headers['content-type']).toBe('text/html; charset=utf-8');
    const text = textOf(busy?.text ?? '');
    // Headquarters reads English first, and the Kiswahili after it.
    expect(text).toContain('Busy: try again in a moment');
    expect(text).toContain('Kuna shughuli nyingi: jaribu tena baada ya muda mfupi');
    expect(busy?.text).toContain('href="/console/dashboard"');
    const again = await request(w.pooled).get('/console/dashboard').set('Cookie', hq);
    expect(again.status).toBe(200);
  });

  it('when more Open311 pages are asked than the pool holds, then the rest get 503 with Retry-After', async () => {
    const three = await Promise.all(
      [0, 1, 2].map(() => request(w.pooled).get('/open311/v2/requests.json')),
    );
    expect(three.map((r) => r.status).sort()).toEqual([200, 200, 503]);
    const busy = three.find((r) => r.status === 503);
    expect(busy?.headers['retry-after']).toBe('2');
    expect(busy?.body).toEqual([
      { code: 503, description: 'Busy: please try again in a few seconds' },
    ]);
  });

  it('when more regions are asked for figures than the pool holds, then the rest get a 503 page and can try again', async () => {
    const regions = ['DAR', 'ARU', 'DOD'];
    const three = await Promise.all(
      regions.map((r) => request(w.pooled).get(`/figures?lang=en&region=${r}`)),
    );
    expect(three.map((r) => r.status).sort()).toEqual([200, 200, 503]);
    const refused = three.findIndex((r) => r.status === 503);
    const busy = three[refused];
    expect(busy?.headers['retry-after']).toBe('2');
    expect(textOf(busy?.text ?? '')).toContain(
      'Many people are asking for figures at once. Please try again in a few seconds.',
    );
    const again = await request(w.pooled).get(`/figures?lang=en&region=${regions[refused] ?? ''}`);
    expect(again.status).toBe(200);
  });

  it('when a waiting read is given up by its caller, then it leaves the queue', async () => {
    const running = w.pool.ask('console.dashboard', {}, w.clock.now());
    const gone = new AbortController();
    const waiting = w.pool.ask('console.dashboard', {}, w.clock.now(), gone.signal);
    expect(w.pool.health().queued).toBe(1);
    gone.abort(new Error('the client went away'));
    await expect(waiting).rejects.toThrow('the client went away');
    expect(w.pool.health().queued).toBe(0);
    // The job running is not the caller's to stop: it ends (here with its own error).
    await expect(running).rejects.toThrow();
  });

  it('when a client hangs up in the middle of an export, then the worker stops reading it', async () => {
    const server = w.pooled.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const first = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        { port, host: '127.0.0.1', path: '/console/queue.csv?tab=open', headers: { cookie: hq } },
        (res) => {
          res.once('data', (chunk: Buffer) => {
            req.destroy();
            resolve(chunk.length);
          });
        },
      );
      req.on('error', reject);
    });
    expect(first).toBeGreaterThan(0);
    expect(await until(() => w.pool.health().running === 0)).toBe(true);
    await new Promise((r) => server.close(r));
  });

  it('when a read is given arguments that cannot cross to a worker, then that read fails alone', async () => {
    const bad = { viewer: { see: () => 'a function' } };
    await expect(w.pool.ask('console.account', bad, w.clock.now())).rejects.toThrow(/clone/);
    expect((await request(w.pooled).get('/console/account').set('Cookie', hq)).status).toBe(200);
  });

  it('when a worker dies in the middle of a read, then that read fails, another worker starts and pages are read again', async () => {
    await expect(w.pool.ask('test.crash', {}, w.clock.now())).rejects.toThrow(
      'read worker stopped (exit 3) during the job',
    );
    expect(await until(() => w.pool.health().workers === 1, 15_000)).toBe(true);
    expect((await request(w.pooled).get('/console/account').set('Cookie', hq)).status).toBe(200);
  }, 30_000);
});
