/**
 * The main thread's end of a stream job (db/read-pool.ts): the chunks a worker sent and not yet
 * written, handed out as an async iterable. Each chunk taken gives the worker one credit back;
 * it never has more than a few chunks in flight, so a slow client slows the worker's reading
 * instead of filling memory. Breaking off the iteration (the client left) cancels the job.
 */
import type { ToMain, ToWorker, WireError } from './read-serve';

/** An Error from its description on the wire. */
export function failure(e: WireError): Error {
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name ?? 'Error';
  if (e.code) err.code = e.code;
  if (e.stack) err.stack = e.stack;
  return err;
}

export class StreamState {
  /** The head arrived (the caller got its answer; later trouble ends the body). */
  started = false;
  private readonly chunks: Uint8Array[] = [];
  private over = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;
  private post: ((m: ToWorker) => void) | undefined;

  constructor(readonly id: number) {}

  /** The worker it runs on. */
  attach(post: (m: ToWorker) => void): void {
    this.post = post;
  }

  /** A message from the worker; true once the stream is over (ended, failed or cancelled). */
  receive(m: ToMain | { t: 'failed'; id: number; error: Error }): boolean {
    if (m.t === 'head') this.started = true;
    else if (m.t === 'chunk') this.chunks.push(m.data);
    else if (m.t === 'end') this.over = true;
    else if (m.t === 'failed') {
      this.error = m.error instanceof Error ? m.error : failure(m.error);
      this.over = true;
    }
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    return this.over && (m.t === 'end' || m.t === 'failed');
  }

  /** The next chunk, or undefined at the end; throws what the job threw. */
  async next(): Promise<Uint8Array | undefined> {
    while (this.chunks.length === 0 && !this.over) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const chunk = this.chunks.shift();
    if (chunk) {
      this.post?.({ t: 'more', id: this.id });
      return chunk;
    }
    if (this.error) throw this.error;
    return undefined;
  }

  /** Stops the job (the client left); the worker answers with its end. */
  cancel(): void {
    if (this.over) return;
    this.post?.({ t: 'cancel', id: this.id });
  }
}

/** The body of a stream job, as the caller reads it. */
export async function* chunksOf(s: StreamState): AsyncGenerator<Uint8Array> {
  let finished = false;
  try {
    for (;;) {
      const chunk = await s.next();
      if (!chunk) {
        finished = true;
        return;
      }
      yield chunk;
    }
  } finally {
    if (!finished) s.cancel();
  }
}
