/**
 * What the isolation bench runs beside USSD first screens (bench/isolation.ts), each a set of
 * loops with no think time that keep going until stopped and tally what they got inside the
 * measured window:
 * - console users, each signed in from their own loopback address, going round every page kind
 *   their role has (queue, a tab with a filter, a complaint, the dashboard over a random period
 *   and one of its CSV tables, account, log a call; staff for supervisors and headquarters);
 * - Open311 readers, each from its own address 127.0.1.x, walking `requests.json` in pages of
 *   1,000 from a page of their own, following the pages to the end and starting again; a 429 or
 *   503 is waited out as its Retry-After asks (at most 1 s), as a client library does;
 * - a full CSV export of the queue (headquarters, every resolved complaint), again and again.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pick } from './assignment-seed';
import { numbersOn, type ConsoleBrowser } from './console-client';

export interface Tally {
  requests: number;
  byStatus: Record<string, number>;
  /** Time to the whole answer, ms, for each request inside the window. */
  ms: number[];
  bytes: number;
  errors: number;
  firstProblem?: string;
}

export interface Background {
  /** Requests that start inside [from, to) are tallied. */
  measureFrom(from: number, to: number): void;
  stop(): Promise<Tally>;
}

export interface ConsoleUser {
  browser: ConsoleBrowser;
  role: 'officer' | 'supervisor' | 'hq';
  regionCode: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `body` in `n` loops until stopped; `record` tallies a request started at `start`. */
function loops(
  n: number,
  body: (i: number, record: Recorder, stopped: () => boolean) => Promise<void>,
): Background {
  let stopping = false;
  const window = { from: Infinity, to: Infinity };
  const t: Tally = { requests: 0, byStatus: {}, ms: [], bytes: 0, errors: 0 };
  const record: Recorder = (start, r) => {
    if (start < window.from || start >= window.to) return;
    if ('error' in r) {
      t.errors++;
      t.firstProblem ??= r.error;
      return;
    }
    t.requests++;
    t.byStatus[r.status] = (t.byStatus[r.status] ?? 0) + 1;
    t.ms.push(r.ms);
    t.bytes += r.bytes;
  };
  const all = Promise.all(
    Array.from({ length: n }, async (_, i) => {
      while (!stopping) await body(i, record, () => stopping);
    }),
  );
  return {
    measureFrom: (from, to) => Object.assign(window, { from, to }),
    async stop() {
      stopping = true;
      await all;
      return t;
    },
  };
}

type Recorder = (
  start: number,
  r: { status: number; ms: number; bytes: number } | { error: string },
) => void;

const TABS = ['mine', 'unassigned', 'dueSoon', 'overdue', 'open', 'resolved'];
// prettier-ignore
const FILTERS = ['', 'category=water', 'channel=call', 'status=in_progress', 'q=maji', 'q=barabara'];
const PERIODS = ['week', 'month', 'quarter', 'year'];

/** One turn of a staff member round the console. */
function pagesOf(u: ConsoleUser, random: (n: number) => number, seen: string[]): string[] {
  const filter = pick(FILTERS, random);
  const period = pick(PERIODS, random);
  const pages = [
    '/console',
    `/console?tab=${pick(TABS, random)}${filter ? `&${filter}` : ''}`,
    ...(seen.length > 0 ? [`/console/c/${pick(seen, random)}`] : []),
    `/console/dashboard?period=${period}`,
    `/console/dashboard.csv?table=category&period=${period}`,
    '/console/account',
    '/console/call',
  ];
  if (u.role !== 'officer') pages.push('/console/staff');
  if (u.role === 'hq') pages.push(`/console/dashboard?period=${period}&region=DAR`);
  return pages;
}

export function consoleUsers(users: ConsoleUser[], random: (n: number) => number): Background {
  return loops(users.length, async (i, record, stopped) => {
    const u = users[i];
    if (!u) return;
    let seen: string[] = [];
    for (const url of pagesOf(u, random, seen)) {
      if (stopped()) return;
      const start = performance.now();
      try {
        const page = await u.browser.get(url);
        record(start, { status: page.status, ms: page.ms, bytes: page.bytes });
        if (url.startsWith('/console?') || url === '/console') {
          const numbers = numbersOn(page.html);
          if (numbers.length > 0) seen = numbers;
        }
      } catch (err) {
        record(start, { error: `${url}: ${String(err)}` });
      }
    }
  });
}

function getFrom(
  agent: http.Agent,
  port: number,
  localAddress: string,
  path: string,
): Promise<{ status: number; bytes: number; link: string; retryAfter: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ agent, host: '127.0.0.1', port, localAddress, path }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          link: String(res.headers.link ?? ''),
          retryAfter: Number(res.headers['retry-after'] ?? 0),
        }),
      );
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${path}: no answer in 60 s`)));
    req.on('error', reject);
  });
}

export function open311Readers(port: number, readers: number): Background {
  const agents = Array.from(
    { length: readers },
    () => new http.Agent({ keepAlive: true, maxSockets: 1 }),
  );
  const pages = agents.map((_, i) => 1 + i * 3);
  const background = loops(readers, async (i, record) => {
    const agent = agents[i];
    if (!agent) return;
    const page = pages[i] ?? 1;
    const start = performance.now();
    try {
      const url = `/open311/v2/requests.json?page_size=1000&page=${page}`;
      const r = await getFrom(agent, port, `127.0.1.${i + 1}`, url);
      record(start, { status: r.status, bytes: r.bytes, ms: performance.now() - start });
      if (r.status === 429 || r.status === 503) await sleep(Math.min(r.retryAfter || 1, 1) * 1000);
      else pages[i] = r.status === 200 && r.link.includes('rel="next"') ? page + 1 : 1;
    } catch (err) {
      record(start, { error: String(err) });
      await sleep(100);
    }
  });
  return {
    measureFrom: (from, to) => background.measureFrom(from, to),
    async stop() {
      const t = await background.stop();
      for (const a of agents) a.destroy();
      return t;
    },
  };
}

/** The export's `bytes` are those that arrived inside the window, downloads whole or not. */
export function csvExport(browser: ConsoleBrowser): Background {
  let window = { from: Infinity, to: Infinity };
  let bytes = 0;
  const onData = (n: number) => {
    const now = performance.now();
    if (now >= window.from && now < window.to) bytes += n;
  };
  const background = loops(1, async (_, record) => {
    const start = performance.now();
    try {
      const r = await browser.download('/console/queue.csv?tab=resolved', onData);
      record(start, r);
    } catch (err) {
      record(start, { error: String(err) });
      await sleep(100);
    }
  });
  return {
    measureFrom(from, to) {
      window = { from, to };
      background.measureFrom(from, to);
    },
    async stop() {
      return { ...(await background.stop()), bytes };
    },
  };
}
