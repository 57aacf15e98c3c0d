// Dates as publishers write them, to ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) and a year.

// Month names by their first three letters, in calendar order.
const MONTH_PREFIXES = 'janfebmaraprmayjunjulaugsepoctnovdec';

const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:T.*|\s+\d{1,2}:.*)?$/;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i');
const MONTH_YEAR = new RegExp(`^${MONTH_NAME},?\\s+(\\d{4})$`, 'i');
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4})\\s+${MONTH_NAME}(?:\\s+(\\d{1,2}))?`, 'i');
// "12/17/2018" (PubMed, HighWire's citation_date): US order. "12/01/2015 00:00:00" on Pensoft is
// day first; a day above 12 settles it, otherwise US order is the common case.
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const JAPANESE = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/;

export interface IsoDate {
  date: string | null;
  year: number | null;
}

const NONE: IsoDate = { date: null, year: null };

/** "2019/03/05", "5 March 2019", "March 5, 2019", "2019-03", "Mar 2019", "2019", "2012 Nov 26" ... */
export function toIsoDate(raw: string): IsoDate {
  const s = raw.trim().replace(/\s+/g, ' ').slice(0, 100);
  if (!s) return NONE;
  let m = ISO.exec(s);
  if (m) return build(m[1], m[2], m[3]);
  m = JAPANESE.exec(s);
  if (m) return build(m[1], m[2], m[3]);
  m = YEAR_MONTH_DAY.exec(s);
  if (m) return build(m[1], monthNumber(m[2]), m[3]);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return build(m[3], monthNumber(m[2]), m[1]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return build(m[3], monthNumber(m[1]), m[2]);
  m = MONTH_YEAR.exec(s);
  if (m) return build(m[2], monthNumber(m[1]));
  m = SLASHED.exec(s);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    return first > 12 ? build(m[3], m[2], m[1]) : build(m[3], m[1], String(second));
  }
  return NONE;
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTH_PREFIXES.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index < 0 || index % 3 !== 0 ? undefined : String(index / 3 + 1);
}

function build(yearText: string | undefined, monthText?: string, dayText?: string): IsoDate {
  const year = Number(yearText);
  if (!Number.isInteger(year) || year < 1000 || year > 3000) return NONE;
  const month = Number(monthText);
  if (!monthText || !Number.isInteger(month) || month < 1 || month > 12) return { date: String(year), year };
  const yyyyMm = `${year}-${String(month).padStart(2, '0')}`;
  const day = Number(dayText);
  if (!dayText || !Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return { date: yyyyMm, year };
  return { date: `${yyyyMm}-${String(day).padStart(2, '0')}`, year };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Dates no one published on: the Unix epoch, and days after `now` (stale or placeholder tags).
 * A bare year in the future is also implausible.
 */
export function isPlaceholderDate(iso: string, now: Date = new Date()): boolean {
  if (iso.startsWith('1970-01-01') || iso === '1900-01-01' || iso.startsWith('0001')) return true;
  const year = Number(iso.slice(0, 4));
  if (year > now.getUTCFullYear()) return true;
  return iso.length === 10 && Date.parse(`${iso}T00:00:00Z`) > now.getTime() + 86_400_000;
}
