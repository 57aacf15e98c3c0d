// eLife (elifesciences.org): research articles /articles/<number> and reviewed preprints
// /reviewed-preprints/<number>. eLife writes dc.* tags only (dc.contributor for each author,
// dc.identifier "doi:10.7554/eLife.…"); its meta description is the one-sentence impact
// statement, not the abstract, so the abstract comes from the page alone, and some saved
// pages leave the abstract section empty: then there is no abstract to show. The PDF link is
// an opaque /download/<base64>/… address, the "Article PDF" one (not "Figures PDF").

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'elife';
const PAPER_PATH = /^\/(?:articles|reviewed-preprints)\/\d+/;

export const elife: SiteAdapter = {
  id: ID,
  name: 'eLife',
  matches: (url) => /^(www\.)?elifesciences\.org$/.test(url.hostname) && PAPER_PATH.test(url.pathname),
  detect: (doc) => (doc.querySelector('h1.content-header__title, meta[name="dc.title"]') ? 'paper' : null),
  read(doc, url) {
    if (!doc.querySelector('h1.content-header__title, meta[name="dc.title"]')) return [];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
};

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const header = doc.querySelector('header.content-header');
  const authorLinks = [
    ...(header?.querySelectorAll('.content-header__author_list .content-header__author_link') ?? []),
  ];
  const institutions = [...(header?.querySelectorAll('.content-header__institution') ?? [])];
  const patch: Partial<PaperMetadata> = { venue: 'eLife' };
  // The header lists institutions without saying whose they are; only a single one is everyone's.
  const shared = institutions.length === 1 ? cleanText(visibleText(institutions[0])) : null;
  if (authorLinks.length > 0) {
    patch.authors = authorLinks.map((link) => {
      const author = parseAuthorName(visibleText(link));
      return shared ? { ...author, affiliations: [shared] } : author;
    });
  }
  const abstractBody = doc.querySelector('section#abstract .article-section__body');
  // The impact statement in the meta description is not the abstract: where the page's
  // abstract section is empty there is none (mergePaper then drops its control too).
  if (abstractBody) patch.abstract = cleanText(visibleText(abstractBody));
  const time = header?.querySelector('.meta .date time[datetime]');
  const date = toIsoDate(time?.getAttribute('datetime') ?? '');
  if (date.year !== null) Object.assign(patch, date);
  const pdf = doc.querySelector('a[data-download-type="pdf-article"]');
  const pdfHref = pdf?.getAttribute('href');
  if (pdfHref) patch.pdfUrl = new URL(pdfHref, base.metadata.url).href;
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', header?.querySelector('h1.content-header__title')),
      ...(patch.abstract ? anchorIf('abstract', abstractBody) : {}),
      ...anchorIf('date', time),
      ...anchorIf('doi', doc.querySelector('a.doi__link')),
      ...anchorIf('pdfUrl', pdf),
    },
    ...(authorLinks.length > 0 ? { authors: authorLinks } : {}),
  });
}
