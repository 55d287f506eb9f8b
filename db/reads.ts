/**
 * Reads as named jobs, so that the same code answers on the main thread or in a read worker
 * (db/read-pool.ts). A job is a function of its dependencies and plain arguments: an `ask` job
 * returns a value (a rendered page, a document); a `stream` job returns a head (status, file
 * name...) and a body read chunk by chunk (a CSV export), pulled only as fast as it is written.
 * Arguments, values and heads cross threads by structured clone: plain data only, no functions.
 *
 * The callers see `Reads`: `inThread` runs the jobs on the caller's own connection (tests on
 * `:memory:`, which a second connection cannot open); `throughPool` sends them to the workers.
 */
export interface Streamed<H> {
  head: H;
  body: AsyncIterable<string | Uint8Array>;
}

export type AskJob<D, A, R> = { ask: (deps: D, args: A) => R };
export type StreamJob<D, A, H> = { stream: (deps: D, args: A) => Streamed<H> };

/* eslint-disable @typescript-eslint/no-explicit-any -- a job table's own types are checked where it is written */
export type Jobs<D> = Record<string, AskJob<D, any, any> | StreamJob<D, any, any>>;
type AskKinds<J> = { [K in keyof J]: J[K] extends { ask: any } ? K : never }[keyof J] & string;
type StreamKinds<J> = { [K in keyof J]: J[K] extends { stream: any } ? K : never }[keyof J] &
  string;
type ArgsOf<F> = F extends { ask: (d: any, a: infer A) => any }
  ? A
  : F extends { stream: (d: any, a: infer A) => any }
    ? A
    : never;
type ValueOf<F> = F extends { ask: (d: any, a: any) => infer R } ? Awaited<R> : never;
type HeadOf<F> = F extends { stream: (d: any, a: any) => Streamed<infer H> } ? H : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface Reads<J> {
  /** Runs an ask job; `signal` drops it while it still waits for a worker (the client left). */
  ask<K extends AskKinds<J>>(
    kind: K,
    args: ArgsOf<J[K]>,
    signal?: AbortSignal,
  ): Promise<ValueOf<J[K]>>;
  /** Starts a stream job: resolves with its head; breaking off the body cancels the job. */
  stream<K extends StreamKinds<J>>(
    kind: K,
    args: ArgsOf<J[K]>,
    signal?: AbortSignal,
  ): Promise<Streamed<HeadOf<J[K]>>>;
}

/**
 * More reads are waiting than the pool's queue holds: the caller answers "busy, try again"
 * (HTTP 503 with Retry-After) rather than letting the queue, and every wait in it, grow.
 */
export class ReadsBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('every read worker is busy and the queue is full');
    this.name = 'ReadsBusy';
  }
}

/** What a pool runs: a job of any kind by name, at the main thread's `at` (its clock). */
export interface JobRunner {
  ask(kind: string, args: unknown, at: number, signal?: AbortSignal): Promise<unknown>;
  stream(kind: string, args: unknown, at: number, signal?: AbortSignal): Promise<Streamed<unknown>>;
}

/** The jobs `jobs` on the caller's own thread and connection (`deps`). */
export function inThread<D, J extends Jobs<D>>(jobs: J, deps: D): Reads<J> {
  const job = (kind: string) => {
    const found = jobs[kind];
    if (!found) throw new Error(`no read job ${kind}`);
    return found;
  };
  return {
    ask: (kind, args) => {
      const j = job(kind);
      if (!('ask' in j)) return Promise.reject(new Error(`${kind} is not an ask job`));
      // Later, like a worker's answer: never inside the caller's own synchronous step.
      return Promise.resolve().then(() => j.ask(deps, args) as never);
    },
    stream: (kind, args) => {
      const j = job(kind);
      if (!('stream' in j)) return Promise.reject(new Error(`${kind} is not a stream job`));
      return Promise.resolve().then(() => j.stream(deps, args) as never);
    },
  };
}

/** The jobs `prefix.<kind>` of a pool, stamped with the main thread's clock. */
export function throughPool<J>(pool: JobRunner, prefix: string, now: () => number): Reads<J> {
  return {
    ask: (kind, args, signal) =>
      pool.ask(`${prefix}.${kind}`, args, now(), signal) as Promise<never>,
    stream: (kind, args, signal) =>
      pool.stream(`${prefix}.${kind}`, args, now(), signal) as Promise<never>,
  };
}

/** `jobs` named `prefix.<kind>`, each given its part of a worker's dependencies (`part`). */
export function prefixed<O, D>(prefix: string, jobs: Jobs<D>, part: (outer: O) => D): Jobs<O> {
  const out: Jobs<O> = {};
  for (const [kind, job] of Object.entries(jobs)) {
    out[`${prefix}.${kind}`] =
      'ask' in job
        ? { ask: (o: O, args: unknown) => job.ask(part(o), args) as unknown }
        : { stream: (o: O, args: unknown) => job.stream(part(o), args) };
  }
  return out;
}

/**
 * A job table run on this thread behind the pool's interface, with the dependencies `depsAt`
 * gives for each job's clock: to compare the pool with the same jobs run here.
 */
export function inThreadRunner<D>(jobs: Jobs<D>, depsAt: (at: number) => D): JobRunner {
  const job = (kind: string) => {
    const found = jobs[kind];
    if (!found) throw new Error(`no read job ${kind}`);
    return found;
  };
  return {
    ask: (kind, args, at) =>
      Promise.resolve().then(() => {
        const j = job(kind);
        if (!('ask' in j)) throw new Error(`${kind} is not an ask job`);
        return j.ask(depsAt(at), args) as unknown;
      }),
    stream: (kind, args, at) =>
      Promise.resolve().then(() => {
        const j = job(kind);
        if (!('stream' in j)) throw new Error(`${kind} is not a stream job`);
        return j.stream(depsAt(at), args);
      }),
  };
}
