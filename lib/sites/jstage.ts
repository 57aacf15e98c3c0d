// J-STAGE (www.jstage.jst.go.jp): article pages /article/<journal>/<vol>/<issue>/<id>/_article,
// in English (/-char/en) or Japanese (/-char/ja). The two are separate renderings of one record.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findDois,
  mergePaper,
  parseAuthorName,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'jstage';
const ARTICLE_PATH = /^\/article\/[^/]+\/.+\/_article/;
// The English page writes this where an author has no Latin spelling: a placeholder, not a name.
const NO_SPELLING = /^\[in (?:japanese|english)\]$/i;

export const jstage: SiteAdapter = {
  id: ID,
  name: 'J-STAGE',
  matches: (url) => url.hostname === 'www.jstage.jst.go.jp' || url.hostname === 'jstage.jst.go.jp',
  detect: (doc, url) =>
    ARTICLE_PATH.test(url.pathname) && doc.querySelector('.global-article-title') ? 'paper' : null,
  read: (doc, url) => [readArticle(doc, url)],
};

function readArticle(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const title = doc.querySelector('.global-article-title');
  const authorList = doc.querySelector('.global-authors-name-tags');
  const authorLinks = [...(authorList?.querySelectorAll('a.customTooltip') ?? [])];
  const abstractWrap = doc.querySelector('#article-overiew-abstract-wrap');
  const abstract = abstractWrap?.querySelector('.global-para-14') ?? abstractWrap;
  const doiLink = doc.querySelector('a[href*="doi.org/10."]');
  const pdfLink = doc.querySelector('a[href*="/_pdf"]');
  const dates = doc.querySelector('.accodion_body_box');
  // citation_title and citation_author are the same on both language pages (the record's
  // first language, usually Japanese): the page's own title and spelling are what the reader
  // sees, so the visible ones win. citation_author is still the complete list, in order.
  const metaAuthors = base.metadata.authors;
  const shownAuthors = authorLinks.flatMap((link, i) => {
    // The markup puts two spaces inside names ("Yanjun  GU") where the tags have one.
    const shown = cleanText(link.textContent) ?? '';
    const fromMeta = metaAuthors.length === authorLinks.length ? metaAuthors[i] : undefined;
    if (NO_SPELLING.test(shown))
      return fromMeta ? [{ author: { ...splitName(fromMeta.name), affiliations: fromMeta.affiliations }, link }] : [];
    return [{ author: { ...splitName(shown), affiliations: fromMeta?.affiliations ?? [] }, link }];
  });
  const patch: Partial<PaperMetadata> = { title: cleanText(visibleText(title)) };
  if (abstractWrap) {
    patch.abstract = cleanText(visibleText(abstract === abstractWrap ? withoutHeading(abstractWrap) : abstract));
  }
  if (shownAuthors.length > 0) patch.authors = shownAuthors.map((a) => a.author);
  const doi = findDois(doiLink?.getAttribute('href') ?? '')[0];
  if (doi) patch.doi = doi;
  // The visible PDF link ends in the page language (/_pdf/-char/en); the file is the same.
  if (pdfLink) patch.pdfUrl = new URL(pdfLink.getAttribute('href') ?? '', url).href.replace(/\/-char\/[a-z]{2}$/, '');
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      doi: doiLink,
      pdfUrl: pdfLink,
      date: dates,
      year: dates,
      authors: authorList,
    }),
    authors: shownAuthors.map((a) => a.link),
  };
  return mergePaper(base, patch, 'site', anchors);
}

/**
 * J-STAGE writes Latin names with the family name in capitals, before or after the given
 * names ("GOLOVIN Daniil O.", "Keita SETO"); Japanese names come family name first ("余語 覚文").
 */
function splitName(name: string): Author {
  const words = name.split(' ');
  if (words.length === 2 && /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(name)) {
    return { name, family: words[0], given: words[1], affiliations: [] };
  }
  const capital = words.findIndex((w) => /^\p{Lu}{2,}$/u.test(w.replace(/[-']/g, '')));
  if (words.length > 1 && capital >= 0) {
    const family = words[capital] ?? '';
    const given = words.filter((_, i) => i !== capital).join(' ');
    return { name, family, given, affiliations: [] };
  }
  return parseAuthorName(name);
}

/** The abstract block without its "Abstract" / "抄録" heading. */
function withoutHeading(block: Element): Element {
  const copy = block.cloneNode(true) as Element;
  copy.querySelector('.section-title-18')?.remove();
  return copy;
}
