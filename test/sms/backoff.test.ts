/** Retry delays: exponential from 30 s, capped at 1 h, equal jitter from the injected random. */
import { RETRY_CAP_MS, retryDelayMs } from '../../src/sms/core/backoff';

test.each([
  // attempt, random01, delay
  [1, 0, 15_000],
  [1, 0.5, 22_500],
  [1, 1, 30_000],
  [2, 0, 30_000],
  [2, 1, 60_000],
  [3, 0.5, 90_000],
  [6, 1, 960_000],
  [7, 1, 1_920_000],
  [8, 1, RETRY_CAP_MS],
  [8, 0, RETRY_CAP_MS / 2],
  [50, 0.5, 2_700_000],
  [0, 1, 30_000],
  [Number.NaN, 1, 30_000],
  [1, Number.NaN, 22_500],
  [1, -3, 15_000],
  [1, 7, 30_000],
])('when attempt %p failed with random %p, then the delay is %p ms', (attempt, r, delay) => {
  expect(retryDelayMs(attempt, r)).toBe(delay);
});

test('when attempts go up, then the delay never goes down and never passes 1 h', () => {
  let previous = 0;
  for (let attempt = 1; attempt <= 40; attempt++) {
    const delay = retryDelayMs(attempt, 0.99);
    expect(delay).toBeGreaterThanOrEqual(previous);
    expect(delay).toBeLessThanOrEqual(RETRY_CAP_MS);
    previous = delay;
  }
});
