/**
 * A minimal browser for the console bench: one keep-alive connection from its own loopback
 * address (127.0.0.x, so that each simulated staff member is a different client to the sign-in
 * rate limits, as people at different desks are), its own cookies, gzip accepted as browsers do.
 * Signs in the way a person does: asks for a code, reads it from the SMS outbox, types it.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

export interface Page {
  status: number;
  location: string | undefined;
  html: string;
  /** Bytes on the wire (compressed). */
  bytes: number;
  /** Time to the full response, as the client saw it. */
  ms: number;
  /** X-Request-Id, the key of the server's own log line for the request (LOG_LEVEL=info). */
  reqId: string | undefined;
}

const TIMEOUT_MS = 30_000;

export class ConsoleBrowser {
  private readonly cookies = new Map<string, string>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly port: number,
    readonly localAddress: string,
  ) {}

  get(path: string): Promise<Page> {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string>): Promise<Page> {
    return this.request('POST', path, new URLSearchParams(form).toString());
  }

  /** A download read as it arrives and counted, not kept (a CSV export of the whole desk). */
  download(
    path: string,
    onData: (bytes: number) => void = () => undefined,
  ): Promise<{ status: number; bytes: number; ms: number }> {
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const req = http.request(
        { ...this.options('GET', path), timeout: 10 * TIMEOUT_MS },
        (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
            onData(c.length);
          });
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - start }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${path}: stalled`)));
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private options(method: string, path: string, body?: string): http.RequestOptions {
    const headers: http.OutgoingHttpHeaders = {
      'accept-encoding': 'gzip',
      'user-agent': 'kero-console-bench',
      'sec-fetch-site': 'same-origin',
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
    }
    return {
      agent: this.agent,
      host: '127.0.0.1',
      port: this.port,
      localAddress: this.localAddress,
      method,
      path,
      headers,
    };
  }

  private request(method: string, path: string, body?: string): Promise<Page> {
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const req = http.request(this.options(method, path, body), (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - start;
          this.keepCookies(res.headers['set-cookie']);
          const raw = Buffer.concat(chunks);
          const gz = res.headers['content-encoding'] === 'gzip';
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            html: (gz ? zlib.gunzipSync(raw) : raw).toString('utf8'),
            bytes: raw.length,
            ms,
            reqId: headerOf(res.headers['x-request-id']),
          });
        });
      });
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`${path}: no answer in 30 s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

const headerOf = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v;

function csrfIn(page: Page): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(page.html);
  if (!m?.[1]) throw new Error(`no form token on the page (HTTP ${page.status})`);
  return m[1];
}

/** Signs `b` in as the staff member with `phone`; `codeFor` reads the code the SMS carried. */
export async function signIn(
  b: ConsoleBrowser,
  phone: string,
  codeFor: (phone: string) => string | undefined,
): Promise<void> {
  const asked = await b.post('/console/sign-in', {
    _csrf: csrfIn(await b.get('/console/sign-in')),
    phone,
  });
  if (asked.status !== 303) throw new Error(`sign-in of ${phone}: HTTP ${asked.status}`);
  const code = codeFor(phone);
  if (!code) throw new Error(`sign-in of ${phone}: no code in the SMS outbox`);
  const typed = await b.post('/console/sign-in/code', {
    _csrf: csrfIn(await b.get('/console/sign-in/code')),
    code,
  });
  if (typed.status !== 303 || typed.location !== '/console') {
    throw new Error(`sign-in of ${phone}: code refused (HTTP ${typed.status})`);
  }
}

/** The complaint numbers a queue page links to. */
export const numbersOn = (html: string): string[] =>
  [...html.matchAll(/href="\/console\/c\/(\d+)"/g)].map((m) => m[1] ?? '');
