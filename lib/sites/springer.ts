// SpringerLink ("Springer Nature Link"): journal articles at link.springer.com/article/<doi>,
// book and proceedings chapters at /chapter/<doi>, also on the old rd.springer.com mirror, and
// the /search result list. The citation_* tags are complete; this file adds where the reader
// sees each field and settles the publication date of digitised back issues.
// Saved pages of the MetaPress-era SpringerLink (www.springerlink.com/content/<id>/, until 2011)
// have no tags: their label/value table (Journal, Issue, DOI) and the article blob are read.

import {
  anchorIf,
  cleanText,
  emptyMetadata,
  extractEmbedded,
  mergePaper,
  parseAuthorName,
  splitAuthorList,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import { readListEntry } from './list-entry';
import type { SiteAdapter } from './types';

const ID = 'springer';

export const springer: SiteAdapter = {
  id: ID,
  name: 'SpringerLink',
  matches: (url) =>
    (/^(link|rd)\.springer\.com$/.test(url.hostname) && /^\/(article|chapter|search)(\/|$)/.test(url.pathname)) ||
    (/^(www\.)?springerlink\.com$/.test(url.hostname) && /^\/content\/[a-z0-9]+\/?$/i.test(url.pathname)),
  detect(doc, url) {
    if (url.hostname.endsWith('springerlink.com')) return doc.querySelector('.blob .Heading1') ? 'paper' : null;
    if (url.pathname.startsWith('/search'))
      return doc.querySelector('[data-test="search-result-item"]') ? 'list' : null;
    return doc.querySelector('meta[name="citation_title"], h1.c-article-title') ? 'paper' : null;
  },
  read(doc, url) {
    if (url.pathname.startsWith('/search')) return readSearchResults(doc, url);
    if (url.hostname.endsWith('springerlink.com'))
      return doc.querySelector('.blob .Heading1') ? [readMetaPressPage(doc, url)] : [];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readPaperPage(doc, base)] : [];
  },
};

function readPaperPage(doc: Document, base: DetectedPaper): DetectedPaper {
  const authorLinks = [...doc.querySelectorAll('ul.c-article-author-list [data-test="author-name"]')];
  const patch: Partial<PaperMetadata> = {};
  // The embedded list keeps ORCIDs and institutions; the page's list wins only when it names other people.
  if (authorLinks.length > 0 && authorLinks.length !== base.metadata.authors.length) {
    patch.authors = authorLinks.map((link) => parseAuthorName(visibleText(link)));
  }
  // "Published: 23 October 2007" is when SpringerLink put the article online. Back issues digitised
  // decades later show it too (Il Nuovo Cimento, 1977), and online-first articles may appear in
  // the next year's issue: the issue's year, shown as "(1977)" and in citation_publication_date,
  // is the year the paper is cited by, so the issue date wins whenever the years differ.
  const online = doc.querySelector('.c-article-identifiers time[datetime]');
  const onlineDate = toIsoDate(online?.getAttribute('datetime') ?? '');
  const issueYear = doc.querySelector('[data-test="article-publication-year"]');
  const issue = toIsoDate(doc.querySelector('meta[name="citation_publication_date"]')?.getAttribute('content') ?? '');
  const useIssue = issue.year !== null && onlineDate.year !== null && issue.year !== onlineDate.year;
  const date = useIssue ? issue : onlineDate;
  if (date.year !== null) Object.assign(patch, date);
  // Chapters: the reader sees the book's title ("… – MICCAI 2015") as where the paper appeared.
  const book = doc.querySelector('[data-test="book-link"]');
  if (book) patch.venue = cleanText(visibleText(book));
  const venue = book ?? doc.querySelector('.app-article-masthead__journal-title, [data-test="journal-title"]');
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', doc.querySelector('h1.c-article-title')),
      ...anchorIf('abstract', doc.querySelector('#Abs1-content')),
      ...anchorIf('date', useIssue ? issueYear : online),
      ...anchorIf('venue', venue),
      ...anchorIf('doi', doiValue(doc)),
      ...anchorIf('pdfUrl', doc.querySelector('a[data-article-pdf="true"], a.c-pdf-download__link')),
    },
    ...(authorLinks.length > 0 ? { authors: authorLinks } : {}),
  });
}

