/**
 * The fake Africa's Talking SMS API (test/fakes/fake-at-server.ts) in a process of its own, with a
 * switch: a second loopback port takes POST /down (the API answers HTTP 503, or with `?how=reset`
 * drops every connection), POST /up, POST /delay?ms=N (answers while up take that long) and
 * GET /counts. "Accepted" is what real AT would send: a request that arrived while the API was up,
 * counted per message body when it arrives, whether or not the sender lived to read the answer.
 * Prints `listening <api url> <control url>`; exits on SIGTERM or when its stdin closes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { atReply, startFakeAtServer, type FakeReply } from '../fakes/fake-at-server';

export interface SwitchCounts {
  /** Requests accepted, per message body. */
  accepted: Record<string, number>;
  /** When each accepted request arrived (Date.now() in this process: same clock as the test). */
  acceptedAt: number[];
  /** Requests answered with an outage (503 or a dropped connection). */
  refused: number;
  /** When the API was last switched up / down (null: never). */
  upAt: number | null;
  downAt: number | null;
}

async function main(): Promise<void> {
  const fake = await startFakeAtServer();
  let down: 'no' | '503' | 'reset' = 'no';
  let delayMs = 0;
  const counts: SwitchCounts = {
    accepted: {},
    acceptedAt: [],
    refused: 0,
    upAt: null,
    downAt: null,
  };

  fake.reply((req): FakeReply => {
    if (down !== 'no') {
      counts.refused += 1;
      return down === 'reset'
        ? atReply.resetConnection
        : { status: 503, body: 'Service Unavailable' };
    }
    const body = req.form.message ?? '';
    counts.accepted[body] = (counts.accepted[body] ?? 0) + 1;
    counts.acceptedAt.push(Date.now());
    return { ...atReply.sent(req), ...(delayMs > 0 ? { delayMs } : {}) };
  });

  const control = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    if (req.method === 'POST' && url.pathname === '/down') {
      down = url.searchParams.get('how') === 'reset' ? 'reset' : '503';
      counts.downAt = Date.now();
      return reply(200, { down });
    }
    if (req.method === 'POST' && url.pathname === '/up') {
      down = 'no';
      counts.upAt = Date.now();
      return reply(200, { upAt: counts.upAt });
    }
    if (req.method === 'POST' && url.pathname === '/delay') {
      delayMs = Number(url.searchParams.get('ms') ?? 0);
      return reply(200, { delayMs });
    }
    if (req.method === 'GET' && url.pathname === '/counts') return reply(200, counts);
    reply(404, { error: 'unknown control' });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  process.stdout.write(`listening ${fake.url} http://127.0.0.1:${port}\n`);

  const stop = () => {
    control.closeAllConnections();
    control.close();
    void fake.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
}

void main();
