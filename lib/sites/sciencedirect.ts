// ScienceDirect (Elsevier): article pages www.sciencedirect.com/science/article/pii/<PII> and
// the preview pages /science/article/abs/pii/<PII>, plus the /search result list.
// Elsevier writes citation_title, citation_doi and the journal but no citation_author and only a
// truncated og:description, so authors, affiliations and the abstract come from the page.
// Pages saved from the 2014 layout (h1.svTitle, no JavaScript) carry no tags at all; the DOI is
// only in an inline script ("SDM.doi = '10.1016/…'"), read here as text, never run.

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
import { readListEntries } from './list-entry';
import type { SiteAdapter } from './types';

const ID = 'sciencedirect';

export const sciencedirect: SiteAdapter = {
  id: ID,
  name: 'ScienceDirect',
  matches: (url) =>
    /^(www\.)?sciencedirect\.com$/.test(url.hostname) &&
    (/^\/science\/article\/(abs\/)?pii\/S?[\dX]+/i.test(url.pathname) || url.pathname === '/search'),
  detect(doc, url) {
    if (url.pathname === '/search') return doc.querySelector('li.ResultItem') ? 'list' : null;
    return doc.querySelector('#screen-reader-main-title, meta[name="citation_title"], h1.svTitle') ? 'paper' : null;
  },
  read(doc, url) {
    if (url.pathname === '/search') return readSearchResults(doc, url);
    if (doc.querySelector('h1.svTitle')) return [readLegacyArticle(doc, url)];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
  // The article body is rendered by React after load; the title heading is there once it has.
  readySelector: '#screen-reader-main-title',
};

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const title = doc.querySelector('#screen-reader-main-title .title-text');
  const authorButtons = [...doc.querySelectorAll('#author-group button[data-xocs-content-type="author"]')];
  const abstract = abstractBody(doc);
  const patch: Partial<PaperMetadata> = {};
  if (authorButtons.length > 0) patch.authors = authorButtons.map((button) => authorOf(doc, button));
  // og:description stops mid-sentence with "…"; the page shows the whole abstract.
  const abstractText = cleanText(visibleText(abstract));
  if (abstractText) patch.abstract = abstractText;
  // The preview's "Date: September 2022" (or the issue line "January 2015, Pages 85-117") is the
  // issue date, which citation_publication_date gives as 2022/09/01 with a placeholder day.
  const venue = doc.querySelector('#publication-title a, [data-aa-region="publication-title"] a');
  const pdf = [...doc.querySelectorAll<HTMLAnchorElement>('.accessbar a[href*="/pdfft"]')][0];
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', title),
      ...anchorIf('abstract', abstract),
      ...anchorIf('venue', venue),
      ...anchorIf(
        'doi',
        doc.querySelector('#article-identifier-links a.doi, .content-actions-doi-link a[href*="doi.org/"]'),
      ),
      // Only the article's own "View PDF": supplementary files (…-mmc1.pdf) are PDFs too.
      ...anchorIf('pdfUrl', pdf),
    },
    ...(authorButtons.length > 0 ? { authors: authorButtons } : {}),
  });
}

/** "Given Surname" from the name spans; the affiliation letters after them (a, b) point to dl.affiliation. */
function authorOf(doc: Document, button: Element): Author {
  const given = cleanText(visibleText(button.querySelector('.given-name')));
  const family = cleanText(visibleText(button.querySelector('.surname')));
  const author: Author =
    given && family
      ? { name: `${given} ${family}`, given, family, affiliations: [] }
      : parseAuthorName(visibleText(button.querySelector('.react-xocs-alternative-link') ?? button));
  const letters = [...button.querySelectorAll('.author-ref sup')].map((sup) => visibleText(sup));
  for (const dl of doc.querySelectorAll('#author-group dl.affiliation')) {
    const label = visibleText(dl.querySelector('dt'));
    // A paper with one affiliation prints it without a letter.
    if (label === '' ? letters.length === 0 : letters.includes(label)) {
      const text = cleanText(visibleText(dl.querySelector('dd')));
      if (text) author.affiliations.push(text);
    }
  }
  return author;
}

