/**
 * The public figures' memory (src/figures/cache.ts): an answer is read once however many ask at
 * the same time, served from memory while young, read again in the background (one at a time)
 * near the end of its life while the kept one is still served, and never served once expired:
 * the next request waits for a new read. A failed background read keeps the old answer.
 */
import { keptAnswers } from '../../src/figures/cache';

const MINUTE = 60_000;

function setUp() {
  let t = 0;
  const errors: unknown[] = [];
  const kept = keptAnswers<string>({
    ttlMs: 5 * MINUTE,
    refreshAfterMs: 4 * MINUTE,
    now: () => t,
    onBackgroundError: (err) => errors.push(err),
  });
  let reads = 0;
  let answer = 'first';
  /** A read that answers when `release` is called (or at once with `auto`). */
  const pending: (() => void)[] = [];
  let auto = true;
  const read = () => {
    reads += 1;
    const value = answer;
    if (auto) return Promise.resolve(value);
    return new Promise<string>((resolve) => pending.push(() => resolve(value)));
  };
  return {
    kept,
    read,
    errors,
    reads: () => reads,
    set: (v: string) => (answer = v),
    at: (ms: number) => (t = ms),
    hold: () => (auto = false),
    release: () => {
      auto = true;
      for (const p of pending.splice(0)) p();
    },
  };
}

/** Lets the promises already settled run their callbacks. */
const settle = () => new Promise((r) => setImmediate(r));

test('when several ask at once for an answer not kept, then it is read once and all get it', async () => {
  const s = setUp();
  s.hold();

  const asked = [s.kept.get('a', s.read), s.kept.get('a', s.read), s.kept.get('a', s.read)];
  s.release();

  expect(await Promise.all(asked)).toEqual(['first', 'first', 'first']);
  expect(s.reads()).toBe(1);
});

test('when an answer is young, then it is served from memory without a read', async () => {
  const s = setUp();
  await s.kept.get('a', s.read);
  s.set('second');
  s.at(3 * MINUTE);

  expect(await s.kept.get('a', s.read)).toBe('first');
  expect(s.reads()).toBe(1);
});

test('when an answer nears the end of its life, then it is still served and read again in the background', async () => {
  const s = setUp();
  await s.kept.get('a', s.read);
  s.set('second');
  s.at(4 * MINUTE + 1);

  expect(await s.kept.get('a', s.read)).toBe('first');
  expect(await s.kept.get('a', s.read)).toBe('first');
  await settle();

  expect(s.reads()).toBe(2);
  expect(await s.kept.get('a', s.read)).toBe('second');
  // Read again at 4 min: young until 9 min.
  s.at(8 * MINUTE);
  expect(await s.kept.get('a', s.read)).toBe('second');
  expect(s.reads()).toBe(2);
});

test('when an answer has expired, then the next request waits for a new read', async () => {
  const s = setUp();
  await s.kept.get('a', s.read);
  s.set('second');
  s.at(5 * MINUTE);

  expect(await s.kept.get('a', s.read)).toBe('second');
  expect(s.reads()).toBe(2);
});

test('when several answers need reading in the background, then they are read one after another', async () => {
  const s = setUp();
  await s.kept.get('a', s.read);
  await s.kept.get('b', s.read);
  s.at(4 * MINUTE + 1);
  s.hold();

  await s.kept.get('a', s.read);
  await s.kept.get('b', s.read);
  await settle();

  expect(s.reads()).toBe(3);
  s.release();
  await settle();
  await settle();
  expect(s.reads()).toBe(4);
  s.release();
  await settle();
});

test('when a background read fails, then the kept answer is served until it expires and the failure is reported', async () => {
  const s = setUp();
  await s.kept.get('a', s.read);
  s.at(4 * MINUTE + 1);
  const failing = () => Promise.reject(new Error('busy'));

  expect(await s.kept.get('a', failing)).toBe('first');
  await settle();

  expect(s.errors).toEqual([new Error('busy')]);
  expect(await s.kept.get('a', s.read)).toBe('first');
});

test('when a read fails for a request that waits, then that request fails and the next one reads again', async () => {
  const s = setUp();

  await expect(s.kept.get('a', () => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
  expect(await s.kept.get('a', s.read)).toBe('first');
});
