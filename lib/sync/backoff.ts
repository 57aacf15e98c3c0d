// When to try again after a failure. Exponential backoff with full jitter ("Exponential Backoff
// and Jitter", AWS Architecture Blog, 2015): many browsers that lost the same endpoint at the same
// moment spread out instead of returning together, over a floor so no retry is immediate.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/** The longest wait a server's Retry-After can impose: beyond it the user would think it stuck. */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;

/**
 * Delay before attempt `failures + 1`, after `failures` failed attempts (1 or more): uniform
 * between the base and min(cap, base · 2^(failures-1)); `random` returns [0, 1).
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(BACKOFF_BASE_MS + random() * (ceiling - BACKOFF_BASE_MS));
}

/**
 * The wait before the next attempt. A server's Retry-After is honoured as given (it knows when it
 * will be back), but never below the backoff base (a "Retry-After: 0" loop would hammer it) and
 * never above an hour; without one, backoff.
 */
export function retryDelayMs(failures: number, retryAfterMs: number | undefined, random: () => number = Math.random) {
  if (retryAfterMs === undefined) return backoffDelayMs(failures, random);
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(BACKOFF_BASE_MS, retryAfterMs));
}
