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
    const url = new URL(value, documentBase(doc));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The address relative links resolve against: <base href> over the document's own address.
 * Worked out here because happy-dom recomputes `document.baseURI` with a tree search per call.
 * By tag name, not querySelector('base[href]'): on the many pages without one, that searches
 * the whole page on every call, while browsers keep the tag's collection between calls.
 */
function documentBase(doc: Document): string | undefined {
  const own = doc.URL && doc.URL !== 'about:blank' ? doc.URL : undefined;
  let href: string | null = null;
  for (const base of doc.getElementsByTagName('base')) {
    href = base.getAttribute('href');
    if (href !== null) break;
  }
  if (!href) return own;
  try {
    return new URL(href, own).href;
  } catch {
    return own;
  }
}
