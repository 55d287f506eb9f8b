/**
 * The queue page on a slow connection: a full page of 50 complaints for a supervisor (the widest
 * view: selection boxes, the bulk form, similar-complaint badges), with its stylesheet, script
 * and icon, weighs at most 60 KB as it crosses the wire compressed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { DESK, HOUR, eat } from '../helpers/world';
import { signedIn, openConsoleWorld, type ConsoleWorld } from './world';

const BUDGET = 60 * 1024;

let w: ConsoleWorld;
let server: http.Server;
beforeEach(async () => {
  w = openConsoleWorld();
  w.clock.set(eat('2026-03-12 09:00'));
  server = w.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  w.close();
});

/** The bytes the server sends for `path` to a browser that accepts gzip, as they are sent. */
function wire(
  path: string,
  cookie: string,
): Promise<{ encoding?: string; bytes: number; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get(
        { port, host: '127.0.0.1', path, headers: { cookie, 'accept-encoding': 'gzip' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            const body = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
            resolve({ ...(encoding ? { encoding } : {}), bytes: raw.length, body });
          });
        },
      )
      .on('error', reject);
  });
}

it('the queue with a full page of complaints, its CSS, script and icon fit in 60 KB compressed', async () => {
  const councils = ['DAR-KIM', 'DAR-UBM', 'DAR-DAC', 'DAR-TEM'];
  for (let i = 0; i < 80; i++) {
    if (i % 4 === 0) w.clock.advance(HOUR);
    w.file({
      council: councils[i % councils.length] ?? 'DAR-KIM',
      category: i % 3 === 0 ? 'health' : 'water',
      place: `Mtaa wa Mwenge ${i % 7}`,
      phone: `+2556891${String(i).padStart(5, '0')}`,
    });
  }
  const { agent } = await signedIn(w, DESK.darSup.phone);
  const signIn = await agent.get('/console');
  const cookie = (signIn.request as unknown as { cookies: string }).cookies;
  const page = await wire('/console?tab=open', cookie);
  expect(page.encoding).toBe('gzip');
  expect(page.body.match(/<tr>/g)?.length).toBe(51); // the header and 50 complaints
  expect(page.body).toContain('name="numbers"'); // the bulk-assign boxes are there
  expect(page.body).toContain('class="similar"'); // and the cluster badges

  const assets = [...page.body.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  expect(assets.filter((a) => a.endsWith('.css'))).toHaveLength(1);
  expect(assets.filter((a) => a.endsWith('.js'))).toHaveLength(1);
  let total = page.bytes;
  for (const a of assets) {
    const r = await wire(a, cookie);
    expect(r.body.length).toBeGreaterThan(0);
    total += r.bytes;
  }
  expect(total).toBeLessThanOrEqual(BUDGET);
});
