// APA PsycNET full-text articles (psycnet.apa.org/journals/<journal>/<volume>/<issue>/<page>.html
// and /fulltext/<id>.html; PsycARTICLES layout). These pages carry no citation_*, DC or JSON-LD
// tags: only <meta name="title"> and a URL-encoded ("There%20have…") description. The visible
// title is set in Title Case while the record's title (in the meta tag and the APA citation
// under it) is in sentence case; the record's form is kept, anchored on the heading. Some
// articles have two abstracts, a plain-language "ABSTRACT" then the "SCIENTIFIC ABSTRACT":
// the scientific one is the article's abstract. DOI, year and journal come from the citation.

import { cleanText, emptyMetadata, extractEmbedded, mergePaper, parseAuthorName, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'apa';
const ARTICLE = '#psycnet_fulltext_article_content .articleTitleGroup h1';

export const apa: SiteAdapter = {
  id: ID,
  name: 'APA PsycNET',
  matches: (url) =>
    url.hostname === 'psycnet.apa.org' &&
    /^\/(?:journals\/[a-z]+\/\d+\/\d+\/\d+|fulltext\/[\w-]+)\.html$/.test(url.pathname),
  detect: (doc) => (doc.querySelector(ARTICLE) ? 'paper' : null),
  read(doc, url) {
    const heading = doc.querySelector(ARTICLE);
    if (!heading) return [];
    const blank: DetectedPaper = { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] } };
    return [readArticle(doc, url, heading, extractEmbedded(doc, url, ID) ?? blank)];
  },
};

function readArticle(doc: Document, url: URL, heading: Element, base: DetectedPaper): DetectedPaper {
  const shownTitle = cleanText(visibleText(heading));
  const recordTitle = cleanText(doc.querySelector('meta[name="title"]')?.getAttribute('content'));
  const sameTitle = recordTitle && shownTitle && recordTitle.toLowerCase() === shownTitle.toLowerCase();
  const authorLinks = [...(heading.parentElement?.querySelectorAll('.authorGroup a[href*="latSearchType=ra"]') ?? [])];
  const citation = doc.querySelector('p.articleCitationText');
  const citationText = visibleText(citation);
  const doi = /doi\.org\/(10\.\d{4,9}\/\S+?)\.?(?:\s|$)/.exec(citationText)?.[1];
  const year = /\((\d{4})\)/.exec(citationText)?.[1];
  const journal = cleanText(visibleText(citation?.querySelector('em')).replace(/,\s*\d+$/, ''));
  const abstract = abstractBlock(doc, 'SCIENTIFIC ABSTRACT') ?? abstractBlock(doc, 'ABSTRACT');
  const pdf = doc.querySelector('li.ftPDF a[href$=".pdf"]');
  const authors: Author[] = authorLinks.map((link) => parseAuthorName(visibleText(link)));
  const patch: Partial<PaperMetadata> = {
    title: sameTitle ? recordTitle : shownTitle,
    abstract: cleanText(visibleText(abstract)),
    venue: journal,
    ...(authors.length > 0 ? { authors } : {}),
    ...(doi ? { doi: doi.toLowerCase() } : {}),
    ...(year ? { year: Number(year), date: year } : {}),
    ...(pdf ? { pdfUrl: new URL(pdf.getAttribute('href') ?? '', url).href } : {}),
  };
  const found = Object.fromEntries(Object.entries(patch).filter(([, value]) => value != null));
  return mergePaper(base, found, 'site', {
    fields: {
      title: heading,
      ...(abstract ? { abstract } : {}),
      ...(citation ? { doi: citation, year: citation } : {}),
      ...(pdf ? { pdfUrl: pdf } : {}),
    },
    ...(authorLinks.length > 0 ? { authors: authorLinks } : {}),
  });
}

/** The text block after the section heading with this exact label. */
function abstractBlock(doc: Document, label: string): Element | null {
  for (const container of doc.querySelectorAll('.topLevelHeadingContainer')) {
    if (visibleText(container.querySelector('h2')) === label) return container.nextElementSibling;
  }
  return null;
}
