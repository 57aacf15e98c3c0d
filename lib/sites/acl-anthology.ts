// ACL Anthology (aclanthology.org): paper pages /<anthology id>/ (2020.acl-main.1, N19-1423) and
// listings /volumes/<volume id>/ and /events/<event>/, where every paper is one entry.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findDois,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'acl-anthology';
// New ids are "<year>.<venue>-<volume>.<n>"; old ones a letter, a two-digit year and a number.
const PAPER_PATH = /^\/(?:\d{4}\.[a-z\d-]+\.\d+|[A-Z]\d{2}-\d{4})\/?$/i;
const LIST_PATH = /^\/(?:volumes|events)\//;

export const aclAnthology: SiteAdapter = {
  id: ID,
  name: 'ACL Anthology',
  matches: (url) => url.hostname === 'aclanthology.org' || url.hostname === 'www.aclanthology.org',
  detect(doc, url) {
    if (PAPER_PATH.test(url.pathname)) return doc.querySelector('h2#title') ? 'paper' : null;
    if (LIST_PATH.test(url.pathname)) return listEntries(doc).length > 0 ? 'list' : null;
    return null;
  },
  read(doc, url) {
    if (PAPER_PATH.test(url.pathname)) return [readPaper(doc, url)];
    return listEntries(doc).map((entry) => readEntry(entry, url));
  },
};

function readPaper(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const title = doc.querySelector('h2#title');
  const authorList = doc.querySelector('#main p.lead');
  const authorLinks = [...(authorList?.querySelectorAll('a[href*="/people/"]') ?? [])];
  const abstract = doc.querySelector('.acl-abstract');
  const details = detailRows(doc);
  const volume = details.get('Volume');
  const yearEl = details.get('Year');
  const doiEl = details.get('DOI');
  const pdfLink = doc.querySelector('.acl-paper-link-block a[href$=".pdf"]');
  const abstractText = abstract?.querySelector('span') ?? abstract;
  // The page shows month and year apart ("June", "2019"); the month is sometimes a range
  // ("May 2 - May 7"), of which the first month counts.
  const month = /^[A-Za-z]+/.exec(visibleText(details.get('Month')))?.[0] ?? '';
  const { date, year } = toIsoDate(`${month} ${visibleText(yearEl)}`.trim());
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    // The page shows names as the Anthology's author pages spell them; citation_author
    // sometimes adds a middle initial the paper itself does not print ("Alexander M. Rush").
    authors: authorLinks.map((a) => parseAuthorName(visibleText(a))),
    abstract: cleanText(visibleText(abstractText)),
    venue: cleanText(visibleText(volume)),
  };
  if (date) Object.assign(patch, { date, year });
  const doi = findDois(visibleText(doiEl))[0];
  if (doi) patch.doi = doi;
  if (pdfLink) patch.pdfUrl = new URL(pdfLink.getAttribute('href') ?? '', url).href;
  if (authorLinks.length === 0) delete patch.authors;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      venue: volume ?? null,
      date: yearEl ?? null,
      year: yearEl ?? null,
      doi: doiEl ?? null,
      pdfUrl: pdfLink,
      authors: authorList,
    }),
  };
  if (authorLinks.length > 0) anchors.authors = authorLinks;
  return mergePaper(base, patch, 'site', anchors);
}

/** The paper's <dl> of details, by label without the colon: "Volume", "Year", "DOI". */
function detailRows(doc: Document): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const dt of doc.querySelectorAll('.acl-paper-details dl > dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') rows.set(visibleText(dt).replace(/:$/, ''), dd);
  }
  return rows;
}

/** Listing rows that link to a paper; the ".0" row is the volume's front matter, not a paper. */
function listEntries(doc: Document): Element[] {
  return [...doc.querySelectorAll('#main p.d-sm-flex')].filter((p) => {
    const href = p.querySelector('strong a')?.getAttribute('href') ?? '';
    return PAPER_PATH.test(href) && !/\.0\/?$/.test(href);
  });
}

function readEntry(entry: Element, url: URL): DetectedPaper {
  const titleLink = entry.querySelector('strong a');
  const authorLinks = [...entry.querySelectorAll('a[href*="/people/"]')];
  const pdfLink = entry.querySelector('a.badge[href$=".pdf"]');
  // The abstract is a collapsed card right after the row; its text is read, but its control
  // would sit outside the entry, so it is not anchored.
  const card = entry.nextElementSibling?.matches('.abstract-collapse') ? entry.nextElementSibling : null;
  const volume =
    entry.closest('div[id]')?.querySelector('h4 a.align-middle:not(.badge)') ??
    entry.ownerDocument.querySelector('h2#title');
  const anthologyId = (titleLink?.getAttribute('href') ?? '').replace(/^\/|\/$/g, '');
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(titleLink)),
    authors: authorLinks.map((a) => parseAuthorName(visibleText(a))),
    abstract: cleanText(visibleText(card)),
    venue: cleanText(visibleText(volume)),
    year: yearOfId(anthologyId),
    doi: null,
    pdfUrl: pdfLink ? new URL(pdfLink.getAttribute('href') ?? '', url).href : null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title: titleLink, pdfUrl: pdfLink, authors: authorLinks[0]?.parentElement ?? null }),
    authors: authorLinks,
  };
  return mergePaper({ ...blankPaper(url, ID), entry }, patch, 'site', anchors);
}

/** "2020.acl-main.1" -> 2020; "N19-1423" -> 2019 ("A00" ids run from 1965 to 2019). */
function yearOfId(id: string): number | null {
  const full = /^(\d{4})\./.exec(id)?.[1];
  if (full) return Number(full);
  const short = /^[A-Z](\d{2})-/i.exec(id)?.[1];
  if (!short) return null;
  const n = Number(short);
  return n >= 60 ? 1900 + n : 2000 + n;
}
