const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "3 minutes ago", "in 2 hours", "5 分前" in the UI language. Past a month the exact date reads
 * better than "7 weeks ago".
 */
export function formatRelativeTime(at: number, now: number, locale: string): string {
  const diff = at - now;
  const size = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (size < MINUTE) return format.format(Math.round(diff / 1000), 'second');
  if (size < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (size < 30 * DAY) return format.format(Math.round(diff / DAY), 'day');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}
