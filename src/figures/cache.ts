/**
 * Answers kept in memory for a few minutes, for the public figures: a year of a region is a
 * pass over tens of thousands of complaints on a read worker, a page is then served from memory
 * in a millisecond. Each answer is read once however many ask at the same time (one read in
 * flight per key); while young it is served as kept; near the end of its life it is still
 * served while a new read runs in the background (background reads one after another, so a
 * country's 31 regions never fill the read queue at once); once expired it is never served: the
 * next request waits for a new read. The page says how old its figures are.
 */

export interface KeptOptions {
  /** How long an answer may be served after its read started. */
  ttlMs: number;
  /** From this age on, serving an answer also starts reading it again in the background. */
  refreshAfterMs: number;
  now: () => number;
  /** A background read failed: the kept answer stays until it expires. */
  onBackgroundError: (err: unknown) => void;
}

export interface Kept<T> {
  /** The answer for `key`: kept, or read by `read` (once for every caller asking meanwhile). */
  get(key: string, read: () => Promise<T>): Promise<T>;
}

export function keptAnswers<T>(o: KeptOptions): Kept<T> {
  const answers = new Map<string, { value: T; at: number }>();
  const reading = new Map<string, Promise<T>>();
  let background: Promise<unknown> = Promise.resolve();

  /** Forgets expired answers (keys of past days, categories since changed). */
  const sweep = (now: number) => {
    for (const [key, a] of answers) if (now - a.at >= o.ttlMs) answers.delete(key);
  };

  /** Reads `key` when `after` settles (or now), remembering the answer with its read's start. */
  const start = (key: string, read: () => Promise<T>, after?: Promise<unknown>): Promise<T> => {
    let at = 0;
    const run = () => {
      at = o.now();
      return read();
    };
    const p = (after ? after.then(run) : run())
      .then((value) => {
        sweep(o.now());
        answers.set(key, { value, at });
        return value;
      })
      .finally(() => reading.delete(key));
    reading.set(key, p);
    return p;
  };

  return {
    get(key, read) {
      const now = o.now();
      const kept = answers.get(key);
      const age = kept ? now - kept.at : Infinity;
      if (!kept || age >= o.ttlMs) return reading.get(key) ?? start(key, read);
      if (age >= o.refreshAfterMs && !reading.has(key)) {
        background = start(key, read, background).catch(o.onBackgroundError);
      }
      return Promise.resolve(kept.value);
    },
  };
}
