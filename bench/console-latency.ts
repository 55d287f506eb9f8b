/**
 * The console bench's page timings: each case requested one after another by one signed-in
 * browser (a few untimed first), timed twice: by the server itself (its own request log line,
 * `ms` from the first middleware to the last byte handed to the socket, found by the response's
 * X-Request-Id; LOG_LEVEL=info) and by the client (time to the full response on loopback). The
 * server's CPU time (user + system, from /proc) over each case gives CPU per request.
 */
import type { Readable } from 'node:stream';
import type { Case } from './console-cases';
import type { ConsoleBrowser, Page } from './console-client';
import { numbersOn } from './console-client';
import type { ServerProcess } from './kero-server';

export interface CaseFigures {
  viewer: string;
  label: string;
  requests: number;
  /** Server time from its request log (NaN where a line was missing). */
  serverP50: number;
  serverP95: number;
  clientP50: number;
  clientP95: number;
  cpuMsPerRequest: number;
  kb: number;
  /** Complaints listed on the (last) page: shows the page had something to show. */
  rows: number;
}

/** Server times by request id, from the server's JSON log lines on its stdout. */
export class RequestLog {
  private readonly times = new Map<string, number>();
  private partial = '';

  constructor(stdout: Readable | null) {
    stdout?.on('data', (chunk: Buffer) => {
      const lines = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.take(line);
    });
  }

  private take(line: string): void {
    if (!line.includes('"reqId"')) return;
    try {
      const entry = JSON.parse(line) as { reqId?: unknown; ms?: unknown };
      if (typeof entry.reqId === 'string' && typeof entry.ms === 'number') {
        this.times.set(entry.reqId, entry.ms);
      }
    } catch {
      // not a log line of ours
    }
  }

  /** The server times of these requests, waiting up to 2 s for lines still in the pipe. */
  async timesOf(ids: readonly string[]): Promise<number[]> {
    const deadline = Date.now() + 2000;
    while (ids.some((id) => !this.times.has(id)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return ids.map((id) => this.times.get(id) ?? NaN);
  }
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

function check(c: Case, url: string, page: Page): void {
  const ok =
    page.status === c.expect &&
    (c.expect !== 303 || /^\/console\/c\/\d+$/.test(page.location ?? ''));
  if (!ok) {
    const where = page.location ? ` -> ${page.location}` : '';
    throw new Error(`${c.viewer}, ${c.label}: ${url} answered HTTP ${page.status}${where}`);
  }
}

/** Times one case: `warmup` untimed requests, then `timed` ones. */
export async function timeCase(
  browser: ConsoleBrowser,
  server: ServerProcess,
  log: RequestLog,
  c: Case,
  o: { timed: number; warmup: number },
): Promise<CaseFigures> {
  const url = (i: number) => c.urls[i % c.urls.length] ?? '';
  for (let i = 0; i < o.warmup; i++) check(c, url(i), await browser.get(url(i)));
  const client: number[] = [];
  const ids: string[] = [];
  let last: Page | undefined;
  const cpu0 = server.cpuSeconds();
  for (let i = 0; i < o.timed; i++) {
    const page = await browser.get(url(o.warmup + i));
    check(c, url(o.warmup + i), page);
    client.push(page.ms);
    if (page.reqId) ids.push(page.reqId);
    last = page;
  }
  const cpuMsPerRequest = ((server.cpuSeconds() - cpu0) * 1000) / o.timed;
  const times = await log.timesOf(ids);
  return {
    viewer: c.viewer,
    label: c.label,
    requests: o.timed,
    serverP50: percentile(times, 50),
    serverP95: percentile(times, 95),
    clientP50: percentile(client, 50),
    clientP95: percentile(client, 95),
    cpuMsPerRequest,
    kb: (last?.bytes ?? 0) / 1024,
    rows: last ? numbersOn(last.html).length : 0,
  };
}
