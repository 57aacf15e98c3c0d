// Nature and the nature.com journals (Nature Communications, Scientific Reports, …):
// https://www.nature.com/articles/<id> paper pages and https://www.nature.com/search result lists.
// The citation_* tags are complete; this file adds where the reader sees each field, the full
// affiliations, and the search list. Also read: the magazine's news pages (citable, with a DOI
// but only dc.*/prism.* tags) and saved pages of the 2014 layout, whose Letters have no
// labelled abstract: their bold first paragraph is the summary.

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author } from '../schema/paper';
import { readListEntry } from './list-entry';
import type { SiteAdapter } from './types';

const ID = 'nature';

function matches(url: URL): boolean {
  return /^(www\.)?nature\.com$/.test(url.hostname) && (isArticlePath(url) || url.pathname === '/search');
}

// Current articles live at /articles/<id>; 2014-era pages at /<journal>/journal/<v>/<n>/full/<id>.html.
function isArticlePath(url: URL): boolean {
  return /^\/articles\/[^/]+\/?$/.test(url.pathname) || /^\/[a-z]+\/journal\/.+\/full\/[^/]+\.html$/.test(url.pathname);
}

function detect(doc: Document, url: URL): 'paper' | 'list' | null {
  if (url.pathname === '/search') return doc.querySelector('article.c-card') ? 'list' : null;
  if (doc.querySelector('meta[name="citation_title"]')) return 'paper';
  // News and comment pieces carry no citation_* tags, only a DOI in prism.doi and a headline.
  const doi = doc.querySelector('meta[name="prism.doi"]')?.getAttribute('content') ?? '';
  return /^doi:10\.1038\//.test(doi) && doc.querySelector('h1[itemprop="headline"]') ? 'paper' : null;
}

function read(doc: Document, url: URL): DetectedPaper[] {
  const kind = detect(doc, url);
  if (kind === 'list') return readSearchResults(doc, url);
  if (kind !== 'paper') return [];
  const base = extractEmbedded(doc, url, ID);
  if (!base) return [];
  // Current layout, then the 2014 layout (ul.authors, h1.article-heading).
  const authorLinks = [
    ...doc.querySelectorAll('ul.c-article-author-list [data-test="author-name"], ul.authors.citation-authors .fn'),
  ];
  const published = doc.querySelector('.c-article-identifiers time[datetime], time[itemprop="datePublished"]');
  const patch: Partial<DetectedPaper['metadata']> = {};
  // citation_publication_date is the issue month ("2015/05"); the reader sees the online date.
  const shownDate = toIsoDate(published?.getAttribute('datetime') ?? visibleText(published));
  if (shownDate.year !== null) Object.assign(patch, shownDate);
  // The embedded list keeps ORCIDs; the page's list wins only when it names other people.
  if (authorLinks.length > 0 && authorLinks.length !== base.metadata.authors.length) {
    patch.authors = authorLinks.map((link) => withAffiliations(doc, link));
  }
  const abstract = doc.querySelector('#Abs1-content, .article-item__teaser-text') ?? legacySummary(doc);
  const abstractText = abstract === null ? null : withoutReferences(abstract);
  if (abstractText) patch.abstract = abstractText;
  return [
    mergePaper(base, patch, 'site', {
      fields: {
        ...anchorIf('title', doc.querySelector('h1.c-article-title, h1.article-item__title, h1.article-heading')),
        ...anchorIf('abstract', abstract),
        ...anchorIf('date', published),
        ...anchorIf('venue', doc.querySelector('[data-test="journal-title"]')),
        ...anchorIf('doi', doiValue(doc)),
        ...anchorIf('pdfUrl', doc.querySelector('a[data-article-pdf="true"], a.c-pdf-download__link, a#download-pdf')),
      },
      ...(authorLinks.length > 0 ? { authors: authorLinks } : {}),
    }),
  ];
}

/** 2014 Letters: no "Abstract" heading; the first paragraph, set in bold, is the summary. */
function legacySummary(doc: Document): Element | null {
  return doc.querySelector('#abstract .content > p, #first-paragraph > p');
}

/** The paragraph's text without its reference numbers ("diseases1,2"), read from a copy: the page is never changed. */
function withoutReferences(el: Element): string | null {
  if (!el.querySelector('sup a[href^="#ref"], sup a[href^="#B"]')) return cleanText(visibleText(el));
  const copy = el.cloneNode(true) as Element;
  for (const sup of copy.querySelectorAll('sup')) if (sup.querySelector('a[href^="#ref"], a[href^="#B"]')) sup.remove();
  return cleanText(visibleText(copy));
}

/** The author as shown, with the affiliations their superscripts point to (#Aff1 …). */
function withAffiliations(doc: Document, link: Element): Author {
  const author = parseAuthorName(visibleText(link));
  const refs = link.closest('li')?.querySelectorAll('sup a[href^="#Aff"]') ?? [];
  for (const ref of refs) {
    const id = ref.getAttribute('href')?.slice(1) ?? '';
    const address = cleanText(
      visibleText(doc.getElementById(id)?.querySelector('.c-article-author-affiliation__address')),
    );
    if (address) author.affiliations.push(address);
  }
  return author;
}

function doiValue(doc: Document): Element | null {
  for (const value of doc.querySelectorAll('.c-bibliographic-information__value')) {
    if (/doi\.org\/10\./.test(value.textContent ?? '')) return value;
  }
  return null;
}

/** Search results: one entry per card, each read from the card alone. */
function readSearchResults(doc: Document, url: URL): DetectedPaper[] {
  const papers: DetectedPaper[] = [];
  for (const card of doc.querySelectorAll('article.c-card')) {
    const link = card.querySelector<HTMLAnchorElement>('.c-card__title a[href]');
    if (!link) continue;
    const authorEls = [...card.querySelectorAll('[itemprop="creator"] [itemprop="name"]')];
    const time = card.querySelector('time[datetime]');
    const venue = card.querySelector('[data-test="journal-title-and-link"]');
    const href = new URL(link.getAttribute('href') ?? '', url).href;
    const id = /^\/articles\/([^/?#]+)$/.exec(new URL(href).pathname)?.[1];
    papers.push(
      readListEntry({
        site: ID,
        entry: card,
        link,
        href,
        authors: authorEls,
        venue,
        date: { text: time?.getAttribute('datetime') ?? '', shownIn: time },
        // Nature's article ids are the DOI suffix under the 10.1038 prefix.
        doi: { value: id && `10.1038/${id}` },
      }),
    );
  }
  return papers;
}

export const nature: SiteAdapter = {
  id: ID,
  name: 'Nature',
  matches,
  detect,
  read,
};
