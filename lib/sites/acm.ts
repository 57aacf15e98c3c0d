// ACM Digital Library (dl.acm.org): paper pages /doi/<doi>, /doi/abs/<doi>, /doi/full/<doi> in the
// current "core" design and in the 2020 Atypon design (saved pages and mirrors still show it),
// and the /action/doSearch result list. ACM writes dc.* tags at most (some captures have none at
// all), with names double-spaced ("Tianqi  Chen"), so authors, date and venue come from the page.

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

const ID = 'acm';
const PAPER_PATH = /^\/doi\/(?:abs\/|full\/|epdf\/)?10\.\d{4,9}\//;

export const acm: SiteAdapter = {
  id: ID,
  name: 'ACM Digital Library',
  matches: (url) =>
    url.hostname === 'dl.acm.org' && (PAPER_PATH.test(url.pathname) || url.pathname === '/action/doSearch'),
  detect(doc, url) {
    if (url.pathname === '/action/doSearch') return doc.querySelector('li.search__item') ? 'list' : null;
    return doc.querySelector('.core-container h1[property="name"], h1.citation__title') ? 'paper' : null;
  },
  read(doc, url) {
    if (url.pathname === '/action/doSearch') return readSearchResults(doc, url);
    if (!doc.querySelector('.core-container h1[property="name"], h1.citation__title')) return [];
    const blank: DetectedPaper = { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] } };
    return [readPaper(doc, extractEmbedded(doc, url, ID) ?? blank)];
  },
};

function readPaper(doc: Document, base: DetectedPaper): DetectedPaper {
  const core = doc.querySelector('.core-container');
  const title = core?.querySelector('h1[property="name"]') ?? doc.querySelector('h1.citation__title');
  // Current design: one span[property=author] per person, its affiliations and ORCID in a popup
  // inside it. 2020 design: the header list (the same names repeat in a popup list further down).
  const people = core ? [...core.querySelectorAll('header [property="author"]')] : [];
  const legacyNames = core ? [] : [...(doc.querySelector('ul.loa')?.querySelectorAll('.loa__author-name') ?? [])];
  const authors = people.length > 0 ? people.map(coreAuthor) : legacyNames.map(legacyAuthor);
  const authorAnchors = people.length > 0 ? people.map((p) => p.querySelector('a') ?? p) : legacyNames;
  const abstract = doc.querySelector('section#abstract [role="paragraph"], .abstractSection.abstractInFull');
  const published = core?.querySelector('.core-date-published') ?? publicationHistoryDate(doc);
  const venue = doc.querySelector(
    '.core-enumeration [property="isPartOf"] > [property="name"], .issue-item__detail .epub-section__title',
  );
  const date = toIsoDate(visibleText(published).replace(/^Published:\s*/i, ''));
  const patch = onlyFound({
    title: cleanText(visibleText(title)),
    venue: cleanText(visibleText(venue)),
    abstract: cleanText(visibleText(abstract)),
    authors,
    ...date,
  });
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', title),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', published),
      ...anchorIf('venue', venue),
      ...anchorIf('doi', doc.querySelector('.core-self-citation .doi a, a.issue-item__doi')),
      ...anchorIf('pdfUrl', doc.querySelector('a[href^="/doi/pdf/"]')),
    },
    ...(authorAnchors.length > 0 ? { authors: authorAnchors } : {}),
  });
}

function coreAuthor(person: Element): Author {
  const given = cleanText(visibleText(person.querySelector('[property="givenName"]')));
  const family = cleanText(visibleText(person.querySelector('[property="familyName"]')));
  const author: Author =
    given && family
      ? { name: `${given} ${family}`, given, family, affiliations: [] }
      : parseAuthorName(visibleText(person.querySelector('a') ?? person));
  for (const org of person.querySelectorAll('[property="affiliation"] > [property="name"]')) {
    const text = cleanText(visibleText(org));
    if (text) author.affiliations.push(text);
  }
  const orcid = /orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(
    person.querySelector('a.orcid-id')?.getAttribute('href') ?? '',
  );
  return orcid?.[1] ? { ...author, orcid: orcid[1] } : author;
}

/** 2020 design: the name, then its institution once (the page repeats it in the popup list). */
function legacyAuthor(nameEl: Element): Author {
  const author = parseAuthorName(visibleText(nameEl));
  const inst = cleanText(visibleText(nameEl.closest('.loa__author-info')?.querySelector('.loa_author_inst p')));
  if (inst) author.affiliations.push(inst);
  return author;
}

/** 2020 design: "Published: 7 February 2020" under Publication History (the header shows only the month). */
function publicationHistoryDate(doc: Document): Element | undefined {
  return [...doc.querySelectorAll('.section__content li')].find((li) => /^\s*Published:/.test(li.textContent ?? ''));
}

/** The values the page showed: a missing element never erases what the meta tags said. */
function onlyFound(patch: Partial<PaperMetadata>): Partial<PaperMetadata> {
  const out: Partial<PaperMetadata> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value != null && !(Array.isArray(value) && value.length === 0)) Object.assign(out, { [key]: value });
  }
  return out;
}

function readSearchResults(doc: Document, url: URL): DetectedPaper[] {
  return readListEntries(doc, url, {
    site: ID,
    entries: 'li.search__item',
    link: '.issue-item__title a[href]',
    authors: 'ul.loa a[title] span',
    venue: '.issue-item__detail .epub-section__title',
    date: '.issue-item__detail .dot-separator span',
    doi: (_entry, href) => /^\/doi\/(10\.\d{4,9}\/.+)$/.exec(new URL(href).pathname)?.[1],
  });
}
