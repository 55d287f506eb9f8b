/**
 * A fake Africa's Talking SMS API on 127.0.0.1 (random port). It records every request and answers
 * like AT: by default 201 with statusCode 101 for each number in `to`; tests script other answers
 * (see `atReply`) with `reply` (every request) or `replyOnce` (the next requests, in order).
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed form body. */
  form: Record<string, string>;
  rawBody: string;
}

export interface FakeReply {
  status: number;
  /** An object is sent as JSON, a string as text/plain. */
  body?: unknown;
  /** Answer only after this long (a hung AT). */
  delayMs?: number;
  /** Drop the connection without answering (ECONNRESET at the client). */
  destroy?: boolean;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply;

export interface FakeAtServer {
  /** Base URL to give the gateway as AT_API_BASE_URL, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answer every request (after any `replyOnce` answers) this way. */
  reply(how: FakeHandler | FakeReply): void;
  /** Answer the next request this way (queued, first in first out). */
  replyOnce(how: FakeHandler | FakeReply): void;
  /** Back to the default answer; forget requests. */
  reset(): void;
  /** How many requests carried each message text. */
  countByMessage(): Map<string, number>;
  stats(): FakeStats;
  close(): Promise<void>;
}

export const SMS_PATH = '/version1/messaging';
/** GET: counts as JSON (for a fake in another process); DELETE: forget requests. Not recorded. */
export const STATS_PATH = '/__stats';

export interface FakeStats {
  requests: number;
  /** Distinct message texts seen. */
  messages: number;
  /** Message texts seen more than once. */
  duplicated: number;
}

function statsOf(requests: RecordedRequest[]): FakeStats {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const m = r.form.message ?? '';
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  return { requests: requests.length, messages: counts.size, duplicated };
}

const numbersOf = (req: RecordedRequest) => (req.form.to ?? '').split(',').filter((n) => n !== '');

let idSequence = 0;

/** The shapes of AT's answers, from AT-PROTOCOL.md. */
export const atReply = {
  recipients(recipients: Array<{ number: string; statusCode: number; status: string }>): FakeReply {
    const accepted = recipients.filter((r) => r.statusCode >= 100 && r.statusCode <= 102);
    return {
      status: 201,
      body: {
        SMSMessageData: {
          Message: `Sent to ${accepted.length}/${recipients.length} Total Cost: TZS ${22 * accepted.length}.0000`,
          Recipients: recipients.map((r) => ({
            ...r,
            cost: r.statusCode <= 102 ? 'TZS 22.0000' : '0',
            messageId: r.statusCode <= 102 ? `ATXid_fake${++idSequence}` : 'None',
            messageParts: 1,
          })),
        },
      },
    };
  },
  /** The default: every number in `to` accepted (101 Success). */
  sent: ((req) =>
    atReply.recipients(
      numbersOf(req).map((number) => ({ number, statusCode: 101, status: 'Success' })),
    )) as FakeHandler,
  /** Every recipient gets this per-recipient code. */
  code:
    (statusCode: number, status: string): FakeHandler =>
    (req) =>
      atReply.recipients(numbersOf(req).map((number) => ({ number, statusCode, status }))),
  /** 405 InsufficientBalance for every recipient: a 201 that sent nothing. */
  insufficientBalance: ((req) =>
    atReply.recipients(
      numbersOf(req).map((number) => ({ number, statusCode: 405, status: 'InsufficientBalance' })),
    )) as FakeHandler,
  invalidPhoneNumber: {
    status: 201,
    body: { SMSMessageData: { Message: 'InvalidPhoneNumber', Recipients: [] } },
  } as FakeReply,
  authInvalid: { status: 401, body: 'The supplied authentication is invalid' } as FakeReply,
  badRequest: { status: 400, body: 'Request is missing required form field' } as FakeReply,
  serverError: { status: 500, body: 'Internal Server Error' } as FakeReply,
  tooManyRequests: { status: 429, body: 'Too Many Requests' } as FakeReply,
  hang: (delayMs: number): FakeReply => ({ ...atReply.serverError, delayMs }),
  resetConnection: { status: 0, destroy: true } as FakeReply,
};

const toHandler = (how: FakeHandler | FakeReply): FakeHandler =>
  typeof how === 'function' ? how : () => how;

export async function startFakeAtServer(): Promise<FakeAtServer> {
  const requests: RecordedRequest[] = [];
  const once: FakeHandler[] = [];
  let always: FakeHandler = atReply.sent;
  const timers = new Set<NodeJS.Timeout>();

  const answer = (res: http.ServerResponse, reply: FakeReply) => {
    if (res.destroyed || res.writableEnded) return;
    if (reply.destroy) {
      res.socket?.destroy();
      return;
    }
    const json = typeof reply.body === 'object' && reply.body !== null;
    const text = json
      ? JSON.stringify(reply.body)
      : typeof reply.body === 'string'
        ? reply.body
        : '';
    res.writeHead(reply.status, {
      'Content-Type': json ? 'application/json' : 'text/plain',
      'Content-Length': Buffer.byteLength(text),
      ...(reply.status >= 300 &&
        reply.status < 400 && { Location: 'http://127.0.0.2:9/elsewhere' }),
    });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(rawBody)),
        rawBody,
      };
      if (recorded.path === STATS_PATH) {
        if (recorded.method === 'DELETE') requests.length = 0;
        answer(res, { status: 200, body: statsOf(requests) });
        return;
      }
      requests.push(recorded);
      if (recorded.method !== 'POST' || recorded.path !== SMS_PATH) {
        answer(res, { status: 404, body: 'Not Found' });
        return;
      }
      const reply = (once.shift() ?? always)(recorded);
      if (!reply.delayMs) {
        answer(res, reply);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(res, reply);
      }, reply.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (how) => {
      always = toHandler(how);
    },
    replyOnce: (how) => {
      once.push(toHandler(how));
    },
    reset: () => {
      always = atReply.sent;
      once.length = 0;
      requests.length = 0;
    },
    countByMessage: () => {
      const counts = new Map<string, number>();
      for (const r of requests) {
        const m = r.form.message ?? '';
        counts.set(m, (counts.get(m) ?? 0) + 1);
      }
      return counts;
    },
    stats: () => statsOf(requests),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
