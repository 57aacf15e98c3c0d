const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Building an Intl formatter costs far more than formatting with one, and every row of a list of
// a hundred is formatted again at each queue update: one formatter per locale, kept.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter kept for `locale`, made on first use. */
function kept<T>(formats: Map<string, T>, locale: string, make: () => T): T {
  let format = formats.get(locale);
  if (!format) {
    format = make();
    formats.set(locale, format);
  }
  return format;
}

const relativeFormat = (locale: string) =>
  kept(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

const dateFormat = (locale: string) =>
  kept(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));

/**
 * "3 minutes ago", "in 2 hours", "5 分前" in the UI language. Past a month the exact date reads
 * better than "7 weeks ago".
 */
export function formatRelativeTime(at: number, now: number, locale: string): string {
  const diff = at - now;
  const size = Math.abs(diff);
  const format = relativeFormat(locale);
  if (size < MINUTE) return format.format(Math.round(diff / 1000), 'second');
  if (size < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (size < 30 * DAY) return format.format(Math.round(diff / DAY), 'day');
  return dateFormat(locale).format(at);
}
