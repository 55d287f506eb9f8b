/**
 * Callers first: while a staff member's page takes seconds to read (made artificially slow
 * here: the dashboard's job spins for 2 s before it reads), USSD hops on the same server keep
 * being answered at once. The hops are measured from a client on this process; the bounds are
 * generous (a hop takes a few ms; a blocked event loop would hold it for the rest of the read)
 * and what they catch is not close to them: with the read on the event loop (the control below)
 * not one hop gets through while it runs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { TEST_TOKEN } from '../helpers/app';
import { formBody } from '../helpers/at-ussd';
import { DESK } from '../helpers/world';
import { openPoolWorld, type PoolWorld } from './pool-world';

const SLOW_MS = 2000;
let w: PoolWorld;
let hq = '';

beforeAll(async () => {
  w = openPoolWorld({ size: 1, slow: { 'console.dashboard': SLOW_MS } });
  hq = await w.cookieOf(DESK.hq.phone);
}, 60_000);

afterAll(() => w.stop());

interface Served {
  get(path: string): Promise<number>;
  hop(n: number): Promise<{ ms: number; text: string }>;
  close(): Promise<void>;
}

async function serve(app: Express): Promise<Served> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const call = (method: string, path: string, body?: string, headers = {}) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ agent, port, host: '127.0.0.1', method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    get: async (path) => (await call('GET', path, undefined, { cookie: hq })).status,
    async hop(n) {
      const body = formBody({
        sessionId: `ATUid_isolation_${n}`,
        serviceCode: '*384*1234#',
        phoneNumber: '+255712000111',
        networkCode: '64004',
        text: '',
      });
      const start = performance.now();
      const r = await call('POST', `/ussd?token=${TEST_TOKEN}`, body, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      return { ms: performance.now() - start, text: r.text };
    },
    close: async () => {
      agent.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Hops one after another for as long as a slow dashboard read is in flight. */
async function hopsDuringSlowRead(s: Served, started: () => Promise<void>) {
  let done = false;
  const read = s.get('/console/dashboard').then((status) => {
    done = true;
    return status;
  });
  await started();
  const hops: { ms: number; text: string }[] = [];
  for (let n = 0; !done; n++) {
    const hop = await s.hop(n);
    if (!done) hops.push(hop);
  }
  return { status: await read, hops };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

describe('a slow read beside USSD', () => {
  it('when a staff page takes seconds on a read worker, then USSD hops are answered meanwhile at their usual speed', async () => {
    const s = await serve(w.pooled);
    try {
      // Warm: the worker started, the hop's statements prepared.
      expect(await s.get('/console/account')).toBe(200);
      const idle = [];
      for (let n = 0; n < 5; n++) idle.push((await s.hop(100 + n)).ms);
      const { status, hops } = await hopsDuringSlowRead(s, async () => {
        // Until the read is on the worker.
        while (w.pool.health().running === 0) await new Promise((r) => setTimeout(r, 1));
      });
      expect(status).toBe(200);
      expect(hops.every((h) => h.text.startsWith('CON '))).toBe(true);
      // Two seconds of read: a hop of a few ms fits hundreds of times; ten is a generous floor.
      expect(hops.length).toBeGreaterThanOrEqual(10);
      // A hop during the read is as quick as an idle one, give or take a noisy machine.
      expect(median(hops.map((h) => h.ms))).toBeLessThan(median(idle) + 50);
    } finally {
      await s.close();
    }
  }, 30_000);

  it('when the same slow read runs on the event loop instead (the control), then no hop is answered while it runs', async () => {
    const s = await serve(w.appWith(w.slowHere));
    try {
      const { status, hops } = await hopsDuringSlowRead(s, async () => {
        await new Promise((r) => setTimeout(r, 20));
      });
      expect(status).toBe(200);
      expect(hops.length).toBe(0);
    } finally {
      await s.close();
    }
  }, 30_000);
});
