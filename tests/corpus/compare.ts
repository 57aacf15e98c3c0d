// How a person compares what Erratum read with what the corpus says a reader sees: lenient on
// spelling-level differences (whitespace, Unicode forms, DOI case, punctuation at the ends),
// strict on what matters (which people, in which order, which year).
import type { PaperMetadata } from '../../lib/schema/paper';

export interface ExpectedPage {
  url: string;
  kind?: 'list';
  title?: string | null;
  authors?: string[];
  authorCount?: number;
  date?: string | null;
  year?: string | number | null;
  doi?: string | null;
  abstractStart?: string | null;
  pdfUrl?: string | null;
  entryCount?: number;
  entries?: { title: string; authors: string[]; year: number }[];
  notes?: string;
}

export const PAPER_FIELDS = ['title', 'authors', 'year', 'doi', 'abstract', 'pdf'] as const;
export type ComparedField = (typeof PAPER_FIELDS)[number];

export interface FieldResult {
  field: ComparedField;
  ok: boolean;
  expected: string;
  got: string;
}

/** Pages where the right answer is "no paper" (or, for search results, at most a list). */
export function isNegative(expected: ExpectedPage): boolean {
  return !expected.kind && /NEGATIVE|NOT a paper page|SEARCH-RESULT PAGE/i.test(expected.notes ?? '');
}

export function looseKey(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

function letters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * Same person: same family name (the last word a reader sees, a suffix such as "IV" aside)
 * and same first initial.
 */
export function samePerson(expected: string, got: string): boolean {
  if (letters(expected) === letters(got)) return true;
  const words = expected.trim().split(/\s+/);
  if (words.length > 2 && NAME_SUFFIX.test(words[words.length - 1] ?? '')) words.pop();
  const family = letters(words[words.length - 1] ?? '');
  const initial = letters(words[0] ?? '')[0];
  const gotLetters = letters(got);
  const gotWords = got.trim().split(/\s+/);
  return family.length > 0 && gotLetters.endsWith(family) && letters(gotWords[0] ?? '')[0] === initial;
}

function compareAuthors(expected: ExpectedPage, got: PaperMetadata | undefined): FieldResult {
  const names = expected.authors ?? [];
  const count = expected.authorCount ?? names.length;
  const gotNames = got?.authors.map((a) => a.name) ?? [];
  let ok = gotNames.length === count;
  if (ok && expected.authorCount && expected.authorCount > names.length) {
    // Long lists give the first five and the last two.
    const sample = [...gotNames.slice(0, 5), ...gotNames.slice(-2)];
    ok = names.every((name, i) => samePerson(name, sample[i] ?? ''));
  } else if (ok) {
    ok = names.every((name, i) => samePerson(name, gotNames[i] ?? ''));
  }
  const show = (list: string[], n: number) => `${n}: ${list.slice(0, 8).join('; ')}${list.length > 8 ? '; …' : ''}`;
  return { field: 'authors', ok, expected: show(names, count), got: show(gotNames, gotNames.length) };
}

// bioRxiv and medRxiv serve one preprint version's PDF at two addresses: by posting date
// (/content/biorxiv/early/2020/03/27/<id>.full.pdf, citation_pdf_url) and by version
// (/content/10.1101/<id>v3.full.pdf, the "Download PDF" link). The corpus quotes either; a
// person opening them gets the same file.
const RXIV_PDF =
  /^((?:www\.)?(?:bio|med)rxiv\.org)\/content\/(?:(?:bio|med)rxiv\/early\/\d{4}\/\d\d\/\d\d|10\.1101)\/([\d.]+?)(?:v\d+)?\.full\.pdf$/;

function pdfKey(url: string | null | undefined): string {
  const key = (url ?? '')
    .replace(/&amp;/g, '&')
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');
  return key.replace(RXIV_PDF, '$1/$2.pdf');
}

export function comparePaper(expected: ExpectedPage, got: PaperMetadata | undefined): FieldResult[] {
  const results: FieldResult[] = [];
  const push = (field: ComparedField, ok: boolean, e: unknown, g: unknown) =>
    results.push({ field, ok, expected: String(e ?? 'null'), got: String(g ?? 'null') });
  const title = expected.title ?? null;
  push('title', title === null ? !got?.title : looseKey(title) === looseKey(got?.title), title, got?.title);
  results.push(compareAuthors(expected, got));
  const year = expected.date ? Number(expected.date.slice(0, 4)) : expected.year ? Number(expected.year) : null;
  push('year', (got?.year ?? null) === year, year, got?.year);
  const doi = expected.doi?.toLowerCase() ?? null;
  push('doi', (got?.doi ?? null) === doi, doi, got?.doi);
  const start = expected.abstractStart ?? null;
  const abstract = got?.abstract ?? null;
  push(
    'abstract',
    start === null
      ? abstract === null
      : looseKey(abstract).startsWith(looseKey(start)) ||
          looseKey(withoutSectionLabel(abstract)).startsWith(looseKey(start)),
    start,
    abstract?.slice(0, 100),
  );
  const pdf = expected.pdfUrl ?? null;
  push('pdf', pdf === null ? !got?.pdfUrl : pdfKey(pdf) === pdfKey(got?.pdfUrl), pdf, got?.pdfUrl);
  return results;
}

// A structured abstract's first section label ("Background: …") is part of what some pages of
// the corpus quote as the abstract's start ("Objective: We aimed …") and not of others.
function withoutSectionLabel(abstract: string | null): string {
  return (abstract ?? '').replace(/^(?:background|introduction|objectives?|purpose|context|aims?)\s*[:.]?\s+/i, '');
}
