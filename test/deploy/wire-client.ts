/**
 * A keep-alive HTTP/1.1 client for the shutdown test: one socket, one request at a time, the answer
 * read by Content-Length (all Kero sends). Unlike a pooled client it says exactly what happened to
 * each request: never written (the connection was refused), written and answered (with the time of
 * the write), or written and left without a complete answer.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export type Outcome =
  | { kind: 'answered'; status: number; text: string; connectionClose: boolean }
  | { kind: 'refused'; error: string }
  | { kind: 'broken'; error: string };

export interface Sent {
  /** performance.now() just before the request was written; undefined if it never was. */
  writtenAt: number | undefined;
  /** performance.now() when the outcome was known. */
  endedAt: number;
  outcome: Outcome;
}

const HEADER_END = '\r\n\r\n';

export class WireConnection {
  private socket: net.Socket | undefined;

  constructor(
    private readonly port: number,
    private readonly path: string,
    private readonly timeoutMs = 15_000,
  ) {}

  /** Posts a form body; reconnects first if the server closed the previous connection. */
  async post(body: string): Promise<Sent> {
    if (!this.socket) {
      try {
        this.socket = await this.connect();
      } catch (err) {
        const outcome: Outcome = { kind: 'refused', error: String(err) };
        return { writtenAt: undefined, endedAt: performance.now(), outcome };
      }
    }
    const socket = this.socket;
    const payload = Buffer.from(body);
    const head =
      `POST ${this.path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\n` +
      'Content-Type: application/x-www-form-urlencoded\r\n' +
      `Content-Length: ${payload.length}\r\n\r\n`;
    const answer = this.readAnswer(socket);
    const writtenAt = performance.now();
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
    const outcome = await answer;
    if (outcome.kind !== 'answered' || outcome.connectionClose) this.close();
    return { writtenAt, endedAt: performance.now(), outcome };
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: this.port, noDelay: true });
      socket.once('connect', () => resolve(socket));
      socket.once('error', reject);
      // Later errors reach the request in flight through readAnswer.
      socket.on('error', () => undefined);
      // A connection the server ended is not reused.
      socket.once('end', () => {
        if (this.socket === socket) this.socket = undefined;
      });
    });
  }

  private readAnswer(socket: net.Socket): Promise<Outcome> {
    return new Promise((resolve) => {
      let buffer = Buffer.alloc(0);
      const done = (outcome: Outcome) => {
        clearTimeout(timer);
        socket.off('data', onData).off('error', onEnd).off('close', onEnd);
        resolve(outcome);
      };
      const timer = setTimeout(() => done({ kind: 'broken', error: 'timeout' }), this.timeoutMs);
      const onEnd = (err?: unknown) =>
        done({ kind: 'broken', error: err instanceof Error ? err.message : 'closed' });
      const onData = (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
        const start = end + HEADER_END.length;
        if (Number.isNaN(length)) return done({ kind: 'broken', error: `no length: ${head}` });
        if (buffer.length < start + length) return;
        done({
          kind: 'answered',
          status: Number(head.slice(9, 12)),
          text: buffer.subarray(start, start + length).toString('utf8'),
          connectionClose: /\r\nconnection: *close/i.test(head),
        });
      };
      socket.on('data', onData).on('error', onEnd).on('close', onEnd);
    });
  }
}