function doiValue(doc: Document): Element | null {
  for (const value of doc.querySelectorAll('.c-bibliographic-information__value')) {
    if (/doi\.org\/10\./.test(value.textContent ?? '')) return value;
  }
  return null;
}

/** MetaPress-era page: the article "blob" (title, authors, abstract) and the label/value table. */
function readMetaPressPage(doc: Document, url: URL): DetectedPaper {
  const blank: DetectedPaper = { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] } };
  const base = extractEmbedded(doc, url, ID) ?? blank;
  const title = doc.querySelector('.blob .Heading1');
  const byline = doc.querySelector('.blob .AuthorGroup');
  // The byline's own text, without the affiliation numbers in <sup>: "A. Author, B. Author and C. Author".
  const names = [...(byline?.childNodes ?? [])].filter((node) => node.nodeType === 3).map((node) => node.nodeValue);
  const authors = splitAuthorList(names.join(' ')).map((name) => parseAuthorName(name));
  const abstract = doc.querySelector('.blob .Abstract');
  const heading = visibleText(abstract?.querySelector('.AbstractHeading'));
  const label = (name: string) =>
    [...doc.querySelectorAll('td.labelName')].find((td) => visibleText(td) === name)?.nextElementSibling ?? null;
  // "Volume 9, Numbers 1-2 / February, 1996": the issue's month is the publication date.
  const issue = label('Issue');
  const doi = visibleText(label('DOI'));
  const pdf = doc.querySelector('a[href$="/fulltext.pdf"]');
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    abstract: cleanText(visibleText(abstract).slice(heading.length)),
    venue: cleanText(visibleText(label('Journal'))),
    ...toIsoDate(visibleText(issue).split('/').pop() ?? ''),
    ...(/^10\.\d{4,9}\//.test(doi) ? { doi: doi.toLowerCase() } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(pdf ? { pdfUrl: new URL(pdf.getAttribute('href') ?? '', url).href } : {}),
  };
  const found = Object.fromEntries(Object.entries(patch).filter(([, value]) => value != null));
  return mergePaper(base, found, 'site', {
    fields: {
      ...anchorIf('title', title),
      ...anchorIf('authors', byline),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', issue),
      ...anchorIf('venue', label('Journal')),
      ...anchorIf('doi', label('DOI')),
      ...anchorIf('pdfUrl', pdf),
    },
  });
}

/** Search results: one entry per result card, read from the card alone. */
function readSearchResults(doc: Document, url: URL): DetectedPaper[] {
  return [...doc.querySelectorAll('[data-test="search-result-item"]')].flatMap((card) => {
    const link = card.querySelector('a[data-test="title-link"][href]');
    if (!link) return [];
    const href = new URL(link.getAttribute('href') ?? '', url).href;
    const authors = card.querySelector('[data-test="authors"]');
    const venue = card.querySelector('[data-test="parent"]');
    const published = card.querySelector('[data-test="published"]');
    // Result links are /article/<doi> or /chapter/<doi>: the DOI is the rest of the path.
    const doi = /^\/(?:article|chapter)\/(10\.\d{4,9}\/.+)$/.exec(new URL(href).pathname)?.[1];
    // The card shows the names as one comma-separated line; initials never contain commas here.
    const names = (cleanText(visibleText(authors)) ?? '').split(/,\s*|\s+&\s+/).filter(Boolean);
    return [
      readListEntry({
        site: ID,
        entry: card,
        link,
        href,
        authorNames: { names, shownIn: authors },
        venue,
        date: { text: visibleText(published), shownIn: published },
        doi: { value: doi && decodeURIComponent(doi) },
      }),
    ];
  });
}
