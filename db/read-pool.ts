/**
 * Reads off the event loop. The loop that answers Africa's Talking must only run short work; a
 * console page, a dashboard, an export or an Open311 page can take tens or hundreds of
 * milliseconds. They run here instead: `size` worker threads, each with its own read-only
 * connection to the database file (WAL: readers never wait for the writer nor hold it up),
 * running the named jobs of `entry` (db/read-serve.ts's loop). A worker runs one ask job at a
 * time; stream jobs (exports) interleave with them chunk by chunk. Jobs wait in one queue of at
 * most `queue`; past it they are refused at once with ReadsBusy, never dropped silently.
 *
 * `entry` is a module path: TypeScript under tsx and jest (the worker registers tsx's loader
 * first), compiled JavaScript in production (dist/).
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { ReadsBusy, type JobRunner, type Streamed } from './reads';
import type { JobMessage, ToMain, ToWorker } from './read-serve';
import { chunksOf, failure, StreamState } from './read-stream';

export interface ReadPoolOptions {
  /** The worker module (it calls serveReads). */
  entry: string;
  /** Its workerData: the database file and what its jobs need (structured-cloned). */
  data: unknown;
  size: number;
  queue: number;
  logger: Logger;
  /** Seconds a refused caller is told to wait (Retry-After). */
  retryAfterSeconds?: number;
}

export interface ReadPool extends JobRunner {
  /** Workers alive and jobs waiting (readiness, metrics). */
  health(): { workers: number; size: number; queued: number; running: number };
  stop(): Promise<void>;
}

type Pending = {
  id: number;
  message: JobMessage;
  resolve: (v: unknown) => void;
  reject: (err: unknown) => void;
  stream?: StreamState;
};

interface Slot {
  worker: Worker;
  asking?: Pending;
  streams: Map<number, Pending>;
  started: number;
}

/** Stream jobs a worker interleaves with its ask jobs. */
const STREAMS_PER_WORKER = 2;

/** How the worker's eval'd bootstrap loads a TypeScript entry (tsx, jest) or a built one. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
require(workerData.entry);
`;

export function createReadPool(o: ReadPoolOptions): ReadPool {
  const slots: Slot[] = [];
  const waiting: Pending[] = [];
  let nextId = 1;
  let stopping = false;
  const tsx = /\.tsx?$/.test(o.entry) ? require.resolve('tsx/cjs/api') : undefined;

  const settle = (p: Pending, err?: unknown, value?: unknown) => {
    if (err) p.reject(err);
    else p.resolve(value);
  };

  const onMessage = (slot: Slot, m: ToMain) => {
    const p = slot.asking?.id === m.id ? slot.asking : slot.streams.get(m.id);
    if (!p) return;
    if (m.t === 'done' || (m.t === 'failed' && !p.stream)) {
      slot.asking = undefined;
      settle(
        p,
        m.t === 'failed' ? failure(m.error) : undefined,
        m.t === 'done' ? m.value : undefined,
      );
    } else if (p.stream) {
      const finished = p.stream.receive(m);
      if (m.t === 'head') settle(p, undefined, { head: m.value, body: chunksOf(p.stream) });
      if (m.t === 'failed' && !p.stream.started) settle(p, failure(m.error));
      if (finished) slot.streams.delete(m.id);
    }
    dispatch();
  };

  const spawn = (): Slot => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: o.entry, tsx, data: o.data },
    });
    const slot: Slot = { worker, streams: new Map(), started: performance.now() };
    worker.on('message', (m: ToMain) => onMessage(slot, m));
    worker.on('error', (err) => o.logger.error({ err }, 'read worker failed'));
    worker.once('exit', (code) => {
      const lost = [...(slot.asking ? [slot.asking] : []), ...slot.streams.values()];
      for (const p of lost) {
        const err = new Error(`read worker stopped (exit ${code}) during the job`);
        if (p.stream?.started) p.stream.receive({ t: 'failed', id: p.id, error: err });
        else settle(p, err);
      }
      slots.splice(slots.indexOf(slot), 1);
      if (stopping) return;
      o.logger.error({ code }, 'read worker stopped: starting another');
      // A worker that cannot even start would otherwise be restarted in a tight loop.
      const soon = performance.now() - slot.started < 5000;
      setTimeout(
        () => {
          if (!stopping) slots.push(spawn());
          dispatch();
        },
        soon ? 5000 : 0,
      ).unref();
    });
    return slot;
  };

  function place(p: Pending): Slot | undefined {
    if (p.message.t === 'ask') return slots.find((s) => !s.asking);
    const free = slots.filter((s) => s.streams.size < STREAMS_PER_WORKER);
    return free.sort((a, b) => a.streams.size - b.streams.size)[0];
  }

  function dispatch(): void {
    for (let i = 0; i < waiting.length;) {
      const p = waiting[i] as Pending;
      const slot = place(p);
      if (!slot) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      try {
        // Arguments that cannot be cloned (a programmer's error) throw here, for this job alone.
        slot.worker.postMessage(p.message);
      } catch (err) {
        p.reject(err);
        continue;
      }
      if (p.message.t === 'ask') slot.asking = p;
      else {
        slot.streams.set(p.id, p);
        p.stream?.attach((m) => slot.worker.postMessage(m));
      }
    }
  }

  function enqueue(message: JobMessage, p: Omit<Pending, 'id' | 'message'>, signal?: AbortSignal) {
    if (stopping) throw new Error('the read pool is stopping');
    if (waiting.length >= o.queue) throw new ReadsBusy(o.retryAfterSeconds ?? 2);
    const pending = { ...p, id: message.id, message };
    waiting.push(pending);
    signal?.addEventListener(
      'abort',
      () => {
        const at = waiting.indexOf(pending);
        if (at >= 0) {
          waiting.splice(at, 1);
          pending.reject(signal.reason);
        }
      },
      { once: true },
    );
    dispatch();
  }

  for (let i = 0; i < o.size; i++) slots.push(spawn());

  return {
    ask: (kind, args, at, signal) =>
      new Promise((resolve, reject) =>
        enqueue({ t: 'ask', id: nextId++, kind, args, at }, { resolve, reject }, signal),
      ),
    stream: (kind, args, at, signal) =>
      new Promise<Streamed<unknown>>((resolve, reject) => {
        const id = nextId++;
        const stream = new StreamState(id);
        enqueue(
          { t: 'stream', id, kind, args, at },
          { resolve: resolve as never, reject, stream },
          signal,
        );
      }),
    health: () => ({
      workers: slots.length,
      size: o.size,
      queued: waiting.length,
      running: slots.filter((s) => s.asking).length + slots.reduce((n, s) => n + s.streams.size, 0),
    }),
    async stop() {
      stopping = true;
      for (const p of waiting.splice(0)) p.reject(new Error('the read pool stopped'));
      await Promise.all(
        slots.map(async (s) => {
          const exited = new Promise((r) => s.worker.once('exit', r));
          s.worker.postMessage({ t: 'stop' } satisfies ToWorker);
          const kill = setTimeout(() => void s.worker.terminate(), 2000).unref();
          await exited;
          clearTimeout(kill);
        }),
      );
    },
  };
}
