import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  RETRY_AFTER_CAP_MS,
  retryDelayMs,
} from '../../../lib/sync/backoff';

/** A seeded generator (mulberry32), so "random" delays are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('backoffDelayMs', () => {
  it('starts at the base and doubles its ceiling per failure up to the cap', () => {
    const lowest = () => 0;
    const highest = () => 0.999999;
    expect(backoffDelayMs(1, highest)).toBe(BACKOFF_BASE_MS);
    const ceilings = [1, 2, 3, 4, 5, 10, 50].map((n) => backoffDelayMs(n, highest));
    expect(ceilings).toEqual(
      [2_000, 4_000, 8_000, 16_000, 32_000, 900_000, 900_000].map((ms) => expect.closeTo(ms, -1)),
    );
    for (const n of [1, 5, 30]) expect(backoffDelayMs(n, lowest)).toBe(BACKOFF_BASE_MS);
  });

  it('spreads delays over the whole window (full jitter) with a seeded random', () => {
    const random = seeded(42);
    const delays = Array.from({ length: 1000 }, () => backoffDelayMs(6, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);
    expect(Math.max(...delays)).toBeLessThanOrEqual(64_000);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(30_000);
    expect(mean).toBeLessThan(36_000);
    expect(new Set(delays).size).toBeGreaterThan(900);
    // Same seed, same schedule.
    expect(Array.from({ length: 5 }, () => backoffDelayMs(6, seeded(7)))).toEqual(
      Array(5).fill(backoffDelayMs(6, seeded(7))),
    );
  });

  it('never exceeds the cap, however many failures', () => {
    const random = seeded(1);
    for (let n = 1; n < 200; n++) expect(backoffDelayMs(n, random)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });
});

describe('retryDelayMs', () => {
  it('uses the backoff when the server gave no Retry-After', () => {
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(backoffDelayMs(3, () => 0.5));
  });

  it("honours the server's Retry-After, within the floor and an hour", () => {
    expect(retryDelayMs(1, 120_000)).toBe(120_000);
    expect(retryDelayMs(9, 5_000)).toBe(5_000);
    expect(retryDelayMs(1, 0)).toBe(BACKOFF_BASE_MS);
    expect(retryDelayMs(1, 86_400_000)).toBe(RETRY_AFTER_CAP_MS);
  });
});
