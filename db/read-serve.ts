/**
 * A read worker's loop (the worker side of db/read-pool.ts): opens the database read-only, then
 * runs each job the main thread sends with the dependencies `depsAt` builds for the main
 * thread's clock at dispatch. Ask jobs run to their end at once; a stream job posts its head,
 * then its body in chunks of about 64 KB, at most two ahead of what the main thread wrote, so
 * other jobs run between its chunks. A job that throws is answered with the error; the worker
 * carries on. The thread runs at a lower priority than the main one (NICE).
 */
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { Jobs, StreamJob } from './reads';

export interface WireError {
  message: string;
  name?: string;
  code?: string;
  stack?: string;
}

/** A job for a worker: its kind, plain arguments, and the main thread's clock when sent. */
export interface JobMessage {
  t: 'ask' | 'stream';
  id: number;
  kind: string;
  args: unknown;
  at: number;
}

export type ToWorker =
  JobMessage | { t: 'more'; id: number } | { t: 'cancel'; id: number } | { t: 'stop' };

export type ToMain =
  | { t: 'done' | 'head'; id: number; value: unknown }
  | { t: 'chunk'; id: number; data: Uint8Array }
  | { t: 'end'; id: number }
  | { t: 'failed'; id: number; error: WireError };

/**
 * Read workers run at a lower priority than the thread that answers Africa's Talking: on a
 * busy machine the scheduler gives the event loop its turn first and the readers take the
 * rest (they still run: nice 10 weighs about a tenth of nice 0).
 */
const NICE = 10;

/** Lowers this thread's priority (Linux: nice is per thread; its id is in /proc/thread-self). */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid) && tid > 0) os.setPriority(tid, NICE);
  } catch {
    // Not Linux, or not allowed: the threads then share the processors evenly.
  }
}

const CHUNK_BYTES = 64 * 1024;
const AHEAD = 2;

const wire = (err: unknown): WireError => {
  const e: Error & { code?: unknown } = err instanceof Error ? err : new Error(String(err));
  return {
    message: e.message,
    name: e.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
};

interface Running {
  credit(): void;
  cancel(): void;
}

/** Serves `jobs` until the main thread says stop; `close` then releases the connection. */
export function serveReads<D>(jobs: Jobs<D>, depsAt: (at: number) => D, close: () => void): void {
  const port = parentPort;
  if (!port) throw new Error('serveReads runs in a worker thread');
  lowerPriority();
  const post = (m: ToMain, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer ?? []);
  const streams = new Map<number, Running>();

  async function stream(id: number, job: StreamJob<D, unknown, unknown>, deps: D, args: unknown) {
    let ahead = 0;
    let cancelled = false;
    let waiting: (() => void) | undefined;
    const release = () => {
      const w = waiting;
      waiting = undefined;
      w?.();
    };
    streams.set(id, {
      credit: () => {
        ahead--;
        release();
      },
      cancel: () => {
        cancelled = true;
        release();
      },
    });
    let parts: Buffer[] = [];
    let size = 0;
    const flush = async () => {
      const data = Buffer.concat(parts);
      parts = [];
      size = 0;
      const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      post({ t: 'chunk', id, data }, owned ? [data.buffer] : []);
      ahead++;
      while (ahead >= AHEAD && !cancelled) await new Promise<void>((r) => (waiting = r));
    };
    try {
      const { head, body } = job.stream(deps, args);
      post({ t: 'head', id, value: head });
      for await (const piece of body) {
        if (cancelled) break;
        const b = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece);
        parts.push(b);
        size += b.length;
        if (size >= CHUNK_BYTES) await flush();
      }
      if (size > 0 && !cancelled) await flush();
      post({ t: 'end', id });
    } catch (err) {
      post({ t: 'failed', id, error: wire(err) });
    } finally {
      streams.delete(id);
    }
  }

  port.on('message', (m: ToWorker) => {
    if (m.t === 'stop') {
      close();
      port.close();
      return;
    }
    if (m.t === 'more') {
      streams.get(m.id)?.credit();
      return;
    }
    if (m.t === 'cancel') {
      streams.get(m.id)?.cancel();
      return;
    }
    const job = jobs[m.kind];
    try {
      if (!job) throw new Error(`no read job ${m.kind}`);
      const deps = depsAt(m.at);
      if (m.t === 'ask' && 'ask' in job) {
        post({ t: 'done', id: m.id, value: job.ask(deps, m.args) as unknown });
      } else if (m.t === 'stream' && 'stream' in job) {
        void stream(m.id, job, deps, m.args);
      } else throw new Error(`${m.kind} is not a${m.t === 'ask' ? 'n ask' : ' stream'} job`);
    } catch (err) {
      post({ t: 'failed', id: m.id, error: wire(err) });
    }
  });
}
