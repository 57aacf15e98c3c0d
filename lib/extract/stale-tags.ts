// Meta tags left over from the previous paper. Client-rendered sites change the address by
// pushState and replace the visible article, but leave <head> as it was: the tags then describe
// the paper the reader has left. embedded.ts decides when (the visible title contradicts the
// tag title); this module keeps only what the visible page confirms.
import type { Author } from '../schema/paper';
import {
  findAbstractAnchor,
  findAuthorAnchors,
  findDateAnchor,
  findDoiAnchor,
  findPdfAnchor,
  findVenueAnchor,
} from './anchors';
import { parseAuthorName, stripMarkers } from './authors';
import type { Candidate } from './candidate';
import { headerRegion, type ShortElements, shortElements } from './short-elements';
import { visibleText } from './text';
import { isShown } from './visibility';

/** Sources read from the page address or its visible text: never stale. */
const CURRENT_SOURCES = new Set(['url', 'text', 'visible', 'site']);

/**
 * Drops from tag-derived candidates every value the visible page does not show: authors not
 * found on the page, and a DOI, date, abstract, venue, PDF or identifier written nowhere. The
 * title stays, so the merge records the visible title's disagreement with it.
 */
export function dropUnconfirmed(candidates: readonly Candidate[], doc: Document, titleEl: Element): void {
  const short = shortElements(headerRegion(doc, titleEl));
  const shows = (value: string) => someText(short, value);
  for (const candidate of candidates) {
    if (CURRENT_SOURCES.has(candidate.source)) continue;
    const fields = candidate.fields;
    if (fields.authors) {
      const anchors = findAuthorAnchors(fields.authors, short);
      const confirmed = fields.authors.filter((_, i) => anchors[i] !== undefined);
      if (confirmed.length > 0) fields.authors = confirmed;
      else delete fields.authors;
    }
    if (fields.doi && !findDoiAnchor(fields.doi, short)) delete fields.doi;
    if ((fields.date || fields.year) && !(fields.date && findDateAnchor(fields.date, short))) {
      delete fields.date;
      delete fields.year;
    }
    if (fields.abstract && !findAbstractAnchor(doc, fields.abstract)) delete fields.abstract;
    if (fields.venue && !findVenueAnchor(fields.venue, short)) delete fields.venue;
    if (fields.pdfUrl && !findPdfAnchor(doc, fields.pdfUrl)) delete fields.pdfUrl;
    if (fields.pmid && !shows(fields.pmid)) delete fields.pmid;
    if (fields.arxivId && !shows(fields.arxivId)) delete fields.arxivId;
  }
}

function someText(short: ShortElements, value: string): boolean {
  for (let i = 0, item = short.at(0); item; item = short.at(++i)) if (item.text.includes(value)) return true;
  return false;
}

// Bylines as client-rendered pages write them: without microdata, a list or a run of elements
// whose class or id says "author". Containers of such elements are skipped (their text is
// every name at once); the innermost element is the name.
const BYLINE_QUERY = '.authors li, .author, [rel="author"], [itemprop="author"], [class*="author" i], [id*="author" i]';
const MAX_BYLINE_ELEMENTS = 500;

/** The names shown near the title, one element each; for pages whose tags are stale. */
export function readBylineAuthors(doc: Document, titleEl: Element): Author[] {
  const region = headerRegion(doc, titleEl);
  const found = [...(region?.querySelectorAll(BYLINE_QUERY) ?? [])].slice(0, MAX_BYLINE_ELEMENTS);
  const authors: Author[] = [];
  const names = new Set<string>();
  for (const el of found) {
    if (el.querySelector(BYLINE_QUERY) || el.contains(titleEl)) continue;
    const name = stripMarkers(visibleText(el, 300));
    if (name.length < 2 || name.length > 100 || names.has(name) || !isShown(el)) continue;
    names.add(name);
    authors.push(parseAuthorName(name));
  }
  return authors;
}
