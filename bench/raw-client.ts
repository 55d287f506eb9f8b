/**
 * A lean HTTP/1.1 keep-alive client for the measured loop: one net.Socket per connection, the
 * request written as one buffer, the response read by Content-Length. node:http's client costs
 * more CPU per request than the servers under test, and the load generator shares their 2 cores:
 * every cycle it spends is taken from them and shows up as their latency.
 *
 * Only what the two servers send is understood (a status line, headers, a body of Content-Length
 * bytes); anything else (chunked bodies, a closed connection) is an error, never a guess.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

/** One answer: its status, its body as text, and the time to the whole of it. */
export interface Reply {
  status: number;
  text: string;
  ms: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

interface Waiting {
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
  start: number;
  timer: NodeJS.Timeout;
}

export class RawConnection {
  private socket: net.Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: Waiting | undefined;

  constructor(
    private readonly port: number,
    private readonly path: string,
    private readonly timeoutMs: number,
  ) {}

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: this.port, noDelay: true }, () =>
        resolve(socket),
      );
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (err) => {
        this.fail(err);
        reject(err);
      });
      socket.on('close', () => {
        this.socket = undefined;
        this.fail(new Error('connection closed by the server'));
      });
    });
  }

  private fail(err: Error): void {
    const w = this.waiting;
    if (!w) return;
    this.waiting = undefined;
    clearTimeout(w.timer);
    w.reject(err);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const w = this.waiting;
    if (!w) return;
    const end = this.buffer.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
    if (length === undefined) {
      this.socket?.destroy();
      this.fail(new Error(`no Content-Length in the response (${head.split('\r\n')[0]})`));
      return;
    }
    const total = end + HEADER_END.length + Number(length);
    if (this.buffer.length < total) return;
    const text = this.buffer.subarray(end + HEADER_END.length, total).toString('utf8');
    this.buffer = this.buffer.subarray(total);
    this.waiting = undefined;
    clearTimeout(w.timer);
    w.resolve({ status, text, ms: performance.now() - w.start });
  }

  async post(body: string): Promise<Reply> {
    this.socket ??= await this.connect();
    const socket = this.socket;
    const payload = Buffer.from(body, 'utf8');
    const request = Buffer.concat([
      Buffer.from(
        `POST ${this.path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\n` +
          'Content-Type: application/x-www-form-urlencoded\r\n' +
          `Content-Length: ${payload.length}\r\nConnection: keep-alive\r\n\r\n`,
        'latin1',
      ),
      payload,
    ]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        this.fail(new Error(`timeout after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting = { resolve, reject, start: performance.now(), timer };
      socket.write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }
}
