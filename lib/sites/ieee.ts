// IEEE Xplore (ieeexplore.ieee.org): document pages /document/<article number>. The page is an
// Angular app: the server sends no citation_* tags, only the metadata as an inline script
// `xplGlobal.document.metadata = {...};`, which this file parses as JSON (never evaluates it).
// Once rendered, the visible title, author links, abstract, DOI and PDF button give the anchors.
// Search and browse pages are client-rendered lists of links and give no paper here.
// Pages saved from older Xplore designs, which had no tags and no inline JSON, are read from
// their visible blocks: the 2015 full-text view (/xpls/icp.jsp) and Xplore 2.0
// (/xpls/abs_all.jsp, c. 2009), both addressed by ?arnumber=.

import {
  anchorIf,
  cleanText,
  emptyMetadata,
  extractEmbedded,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'ieee';
const DOCUMENT_PATH = /^\/(?:abstract\/)?document\/\d+/;
const LEGACY_PATH = /^\/xpls\/(?:icp|abs_all)\.jsp$/;
/** The assignment that starts the metadata object; 2019-era pages wrote `global.document.metadata`. */
const METADATA_START = /(?:xplGlobal|\bglobal)\.document\.metadata\s*=\s*\{/;
/** A metadata object is tens of kilobytes and a few levels deep; past these the script is not what we expect. */
const MAX_JSON_CHARS = 3_000_000;
/** How many "};" are tried as the object's end before giving up. */
const MAX_ENDS_TRIED = 20;

export const ieee: SiteAdapter = {
  id: ID,
  name: 'IEEE Xplore',
  matches: (url) => url.hostname === 'ieeexplore.ieee.org',
  detect,
  read(doc, url) {
    if (detect(doc, url) !== 'paper') return [];
    if (LEGACY_PATH.test(url.pathname)) return [readLegacyPage(doc, url)];
    const json = readDocumentMetadata(doc);
    const blank: DetectedPaper = { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] } };
    const base = extractEmbedded(doc, url, ID) ?? blank;
    const authorLinks = [...doc.querySelectorAll('.authors-info-container .authors-info a[href^="/author/"]')];
    const patch = json ? fromMetadata(json, url) : {};
    return [
      mergePaper(base, patch, 'site', {
        fields: {
          ...anchorIf('title', doc.querySelector('h1.document-title')),
          ...anchorIf('abstract', doc.querySelector('.abstract-text [xplmathjax]')),
          ...anchorIf('venue', doc.querySelector('.stats-document-abstract-publishedIn a')),
          ...anchorIf('date', doc.querySelector('.doc-abstract-pubdate, .doc-abstract-confdate')),
          ...anchorIf('doi', doc.querySelector('.stats-document-abstract-doi a')),
          ...anchorIf('pdfUrl', doc.querySelector('a.pdf-btn-link, a[href*="/stamp/stamp.jsp"]')),
        },
        ...(authorLinks.length > 0 ? { authors: authorLinks } : {}),
      }),
    ];
  },
  readySelector: 'h1.document-title',
};

function detect(doc: Document, url: URL): 'paper' | null {
  if (LEGACY_PATH.test(url.pathname)) {
    return url.searchParams.has('arnumber') && doc.querySelector('#authorData, span.headNavBlueXLarge2')
      ? 'paper'
      : null;
  }
  if (!DOCUMENT_PATH.test(url.pathname)) return null;
  return findMetadataScript(doc) || doc.querySelector('h1.document-title') ? 'paper' : null;
}

interface XploreAuthor {
  name?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  affiliation?: unknown;
  orcid?: unknown;
}

