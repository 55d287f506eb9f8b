/**
 * prepareGracefulClose on a bare node:http server: what a client sees of a closing server on a
 * keep-alive connection and on a new one.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { prepareGracefulClose, type GracefulClose } from '../../src/http/graceful-close';
import { WireConnection } from '../deploy/wire-client';

interface TestServer {
  port: number;
  closing: GracefulClose;
  /** Answers the held POST /slow requests. */
  release(): void;
}

async function startServer(idleGraceMs: number): Promise<TestServer> {
  const held: http.ServerResponse[] = [];
  const answer = (res: http.ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 6 });
    res.end('END ok');
  };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => (req.url === '/slow' ? held.push(res) : answer(res)));
  });
  const closing = prepareGracefulClose(server, idleGraceMs);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, closing, release: () => held.splice(0).forEach(answer) };
}

describe('graceful close of the HTTP server', () => {
  test('when a request is unanswered at close, then it is answered with Connection: close, a new connection is refused, and close waits for it', async () => {
    const server = await startServer(50);
    const slow = new WireConnection(server.port, '/slow');
    const pending = slow.post('a=1');
    await new Promise((r) => setTimeout(r, 50));
    let closed = false;
    const closing = server.closing.close().then(() => (closed = true));
    const late = await new WireConnection(server.port, '/fast').post('a=1');
    expect(late.outcome.kind).toBe('refused');
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    server.release();
    expect((await pending).outcome).toEqual({
      kind: 'answered',
      status: 200,
      text: 'END ok',
      connectionClose: true,
    });
    await closing;
  });

  test('when a keep-alive connection is idle at close, then its next request within the grace is answered with Connection: close', async () => {
    const server = await startServer(200);
    const conn = new WireConnection(server.port, '/fast');
    expect((await conn.post('a=1')).outcome).toMatchObject({ connectionClose: false });
    const closing = server.closing.close();
    expect((await conn.post('a=2')).outcome).toMatchObject({ status: 200, connectionClose: true });
    await closing;
  });

  test('when a keep-alive connection stays idle, then it is closed after the grace and close resolves', async () => {
    const server = await startServer(50);
    const conn = new WireConnection(server.port, '/fast');
    await conn.post('a=1');
    await server.closing.close();
    expect((await conn.post('a=2')).outcome.kind).toMatch(/refused|broken/);
    conn.close();
  });
});