/** The abstract's own text block: the "Highlights" list before it shares its class. */
function abstractBody(doc: Document): Element | null {
  for (const section of doc.querySelectorAll('#abstracts .abstract.author')) {
    const heading = section.querySelector(':scope > h2');
    if (heading && /^abstract$/i.test(visibleText(heading))) return heading.nextElementSibling;
  }
  return null;
}

/** The 2014 layout: everything from the page, the DOI from the inline page-metrics script. */
function readLegacyArticle(doc: Document, url: URL): DetectedPaper {
  const blank: DetectedPaper = { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] } };
  const base = extractEmbedded(doc, url, ID) ?? blank;
  const title = doc.querySelector('h1.svTitle');
  const nameLinks = [...doc.querySelectorAll('ul.authorGroup a.authorName')];
  const abstract = [...doc.querySelectorAll('div.abstract.svAbstract')].find((block) =>
    /^abstract$/i.test(visibleText(block.querySelector('h2'))),
  );
  const abstractText = cleanText(
    [...(abstract?.querySelectorAll(':scope > p') ?? [])].map((p) => visibleText(p)).join(' '),
  );
  // "Received …, Revised …, Accepted …, Available online 26 November 2014": the last is when it appeared.
  const dates = doc.querySelector('dl.articleDates dd');
  const online = /Available online\s+(\d{1,2} \w+ \d{4})/.exec(visibleText(dates))?.[1] ?? '';
  const venue = doc.querySelector('.publicationHead .title a');
  const pdf = doc.querySelector('a#pdfLink[href*="/pdfft"]');
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    abstract: abstractText,
    venue: cleanText(visibleText(venue)),
    ...toIsoDate(online),
  };
  if (nameLinks.length > 0) patch.authors = nameLinks.map((link) => legacyAuthor(doc, link));
  const doi = scriptDoi(doc);
  if (doi) patch.doi = doi;
  const pdfHref = pdf?.getAttribute('href');
  if (pdfHref) patch.pdfUrl = new URL(pdfHref, url).href;
  const found = Object.fromEntries(Object.entries(patch).filter(([, value]) => value != null));
  return mergePaper(base, found, 'site', {
    fields: {
      ...anchorIf('title', title),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', dates),
      ...anchorIf('venue', venue),
      ...anchorIf('pdfUrl', pdf),
    },
    ...(nameLinks.length > 0 ? { authors: nameLinks } : {}),
  });
}

function legacyAuthor(doc: Document, link: Element): Author {
  const given = cleanText(link.getAttribute('data-fn'));
  const family = cleanText(link.getAttribute('data-ln'));
  const author: Author =
    given && family
      ? { name: `${given} ${family}`, given, family, affiliations: [] }
      : parseAuthorName(visibleText(link));
  // Affiliation links follow the name up to the next name: <a href="#af005"><sup>a</sup></a>.
  for (let el = link.nextElementSibling; el && !el.matches('a.authorName'); el = el.nextElementSibling) {
    const id = el.matches('a.auth_aff') ? el.getAttribute('href')?.slice(1) : undefined;
    const text = id ? cleanText(visibleText(doc.getElementById(id)?.querySelector('span'))) : null;
    if (text) author.affiliations.push(text);
  }
  return author;
}

/** SDM.doi = '10.1016/…' in the page-metrics script; scripts are read as text, at most 200 kB each. */
function scriptDoi(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const match = /SDM\.doi\s*=\s*'(10\.\d{4,9}\/[^'\s]{1,200})'/.exec((script.textContent ?? '').slice(0, 200_000));
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}

function readSearchResults(doc: Document, url: URL): DetectedPaper[] {
  return readListEntries(doc, url, {
    site: ID,
    entries: 'li.ResultItem',
    link: 'a.result-list-title-link[href]',
    authors: '.Authors .author',
    venue: '.subtype-srctitle-link',
    // The date follows the journal name, in an element of no class of its own.
    date: (_entry, venue) => venue?.nextElementSibling,
    doi: (entry) => entry.getAttribute('data-doi') ?? undefined,
  });
}
