/**
 * Open311 protects itself: answers may be kept a minute and revalidated (ETag, Last-Modified,
 * 304), a re-read of an unchanged answer is not read again, and one client may make at most
 * OPEN311_RATE_LIMIT requests a minute (429 with Retry-After; other clients unaffected).
 */
import request from 'supertest';
import { inThreadRunner, prefixed, type JobRunner } from '../../db/reads';
import { resolveComplaint } from '../../src/complaints/actions';
import type { Open311Deps } from '../../src/open311/georeport';
import { open311Jobs } from '../../src/open311/reads';
import { makeTestApp } from '../helpers/app';
import { HOUR, POLICY, V2, openOpen311, type Open311World } from './world';

let w: Open311World;
afterEach(() => w.t.close());

describe('caching', () => {
  beforeEach(() => {
    w = openOpen311();
  });

  it('when a page is read, then it may be kept a minute and carries a strong ETag and the last change', async () => {
    w.file({ council: 'DAR-KIM' }, w.t.clock.now() - HOUR);
    w.t.clock.advance(2000);
    const res = await w.get(`${V2}/requests.json`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    // The moment of the last change: the filing (an hour before the clock's start).
    const filedAt = w.t.clock.now() - 2000 - HOUR;
    expect(res.headers['last-modified']).toBe(new Date(filedAt).toUTCString());
  });

  it('when a client revalidates an unchanged page, then 304 with no body, by ETag or by date', async () => {
    w.file({ council: 'DAR-KIM' }, w.t.clock.now() - HOUR);
    w.t.clock.advance(2000);
    const first = await w.get(`${V2}/requests.xml`);
    const byTag = await w.get(`${V2}/requests.xml`).set('If-None-Match', first.headers.etag ?? '');
    expect([byTag.status, byTag.text, byTag.headers.etag]).toEqual([304, '', first.headers.etag]);
    const byDate = await w
      .get(`${V2}/requests.xml`)
      .set('If-Modified-Since', first.headers['last-modified'] ?? '');
    expect(byDate.status).toBe(304);
  });

  it('when a complaint changes after a page was read, then revalidating it gives the new page', async () => {
    const c = w.file({ council: 'DAR-KIM' }, w.t.clock.now() - HOUR);
    const first = await w.get(`${V2}/requests.json`);
    w.t.clock.advance(1000);
    expect(resolveComplaint(w.actions, w.staff.hq.id, c.number, 'Imerekebishwa').ok).toBe(true);
    const again = await w.get(`${V2}/requests.json`).set('If-None-Match', first.headers.etag ?? '');
    expect(again.status).toBe(200);
    expect(again.headers.etag).not.toBe(first.headers.etag);
    expect((again.body as { status: string }[])[0]?.status).toBe('closed');
  });

  it('when an unchanged page is asked again within the minute, then it is answered without reading it again', async () => {
    let reads = 0;
    const t = makeTestApp((db, clock) => {
      const open311 = { descriptions: false, policy: POLICY };
      const here = inThreadRunner(
        prefixed('open311', open311Jobs, (d: Open311Deps) => d),
        (at): Open311Deps => ({ db, reference: w.t.deps.reference, now: () => at, open311 }),
      );
      const counted: JobRunner = {
        ask: (kind, args, at) => {
          reads++;
          return here.ask(kind, args, at);
        },
        stream: (kind, args, at) => here.stream(kind, args, at),
      };
      void clock;
      return { open311, reads: counted };
    });
    try {
      const get = (path: string) => request(t.app).get(path);
      const first = await get(`${V2}/requests.json?page_size=5`);
      const second = await get(`${V2}/requests.json?page_size=5`);
      expect([first.status, second.status, second.text]).toEqual([200, 200, first.text]);
      expect(reads).toBe(1);
      t.clock.advance(61_000);
      await get(`${V2}/requests.json?page_size=5`);
      expect(reads).toBe(2);
    } finally {
      t.close();
    }
  });
});

describe('a rate limit per client', () => {
  it('when one client asks more than the limit in a minute, then 429 with Retry-After in the spec format, and other clients are still served', async () => {
    w = openOpen311();
    const t = makeTestApp({
      open311: { descriptions: false, policy: POLICY, ratePerMinute: 3 },
      trustProxy: 1,
    });
    try {
      const from = (ip: string) =>
        request(t.app).get(`${V2}/requests.json`).set('X-Forwarded-For', ip);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await from('203.0.113.7')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await from('203.0.113.7');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['access-control-allow-origin']).toBe('*');
      expect(refused.body).toEqual([
        { code: 429, description: 'Too many requests: at most 3 a minute from one client' },
      ]);
      expect((await from('198.51.100.20')).status).toBe(200);
    } finally {
      t.close();
    }
  });
});
