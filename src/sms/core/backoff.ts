/**
 * Retry timing for an SMS that one send failed temporarily (AT answered, but not for this message:
 * a recipient status 500/501, an unknown code). Outages and refused accounts are the circuit
 * breaker's business (src/sms/breaker.ts). Pure: randomness comes in as an argument.
 */

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;

/**
 * Pure. How long to wait before the next try after failed attempt number `attempt` (1-based):
 * a ceiling of 30 s x 2^(attempt-1), capped at 1 h, with "equal jitter" so that messages failing
 * together spread out: the delay is uniform in [ceiling/2, ceiling] as `random01` goes 0..1.
 */
export function retryDelayMs(attempt: number, random01: number): number {
  const n = Number.isFinite(attempt) ? Math.floor(attempt) : 1;
  const exponent = Math.min(Math.max(n - 1, 0), 30);
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
  const r = Number.isFinite(random01) ? Math.min(Math.max(random01, 0), 1) : 0.5;
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
