// Frontiers (www.frontiersin.org): article pages /journals/<journal>/articles/<doi>/full and the
// older /articles/<doi>/full form. The search page is filled in by script and gives no paper.
// citation_* tags are complete but differ from what the reader sees: names end in a space
// ("Dienes, Zoltan "), citation_online_date is the provisional acceptance, not the publication
// date shown in the header, and og:title starts with "Frontiers | ". This file reads the header.

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'frontiers';
const ARTICLE_PATH = /^\/(?:journals\/[a-z0-9-]+\/)?articles\/10\.\d{4,9}\//;

export const frontiers: SiteAdapter = {
  id: ID,
  name: 'Frontiers',
  matches: (url) =>
    /^(www\.)?frontiersin\.org$/.test(url.hostname) && (ARTICLE_PATH.test(url.pathname) || url.pathname === '/search'),
  detect: (doc, url) =>
    ARTICLE_PATH.test(url.pathname) &&
    doc.querySelector('meta[name="citation_title"], h1.ArticleDetailsV4__main__title')
      ? 'paper'
      : null,
  read(doc, url) {
    if (!ARTICLE_PATH.test(url.pathname)) return [];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
};

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const names = [...doc.querySelectorAll('.PeopleList .PeopleListItem__name')];
  const affiliations = [...doc.querySelectorAll('.AffiliationList__name')];
  const patch: Partial<PaperMetadata> = {};
  if (names.length > 0) patch.authors = names.map((name) => pageAuthor(name, affiliations));
  // The header's "Front. Plant Sci., 22 September 2016": the date the article was published.
  const dateSpan = doc.querySelector('.ArticleLayoutHeader__info__journalDate span:nth-child(2)');
  const date = toIsoDate(visibleText(dateSpan).replace(/^,\s*/, ''));
  if (date.year !== null) Object.assign(patch, date);
  const abstract = abstractSection(doc);
  const abstractText = cleanText(
    [...(abstract?.querySelectorAll(':scope > p') ?? [])].map((p) => visibleText(p)).join(' '),
  );
  if (abstractText) patch.abstract = abstractText;
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', doc.querySelector('h1.ArticleDetailsV4__main__title')),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', dateSpan),
      ...anchorIf('doi', doc.querySelector('a.ArticleLayoutHeader__info__doi')),
      ...anchorIf('pdfUrl', doc.querySelector('a[data-event="download-a-pdf"]')),
    },
    ...(names.length > 0 ? { authors: names } : {}),
  });
}

/** The name without its superscripts (affiliation numbers, "*" for the corresponding author). */
function pageAuthor(nameEl: Element, affiliations: readonly Element[]): Author {
  const text = [...nameEl.childNodes]
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue)
    .join('');
  const author = parseAuthorName(text);
  const numbers = [...nameEl.querySelectorAll('sup')].map((sup) => visibleText(sup).replace(/\D/g, '')).filter(Boolean);
  for (const affiliation of affiliations) {
    const label = visibleText(affiliation.querySelector('sup'));
    // A single affiliation is printed without a number and belongs to everyone.
    const belongs = label === '' ? affiliations.length === 1 : numbers.includes(label);
    const value = cleanText(visibleText(affiliation).slice(label.length));
    if (belongs && value) author.affiliations.push(value);
  }
  return author;
}

function abstractSection(doc: Document): Element | undefined {
  return [...doc.querySelectorAll('.ArticleContent > div')].find((div) =>
    /^abstract$/i.test(visibleText(div.querySelector(':scope > h2'))),
  );
}
