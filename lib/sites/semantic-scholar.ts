// Semantic Scholar (www.semanticscholar.org): paper pages /paper/<slug>/<id> and /paper/<id>,
// author pages /author/<name>/<id> (lists). Client-rendered: the content script waits for
// readySelector and re-reads after in-app navigation.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findArxivIds,
  findDois,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'semantic-scholar';
const TITLE = 'h1[data-test-id="paper-detail-title"]';

export const semanticScholar: SiteAdapter = {
  id: ID,
  name: 'Semantic Scholar',
  matches: (url) => url.hostname === 'www.semanticscholar.org' || url.hostname === 'semanticscholar.org',
  readySelector: `${TITLE}, .cl-paper-row .cl-paper-title`,
  detect(doc, url) {
    if (url.pathname.startsWith('/paper/')) return doc.querySelector(TITLE) ? 'paper' : null;
    if (url.pathname.startsWith('/author/')) return doc.querySelector('.cl-paper-row .cl-paper-title') ? 'list' : null;
    return null;
  },
  read(doc, url) {
    if (url.pathname.startsWith('/paper/')) return [readPaper(doc, url)];
    return [...doc.querySelectorAll('.cl-paper-row')].map((row) => readRow(row, url));
  },
};

function readPaper(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const header = doc.querySelector('[data-test-id="paper-detail-page-header"]') ?? doc.body;
  const title = header.querySelector(TITLE);
  const authorList = header.querySelector('.author-list');
  const authorEls = [...header.querySelectorAll('.author-list [data-test-id="author-list"]')];
  const venue = header.querySelector('[data-test-id="venue-metadata"]');
  const dateEl = header.querySelector('[data-test-id="paper-year"]');
  const doiLink = header.querySelector('[data-test-id="paper-doi"] a');
  const tldr = header.querySelector('.tldr-abstract-replacement');
  const shownNames = authorEls.map((el) => cleanText(visibleText(el.querySelector('.author-list__author-name'))) ?? '');
  // The author row is collapsed ("+5 authors"); citation_author lists everyone, so the visible
  // names only say where each shown author sits.
  const metaAuthors = base.metadata.authors;
  const authors: Author[] =
    metaAuthors.length > shownNames.length ? metaAuthors : shownNames.filter(Boolean).map((n) => parseAuthorName(n));
  const { date, year } = toIsoDate(visibleText(dateEl));
  const doi = findDois(doiLink?.getAttribute('href') ?? '')[0];
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    authors,
    abstract: withoutTldr(base.metadata.abstract, cleanText(visibleText(tldr?.querySelector(':scope > span')))),
    venue: cleanText(visibleText(venue)) ?? base.metadata.venue,
  };
  if (date) Object.assign(patch, { date, year });
  if (doi) {
    patch.doi = doi;
    // arXiv papers carry arXiv's DataCite DOI, 10.48550/arXiv.<id>.
    const arxivId = /^10\.48550\/arxiv\.(.+)$/.exec(doi)?.[1];
    if (arxivId) patch.arxivId = findArxivIds(`arXiv:${arxivId}`)[0] ?? null;
  }
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, venue, date: dateEl, year: dateEl, doi: doiLink, abstract: tldr, authors: authorList }),
    authors: authors.map((author) => authorEls[shownNames.indexOf(author.name)]),
  };
  return mergePaper(base, patch, 'site', anchors);
}

/**
 * The page leads with a machine-written TLDR (also the meta description), and JSON-LD's
 * abstract is that TLDR with the real abstract glued after it: keep only the real one.
 */
function withoutTldr(abstract: string | null, tldr: string | null): string | null {
  if (!abstract || !tldr) return abstract;
  if (abstract === tldr) return null;
  return abstract.startsWith(tldr) ? cleanText(abstract.slice(tldr.length)) : abstract;
}

/** One paper card on an author page. */
function readRow(row: Element, url: URL): DetectedPaper {
  const title = row.querySelector('.cl-paper-title');
  const authorBox = row.querySelector('.cl-paper-authors');
  const authorLinks = [...(authorBox?.querySelectorAll('a.cl-paper-authors__author-box') ?? [])];
  const venue = row.querySelector('.cl-paper-venue');
  const dateEl = row.querySelector('.cl-paper-pubdates');
  const { date, year } = toIsoDate(visibleText(dateEl));
  // A card with "+6 authors" shows only some names; a list missing people would turn into a
  // wrong correction, so such cards offer no author controls.
  const collapsed = authorBox?.querySelector('.cl-paper-authors__more-authors') != null;
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    authors: collapsed ? [] : authorLinks.map((a) => parseAuthorName(visibleText(a))),
    venue: cleanText(visibleText(venue)),
    date,
    year,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, venue, date: dateEl, year: dateEl, authors: collapsed ? null : authorBox }),
    authors: collapsed ? [] : authorLinks,
  };
  return mergePaper({ ...blankPaper(url, ID), entry: row }, patch, 'site', anchors);
}
