// Small conversions every reader shares.
import { type IsoDate, isPlaceholderDate, toIsoDate } from './dates';

/** The first of several raw dates that parses and could be true; else the first that parses. */
export function firstDate(raws: readonly string[]): IsoDate {
  let fallback: IsoDate = { date: null, year: null };
  for (const raw of raws) {
    const parsed = toIsoDate(raw);
    if (!parsed.date) continue;
    if (!isPlaceholderDate(parsed.date)) return parsed;
    if (!fallback.date) fallback = parsed;
  }
  return fallback;
}

/** An http(s) URL resolved against the document; null for anything else (javascript:, data:). */
export function absoluteUrl(raw: string | null | undefined, doc: Document): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    const url = new URL(value, doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