/** The fields of Xplore's metadata object we use; every value is checked before use. */
function fromMetadata(json: Record<string, unknown>, url: URL): Partial<PaperMetadata> {
  const patch: Partial<PaperMetadata> = {};
  // formulaStrippedArticleTitle is the title with MathML replaced by its text ("α-channel").
  const title = cleanText(text(json.formulaStrippedArticleTitle) ?? text(json.title));
  if (title) patch.title = title;
  const authors = Array.isArray(json.authors) ? json.authors.slice(0, 20_000).map(toAuthor).filter(isAuthor) : [];
  if (authors.length > 0) patch.authors = authors;
  const abstract = cleanText(text(json.abstract));
  if (abstract) patch.abstract = abstract;
  const doi = text(json.doi);
  if (doi && /^10\.\d{4,9}\//.test(doi)) patch.doi = doi.toLowerCase();
  const venue = cleanText(text(json.displayPublicationTitle) ?? text(json.publicationTitle));
  if (venue) patch.venue = venue;
  // Conferences give the meeting's days ("27-30 June 2016"): the proceedings date is its month.
  const published = (text(json.publicationDate) ?? '').replace(/^\d{1,2}(?:\s*-\s*\d{1,2})?\s+(?=[a-z])/i, '');
  const date = toIsoDate(published);
  const year = Number(text(json.publicationYear));
  if (date.year !== null) Object.assign(patch, date);
  else if (Number.isInteger(year) && year > 1000) Object.assign(patch, { date: String(year), year });
  const pdf = text(json.pdfUrl);
  if (pdf?.startsWith('/')) patch.pdfUrl = new URL(pdf, url).href;
  return patch;
}

function toAuthor(raw: unknown): Author | null {
  if (!raw || typeof raw !== 'object') return null;
  const a = raw as XploreAuthor;
  const given = cleanText(text(a.firstName));
  const family = cleanText(text(a.lastName));
  const name = cleanText(text(a.name)) ?? (given && family ? `${given} ${family}` : null);
  if (!name) return null;
  const author = given && family ? { name, given, family, affiliations: [] } : parseAuthorName(name);
  // Older records hold one affiliation string, newer ones a list.
  const affiliations = Array.isArray(a.affiliation) ? a.affiliation : [a.affiliation];
  for (const value of affiliations.slice(0, 100)) {
    const clean = cleanText(text(value));
    if (clean) author.affiliations.push(clean);
  }
  const orcid = text(a.orcid);
  return orcid && /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(orcid) ? { ...author, orcid } : author;
}

function isAuthor(author: Author | null): author is Author {
  return author !== null;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

function findMetadataScript(doc: Document): Element | undefined {
  return [...doc.querySelectorAll('script:not([src])')].find((script) => METADATA_START.test(script.textContent ?? ''));
}

/**
 * The metadata object: the {...} after the assignment, parsed as JSON (never evaluated); null if
 * malformed. The object ends at a "};" (the assignment's end). One inside a string value makes
 * that candidate invalid JSON, so the next few are tried, within MAX_JSON_CHARS: JSON.parse finds
 * the bounds of strings, and only the top-level fields are read, however deep the rest goes.
 */
export function readDocumentMetadata(doc: Document): Record<string, unknown> | null {
  const source = findMetadataScript(doc)?.textContent ?? '';
  const match = METADATA_START.exec(source);
  if (!match) return null;
  const start = match.index + match[0].length - 1;
  for (let tries = 0, end = source.indexOf('};', start); end > 0 && tries < MAX_ENDS_TRIED; tries++) {
    if (end - start > MAX_JSON_CHARS) return null;
    try {
      const value: unknown = JSON.parse(source.slice(start, end + 1));
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      end = source.indexOf('};', end + 1);
    }
  }
  return null;
}

/**
 * Older designs. Both name authors "Family, Initials" ("Zukeran, A.; Looy, P.C."), print the
 * journal inverted ("Industry Applications, IEEE Transactions on") and list references with
 * their own PDF links, so the PDF is the stamp link for this page's own arnumber.
 */
function readLegacyPage(doc: Document, url: URL): DetectedPaper {
  const blank: DetectedPaper = { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] } };
  const base = extractEmbedded(doc, url, ID) ?? blank;
  const arnumber = url.searchParams.get('arnumber') ?? '';
  const fullText = doc.querySelector('#authorData') !== null;
  const title = fullText ? doc.querySelector('h1') : doc.querySelector('span.headNavBlueXLarge2');
  // 2009: the author links sit in one paragraph, each pointing at an author search ("…<IN>au)").
  const authorLinks = fullText
    ? []
    : [...doc.querySelectorAll('span.bodyCopyBlackLargeSpaced a.bodyCopy[href*="au)"]')];
  const names = fullText
    ? (cleanText(visibleText(doc.querySelector('#authorData'))) ?? '').split(';')
    : authorLinks.map((link) => visibleText(link));
  const abstract = fullText ? doc.querySelector('.glance-abstract p.abstract') : legacyAbstractCell(doc);
  const details = fullText ? null : abstractDetails(doc);
  const detailText = visibleText(details);
  const doi = fullText
    ? visibleText(doc.querySelector('#dt_doi a'))
    : (/Digital Object Identifier:\s*(10\.\d{4,9}\/\S+)/.exec(detailText)?.[1] ?? '');
  const published = fullText
    ? visibleText(doc.querySelector('#dt_date'))
    : (/Publication Date:\s*([^\n]*?\d{4})/.exec(detailText)?.[1] ?? '');
  const year = /\b(1[89]\d\d|2\d\d\d)\b/.exec(published)?.[1];
  const pdf = [...doc.querySelectorAll('a[href*="/stamp/stamp.jsp"]')].find(
    (a) => new URL(a.getAttribute('href') ?? '', url).searchParams.get('arnumber') === arnumber,
  );
  const authors = names
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => parseAuthorName(name));
  const abstractText = cleanText(visibleText(abstract).replace(/^Abstract\s*/, ''));
  const venueEl = fullText ? doc.querySelector('#dt_paper a') : details?.querySelector('strong');
  const venue = uninvert(cleanText(visibleText(venueEl)));
  const patch: Partial<PaperMetadata> = {
    ...(cleanText(visibleText(title)) ? { title: cleanText(visibleText(title)) } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(abstractText ? { abstract: abstractText } : {}),
    ...(/^10\.\d{4,9}\//.test(doi) ? { doi: doi.toLowerCase() } : {}),
    ...(year ? { year: Number(year), date: year } : {}),
    ...(venue ? { venue } : {}),
    ...(pdf ? { pdfUrl: new URL(pdf.getAttribute('href') ?? '', url).href } : {}),
  };
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', title),
      ...anchorIf('abstract', abstract),
      ...anchorIf('venue', venueEl),
      ...(fullText
        ? { ...anchorIf('date', doc.querySelector('#dt_date')), ...anchorIf('doi', doc.querySelector('#dt_doi a')) }
        : // 2009: the DOI and the year are written in the details paragraph.
          { ...anchorIf('doi', patch.doi ? details : null), ...anchorIf('year', year ? details : null) }),
      ...anchorIf('pdfUrl', pdf),
    },
    ...(authorLinks.length > 0 ? { authors: authorLinks } : {}),
  });
}

/** "Industry Applications, IEEE Transactions on" -> "IEEE Transactions on Industry Applications". */
function uninvert(venue: string | null): string | null {
  const match = venue ? /^(.+), (IEEE\b.*)$/.exec(venue) : null;
  return match ? `${match[2]} ${match[1]}` : venue;
}

/** 2009: the table cell whose heading span says "Abstract". */
function legacyAbstractCell(doc: Document): Element | undefined {
  return (
    [...doc.querySelectorAll('span.sectionHeaders')].find((span) => visibleText(span) === 'Abstract')?.parentElement ??
    undefined
  );
}

/** 2009: the paragraph that starts "This paper appears in:" and lists the DOI and date. */
function abstractDetails(doc: Document): Element | undefined {
  return [...doc.querySelectorAll('p.bodyCopyBlackLargeSpaced')].find((p) =>
    /This paper appears in:/.test(p.textContent ?? ''),
  );
}
