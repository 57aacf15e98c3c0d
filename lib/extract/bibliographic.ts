// Where a paper sits in its venue, who published it and in what language: volume, issue, pages,
// publisher, language. Each vocabulary names them its own way; the values are cleaned alike here.
import type { PaperFields } from './candidate';
import { cleanText } from './text';

export type BibliographicFields = Pick<PaperFields, 'volume' | 'issue' | 'pages' | 'publisher' | 'language'>;

/** The longest value each field keeps (the schema's limits): anything longer is not that field. */
export const BIBLIOGRAPHIC_LIMITS: Record<keyof BibliographicFields, number> = {
  volume: 100,
  issue: 100,
  pages: 100,
  publisher: 2000,
  language: 100,
};

export interface RawBibliographic {
  volume?: string | null;
  issue?: string | null;
  /** First and last page, as separate values ("123", "130")… */
  firstPage?: string | null;
  lastPage?: string | null;
  /** …or a range as written ("123-130", "e1002345"). */
  pages?: string | null;
  publisher?: string | null;
  language?: string | null;
}

const limited = (field: keyof BibliographicFields, value: string | null): string | null =>
  value !== null && value.length <= BIBLIOGRAPHIC_LIMITS[field] ? value : null;

/** "123"–"130" → "123–130"; a range written with a hyphen or any dash → the same en dash. */
export function pageRange(first?: string | null, last?: string | null, range?: string | null): string | null {
  const from = cleanText(first);
  const to = cleanText(last);
  if (from && to && from !== to) return `${from}–${to}`;
  if (from) return from;
  const written = cleanText(range);
  return written ? written.replace(/\s*[-‐‑‒–—]+\s*/g, '–') : null;
}

/** Language codes in their usual case ("EN" → "en", "en_us" → "en-US"); names as written ("English"). */
export function normaliseLanguage(raw: string | null | undefined): string | null {
  const text = cleanText(raw);
  if (!text) return null;
  const code = /^([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))?$/i.exec(text);
  if (!code) return text;
  const [, primary, region] = code;
  return region
    ? `${primary!.toLowerCase()}-${region.length === 2 ? region.toUpperCase() : region}`
    : primary!.toLowerCase();
}

/** The five fields from one reader's raw values; absent or implausibly long values are left out. */
export function bibliographic(raw: RawBibliographic): BibliographicFields {
  return {
    volume: limited('volume', cleanText(raw.volume)),
    issue: limited('issue', cleanText(raw.issue)),
    pages: limited('pages', pageRange(raw.firstPage, raw.lastPage, raw.pages)),
    publisher: limited('publisher', cleanText(raw.publisher)),
    language: limited('language', normaliseLanguage(raw.language)),
  };
}
