/**
 * Load generation for the USSD bench: keep-alive connections (bench/raw-client.ts in the measured
 * loop; node:http for the set-up requests), sessions of one or more hops per connection loop,
 * every latency sample kept and sorted for exact percentiles. All traffic goes to 127.0.0.1.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { RawConnection, type Reply } from './raw-client';

export type { Reply };

export const SERVICE_CODE = '*384*1234#';
export const NETWORK_CODE = '64004';
const REQUEST_TIMEOUT_MS = 10_000;
/** A run stops early once this many requests failed (server down): no busy-looping. */
const MAX_FAILURES = 2_000;

export function ussdBody(sessionId: string, phoneNumber: string, text: string): string {
  return new URLSearchParams({
    sessionId,
    serviceCode: SERVICE_CODE,
    phoneNumber,
    networkCode: NETWORK_CODE,
    text,
  }).toString();
}

export function phone(n: number): string {
  return `+2557${String(n).padStart(8, '0')}`;
}

/** Replies of a session joined cumulatively: ['', '1', '1*1', ...] for replies ['1', '1', ...]. */
export function cumulativeTexts(replies: readonly string[]): string[] {
  const texts = [''];
  for (let i = 1; i <= replies.length; i++) texts.push(replies.slice(0, i).join('*'));
  return texts;
}

export function post(
  agent: http.Agent,
  port: number,
  path: string,
  body: string,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - start }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export function newAgent(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

export interface Scenario {
  /** Expected start of the reply at each hop ('CON ' / 'END '); its length is the hop count. */
  expect: readonly string[];
  /** The last hop's reply must also match this (e.g. a complaint number). */
  finalMatch?: RegExp;
  /** Form bodies of one fresh session, one per hop. */
  nextSession(): string[];
}

export interface RunResult {
  elapsedS: number;
  requests: number;
  /** Sessions whose last hop came back as expected (for filing: complaints filed). */
  completed: number;
  errors: number;
  non2xx: number;
  badBody: number;
  firstProblem?: string;
  latencies: Float64Array;
  latenciesByHop: Float64Array[];
  /** CPU time of this (load generator) process over the run, in % of one core. */
  clientCpuPct: number;
  /** CPU time of the server over the run, in % of one core (set by the caller). */
  serverCpuPct?: number;
}

/**
 * Runs `connections` loops for `durationMs`; each loop plays whole sessions, hop after hop, and at
 * the deadline finishes the request in flight and abandons the rest of its session.
 */
export async function runLoad(
  port: number,
  path: string,
  scenario: Scenario,
  connections: number,
  durationMs: number,
): Promise<RunResult> {
  const hops = scenario.expect.length;
  const byHop: number[][] = Array.from({ length: hops }, () => []);
  const r = {
    requests: 0,
    completed: 0,
    errors: 0,
    non2xx: 0,
    badBody: 0,
    firstProblem: undefined as string | undefined,
  };
  const problem = (what: string): void => {
    r.firstProblem ??= what;
  };
  const failed = (): boolean => r.errors + r.non2xx + r.badBody >= MAX_FAILURES;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + durationMs;

  const loop = async (conn: RawConnection): Promise<void> => {
    while (performance.now() < deadline && !failed()) {
      const bodies = scenario.nextSession();
      for (let hop = 0; hop < hops; hop++) {
        if (performance.now() >= deadline) return;
        let reply: Reply;
        try {
          reply = await conn.post(bodies[hop] ?? '');
        } catch (err) {
          r.errors++;
          problem(`hop ${hop + 1}: ${err instanceof Error ? err.message : String(err)}`);
          break;
        }
        r.requests++;
        byHop[hop]?.push(reply.ms);
        if (reply.status < 200 || reply.status > 299) {
          r.non2xx++;
          problem(`hop ${hop + 1}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`);
          break;
        }
        const last = hop === hops - 1;
        const okBody =
          reply.text.startsWith(scenario.expect[hop] ?? 'CON ') &&
          (!last || !scenario.finalMatch || scenario.finalMatch.test(reply.text));
        if (!okBody) {
          r.badBody++;
          problem(`hop ${hop + 1}: unexpected reply ${JSON.stringify(reply.text.slice(0, 200))}`);
          break;
        }
        if (last) r.completed++;
      }
    }
  };
  const conns = Array.from(
    { length: connections },
    () => new RawConnection(port, path, REQUEST_TIMEOUT_MS),
  );
  await Promise.all(conns.map(loop));
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  for (const conn of conns) conn.close();

  const latenciesByHop = byHop.map((a) => Float64Array.from(a).sort());
  const latencies = Float64Array.from(byHop.flat()).sort();
  return {
    ...r,
    elapsedS: elapsedMs / 1000,
    latencies,
    latenciesByHop,
    clientCpuPct: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
  };
}

/** Nearest-rank percentile of an ascending array (NaN if empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

/** Runs `task` over `items` with at most `concurrency` in flight; stops starting new ones after `deadlineMs`. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  deadlineMs: number,
  task: (item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  let done = 0;
  const end = performance.now() + deadlineMs;
  const worker = async (): Promise<void> => {
    while (next < items.length && performance.now() < end) {
      const item = items[next++] as T;
      await task(item);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}
