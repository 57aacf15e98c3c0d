import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../lib/sync/retry-after';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:05:00 GMT', NOW)).toBe(300_000);
    // The obsolete RFC 850 and asctime forms are still valid HTTP dates.
    expect(parseRetryAfter('Monday, 23-Nov-26 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Mon Nov 23 12:00:30 2026', NOW)).toBe(30_000);
  });

  it('treats a date in the past as now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is absent or unreadable', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '1.5', 'Mon, 99 Foo 2026 12:00:00 GMT', '1e3'])
      expect(parseRetryAfter(value, NOW), String(value)).toBeUndefined();
  });
});
