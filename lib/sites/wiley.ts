// Wiley Online Library: onlinelibrary.wiley.com/doi/<doi>, /doi/abs/<doi>, /doi/full/<doi>,
// the same paths on society hosts (rss.onlinelibrary.wiley.com, agupubs…, febs…), and the
// /action/doSearch result list. Wiley's citation_* tags are complete but date old papers
// 1995/01/01 (a placeholder day) and its og:description is cut short, so the date and the
// abstract come from the page. The "Citing Literature" list below names other papers' authors.

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import { readListEntries } from './list-entry';
import type { SiteAdapter } from './types';

const ID = 'wiley';
const PAPER_PATH = /^\/doi\/(?:abs\/|full\/|epdf\/)?10\.\d{4,9}\//;

export const wiley: SiteAdapter = {
  id: ID,
  name: 'Wiley Online Library',
  matches: (url) =>
    /(^|\.)onlinelibrary\.wiley\.com$/.test(url.hostname) &&
    (PAPER_PATH.test(url.pathname) || url.pathname === '/action/doSearch'),
  detect(doc, url) {
    if (url.pathname === '/action/doSearch') return doc.querySelector('li.search__item') ? 'list' : null;
    return doc.querySelector('meta[name="citation_title"], .citation__title') ? 'paper' : null;
  },
  read(doc, url) {
    if (url.pathname === '/action/doSearch') return readSearchResults(doc, url);
    const base = extractEmbedded(doc, url, ID);
    return base ? [readPaper(doc, base)] : [];
  },
};

function readPaper(doc: Document, base: DetectedPaper): DetectedPaper {
  // Two copies of the author list: one for phones (.mobile-authors), one for wider screens.
  const list = doc.querySelector('.loa-wrapper.loa-authors') ?? doc.querySelector('.loa-authors');
  const authorLinks = [...(list?.querySelectorAll('a.author-name') ?? [])];
  const abstract = doc.querySelector('.article-section__abstract .article-section__content');
  const published = doc.querySelector('.epub-sections .epub-date');
  const patch: Partial<PaperMetadata> = {};
  const abstractText = cleanText(visibleText(abstract));
  if (abstractText) patch.abstract = abstractText;
  // "First published: 1926" is what the reader sees; citation_publication_date pads it to 1926/01/01.
  const date = toIsoDate(visibleText(published));
  if (date.year !== null) Object.assign(patch, date);
  if (authorLinks.length > 0 && authorLinks.length !== base.metadata.authors.length) {
    patch.authors = authorLinks.map((link) => {
      const author = parseAuthorName(visibleText(link));
      const info = link.parentElement?.querySelector('.author-info');
      for (const p of info?.querySelectorAll(':scope > p:not(.author-type)') ?? []) {
        const text = cleanText(visibleText(p));
        if (text) author.affiliations.push(text);
      }
      return author;
    });
  }
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', doc.querySelector('.citation__title')),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', published),
      ...anchorIf(
        'venue',
        doc.querySelector('.journal-banner-text a, [data-pb-dropzone="publicaitonContent-series-title"] h1 a'),
      ),
      ...anchorIf('doi', doc.querySelector('.epub-sections a.epub-doi')),
      ...anchorIf('pdfUrl', doc.querySelector('.coolBar a.pdf-download, .PdfLink a[href*="/doi/pdf/"]')),
    },
    ...(authorLinks.length > 0 ? { authors: authorLinks.map((link) => link.querySelector('span') ?? link) } : {}),
  });
}

function readSearchResults(doc: Document, url: URL): DetectedPaper[] {
  return readListEntries(doc, url, {
    site: ID,
    entries: 'li.search__item',
    link: 'a.publication_title[href]',
    authors: '.meta__authors a.publication_contrib_author',
    venue: 'a.publication_meta_serial',
    date: '.meta__epubDate',
    dateText: (shown) => shown.replace(/^First published:\s*/i, ''),
    doi: (_entry, href) => {
      const doi = /^\/doi\/(?:abs\/|full\/)?(10\.\d{4,9}\/.+)$/.exec(new URL(href).pathname)?.[1];
      return doi && decodeURIComponent(doi);
    },
  });
}
