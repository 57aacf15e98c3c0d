// Google Scholar (scholar.google.<any country domain>): result pages /scholar?q=… and
// /scholar?cluster=… (one entry per .gs_r.gs_or) and profiles /citations?user=… (one per row).
// Scholar shows no abstracts: its snippet is an excerpt around the search terms, so it is not read.
import { anchorsOf, blankPaper, cleanText, mergePaper, parseAuthorName, visibleText } from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'google-scholar';
// Results are .gs_r.gs_or today; layouts before 2017 have .gs_r alone.
const RESULT = '.gs_r';
const PROFILE_ROW = 'tr.gsc_a_tr';

export const googleScholar: SiteAdapter = {
  id: ID,
  name: 'Google Scholar',
  matches: (url) => /^scholar\.google\.[a-z]{2,3}(?:\.[a-z]{2})?$/.test(url.hostname),
  detect(doc, url) {
    if (url.pathname === '/scholar') return results(doc).length > 0 ? 'list' : null;
    if (url.pathname === '/citations' && url.searchParams.has('user') && !url.searchParams.has('citation_for_view'))
      return doc.querySelector(`${PROFILE_ROW} a.gsc_a_at`) ? 'list' : null;
    return null;
  },
  read(doc, url) {
    if (url.pathname === '/scholar') return results(doc).map((entry) => readResult(entry, url));
    return [...doc.querySelectorAll(PROFILE_ROW)].map((row) => readProfileRow(row, url));
  },
};

function results(doc: Document): Element[] {
  return [...doc.querySelectorAll(RESULT)].filter((el) => el.querySelector('.gs_rt'));
}

function readResult(entry: Element, url: URL): DetectedPaper {
  const heading = entry.querySelector('h3.gs_rt');
  const titleLink = heading?.querySelector('a') ?? null;
  const byline = entry.querySelector('.gs_a');
  // "Y LeCun, Y Bengio, G Hinton - nature, 2015 - nature.com": authors, then venue and year,
  // then the host. Without a venue the middle part is the year alone.
  const [people = '', source = ''] = visibleText(byline).split(/\s+-\s+/);
  const year = Number(/(?:^|,\s*)(\d{4})$/.exec(source)?.[1]) || null;
  const venue = cleanText(source.replace(/(?:^|,\s*)\d{4}$/, ''));
  const pdfLink = [...entry.querySelectorAll('.gs_or_ggsm a')].find((a) => /\[PDF\]/.test(visibleText(a)));
  const authors = namesOf(people);
  const patch: Partial<PaperMetadata> = {
    title: titleOf(heading),
    authors,
    venue,
    year,
    date: year ? String(year) : null,
    pdfUrl: pdfLink ? new URL(pdfLink.getAttribute('href') ?? '', url).href : null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title: titleLink ?? heading,
      authors: byline,
      venue: byline,
      year: byline,
      pdfUrl: pdfLink ?? null,
    }),
    // Only authors with a profile are links; the others are bare text and get no control of their own.
    authors: anchorsByName(authors, [...(byline?.querySelectorAll('a') ?? [])]),
  };
  return mergePaper({ ...blankPaper(url, ID), entry }, patch, 'site', anchors);
}

function readProfileRow(row: Element, url: URL): DetectedPaper {
  const title = row.querySelector('a.gsc_a_at');
  const [authorLine, sourceLine] = [...row.querySelectorAll('.gs_gray')];
  const yearEl = row.querySelector('.gsc_a_y .gsc_a_h');
  const source = sourceLine?.cloneNode(true) as Element | undefined;
  source?.querySelector('.gs_oph')?.remove(); // ", 2015" repeated for narrow screens
  const year = Number(visibleText(yearEl)) || null;
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    authors: namesOf(visibleText(authorLine)),
    // "nature 521 (7553), 436-444": the journal, then volume, issue and pages.
    venue: cleanText(visibleText(source).replace(/\s+\d+\s*(?:\([^)]*\))?\s*,.*$|,\s*\d[\d-]*$/, '')),
    year,
    date: year ? String(year) : null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, authors: authorLine ?? null, venue: sourceLine ?? null, year: yearEl, date: yearEl }),
  };
  return mergePaper({ ...blankPaper(url, ID), entry: row }, patch, 'site', anchors);
}

/** "Y LeCun, L Bottou, P Haffner…": Scholar writes initials then surname and cuts long lists with an ellipsis. */
function namesOf(text: string): Author[] {
  return text
    .split(',')
    .map((name) => name.replace(/(?:…|\.\.\.)\s*$/, '').trim())
    .filter((name) => name.length > 0)
    .map((name) => parseAuthorName(name));
}

/** The title without the "[PDF]", "[BOOK]", "[CITATION]" tags Scholar puts before it. */
function titleOf(heading: Element | null): string | null {
  if (!heading) return null;
  const copy = heading.cloneNode(true) as Element;
  for (const tag of copy.querySelectorAll('.gs_ctu, .gs_ctc, .gs_ctg2')) tag.remove();
  return cleanText(visibleText(copy));
}

/** The link shown for each author, when there is one; each link is used once. */
function anchorsByName(authors: Author[], links: Element[]): (Element | undefined)[] {
  const left = [...links];
  return authors.map((author) => {
    const i = left.findIndex((a) => visibleText(a) === author.name);
    return i < 0 ? undefined : left.splice(i, 1)[0];
  });
}
