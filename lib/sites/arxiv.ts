// arXiv (arxiv.org): abstract pages /abs/<id>[vN] (new ids 2101.00001 and old ones such as
// hep-th/9901001), listings /list/<category>/new|recent|pastweek and author pages /a/<author>.
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
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'arxiv';

export const arxiv: SiteAdapter = {
  id: ID,
  name: 'arXiv',
  matches: (url) => /^(?:www\.|export\.)?arxiv\.org$/.test(url.hostname),
  detect(doc, url) {
    if (url.pathname.startsWith('/abs/'))
      return doc.querySelector('#abs h1.title, meta[name="citation_title"]') ? 'paper' : null;
    if (/^\/(?:list|a)\//.test(url.pathname)) return doc.querySelector('dl dt a[href*="/abs/"]') ? 'list' : null;
    return null;
  },
  read(doc, url) {
    if (url.pathname.startsWith('/abs/')) return [readAbstractPage(doc, url)];
    return [...doc.querySelectorAll('dl > dt')].flatMap((dt) => {
      const dd = dt.nextElementSibling;
      return dd?.tagName === 'DD' ? [readListEntry(dt, dd, url)] : [];
    });
  },
};

function readAbstractPage(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const abs = doc.querySelector('#abs');
  // Head-only copies of the page (some archivers keep only <head>) have no #abs: the meta tags are all there is.
  if (!abs) return base;
  const title = abs.querySelector('h1.title');
  const authorLinks = [...abs.querySelectorAll('div.authors a')];
  const abstract = abs.querySelector('blockquote.abstract');
  const dateline = abs.querySelector('.dateline');
  const citeAs = abs.querySelector('td.arxivid');
  // "Related DOI" is the journal version's DOI; the arXiv DataCite DOI (10.48550/…) names the
  // preprint itself and is what we keep when no journal DOI is shown.
  const doiLink = abs.querySelector('td.doi a') ?? abs.querySelector('td.arxivdoi a');
  const journalRef = abs.querySelector('td.jref');
  const pdfLink = doc.querySelector('a.download-pdf');
  // The dateline shows the v1 submission date first; later revisions do not change when the work appeared.
  const submitted = /Submitted on ([^(\]]+)/.exec(visibleText(dateline))?.[1] ?? '';
  const { date, year } = toIsoDate(submitted);
  const patch: Partial<PaperMetadata> = {
    title: withoutDescriptor(title),
    abstract: withoutDescriptor(abstract),
    arxivId: findArxivIds(`arXiv:${visibleText(citeAs)}`)[0] ?? idFromPath(url.pathname),
  };
  if (authorLinks.length > 0) patch.authors = authorLinks.map((a) => parseAuthorName(visibleText(a)));
  if (date) Object.assign(patch, { date, year });
  const doi = findDois(doiLink?.getAttribute('href') ?? '')[0];
  if (doi) patch.doi = doi;
  if (journalRef) patch.venue = cleanText(visibleText(journalRef));
  if (pdfLink) patch.pdfUrl = absolute(pdfLink, url);
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      date: dateline,
      year: dateline,
      arxivId: citeAs,
      doi: doiLink,
      venue: journalRef,
      pdfUrl: pdfLink,
      authors: abs.querySelector('div.authors'),
    }),
  };
  if (authorLinks.length > 0) anchors.authors = authorLinks;
  return mergePaper(base, patch, 'site', anchors);
}

/** One listing entry: <dt> holds the id and links, the following <dd> the title, authors and abstract. */
function readListEntry(dt: Element, dd: Element, url: URL): DetectedPaper {
  const title = dd.querySelector('.list-title');
  const authorLinks = [...dd.querySelectorAll('.list-authors a')];
  const abstract = dd.querySelector('p.mathjax');
  const journalRef = dd.querySelector('.list-journal-ref');
  const absLink = dt.querySelector('a[href*="/abs/"]');
  const pdfLink = dt.querySelector('a[href*="/pdf/"]');
  const arxivId = idFromPath(absLink ? new URL(absLink.getAttribute('href') ?? '', url).pathname : '');
  const patch: Partial<PaperMetadata> = {
    title: withoutDescriptor(title),
    authors: authorLinks.map((a) => parseAuthorName(visibleText(a))),
    abstract: cleanText(visibleText(abstract)),
    arxivId,
    year: arxivId ? yearOfId(arxivId) : null,
    venue: withoutDescriptor(journalRef),
    pdfUrl: pdfLink ? absolute(pdfLink, url) : null,
  };
  // The entry is the <dd>: the <dt> above it holds only the id and format links, so the
  // controls go beside the title, authors and abstract the reader reads.
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, abstract, venue: journalRef, authors: dd.querySelector('.list-authors') }),
    authors: authorLinks,
  };
  return mergePaper({ ...blankPaper(url, ID), entry: dd }, patch, 'site', anchors);
}

/** Text of an element without arXiv's "Title:", "Abstract:", "Journal-ref:" labels. */
function withoutDescriptor(el: Element | null): string | null {
  if (!el) return null;
  const copy = el.cloneNode(true) as Element;
  for (const label of copy.querySelectorAll('.descriptor')) label.remove();
  return cleanText(visibleText(copy));
}

/** "/abs/2101.00001v3" -> "2101.00001"; "/abs/hep-th/9901001" -> "hep-th/9901001". */
function idFromPath(path: string): string | null {
  return findArxivIds(`arXiv:${path.replace(/^\/(?:abs|pdf)\//, '')}`)[0] ?? null;
}

/** An arXiv id starts with the year and month it was submitted: 2307.* and hep-th/97* are 2023 and 1997. */
function yearOfId(id: string): number | null {
  const yy = /^(\d{2})\d{2}\./.exec(id)?.[1] ?? /\/(\d{2})\d{5}$/.exec(id)?.[1];
  if (!yy) return null;
  const n = Number(yy);
  return n >= 91 ? 1900 + n : 2000 + n;
}

function absolute(link: Element, url: URL): string {
  return new URL(link.getAttribute('href') ?? '', url).href;
}
