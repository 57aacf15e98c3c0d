/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): either whole seconds or an HTTP date. Returns the
 * delay in ms from `now` (0 for a date already past), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only dates that name a weekday and a time, as the three HTTP date formats do; Date.parse alone
  // would read "12" or "-1" as a date.
  if (!/^[A-Za-z]{3,9},? .*\d{1,2}:\d{2}:\d{2}/.test(text)) return undefined;
  // HTTP dates are always GMT; the asctime form does not say so, and Date.parse would read local time.
  const at = Date.parse(/(GMT|UTC|[+-]\d{4})$/i.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
