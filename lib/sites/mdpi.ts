// MDPI (www.mdpi.com): article pages /<ISSN>/<volume>/<issue>/<number> (also their /htm full
// text view) and issue tables of contents /<ISSN>/<volume>/<issue>. citation_publication_date
// is the issue's month ("2014/12"), while the page shows the day the article was published;
// dc.creator drops middle initials ("Dominique Presicce") that the byline shows. The byline
// (superscript affiliation numbers, ORCID icons, "and" before the last name) is read here.

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import { readListEntry } from './list-entry';
import type { SiteAdapter } from './types';

const ID = 'mdpi';
const ISSUE_PATH = /^\/\d{4}-\d{3}[\dX]\/\d+\/\d+\/?$/;
const ARTICLE_PATH = /^\/\d{4}-\d{3}[\dX]\/\d+\/\d+\/\d+(?:\/(?:htm|html))?\/?$/;

export const mdpi: SiteAdapter = {
  id: ID,
  name: 'MDPI',
  matches: (url) =>
    /^(www\.)?mdpi\.com$/.test(url.hostname) && (ARTICLE_PATH.test(url.pathname) || ISSUE_PATH.test(url.pathname)),
  detect(doc, url) {
    if (ISSUE_PATH.test(url.pathname)) return doc.querySelector('.article-item a.title-link') ? 'list' : null;
    return doc.querySelector('meta[name="citation_title"], h1.title') ? 'paper' : null;
  },
  read(doc, url) {
    if (ISSUE_PATH.test(url.pathname)) return readIssue(doc, url);
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
};

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const bylines = [...doc.querySelectorAll('.art-authors > .inlineblock')];
  const affiliations = [...doc.querySelectorAll('.art-affiliations .affiliation')];
  const patch: Partial<PaperMetadata> = {};
  if (bylines.length > 0) patch.authors = bylines.map((byline) => bylineAuthor(byline, affiliations));
  const published = [...doc.querySelectorAll('.pubhistory span')].find((span) => /^Published:/.test(visibleText(span)));
  const date = toIsoDate(visibleText(published).replace(/^Published:\s*/, ''));
  if (date.year !== null) Object.assign(patch, date);
  const abstract = doc.querySelector('.art-abstract');
  const abstractText = cleanText(visibleText(abstract));
  if (abstractText) patch.abstract = abstractText;
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', doc.querySelector('h1.title')),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', published),
      ...anchorIf('venue', doc.querySelector('.bib-identity > em')),
      ...anchorIf('doi', doc.querySelector('.bib-identity a[href*="doi.org/"]')),
      ...anchorIf('pdfUrl', doc.querySelector('a.UD_ArticlePDF')),
    },
    ...(bylines.length > 0
      ? { authors: bylines.map((byline) => byline.querySelector('.sciprofiles-link__name') ?? byline) }
      : {}),
  });
}

function bylineAuthor(byline: Element, affiliations: readonly Element[]): Author {
  const name = byline.querySelector('.sciprofiles-link__name, .profile-card-drop');
  const author = parseAuthorName(visibleText(name));
  const numbers = [...byline.querySelectorAll(':scope > sup')].flatMap((sup) => visibleText(sup).split(/[,\s]+/));
  for (const affiliation of affiliations) {
    // "*" marks the corresponding author's note, not a place.
    const label = visibleText(affiliation.querySelector('.affiliation-item'));
    const value = cleanText(visibleText(affiliation.querySelector('.affiliation-name')));
    const belongs = label === '' ? affiliations.length === 1 : /^\d+$/.test(label) && numbers.includes(label);
    if (belongs && value) author.affiliations.push(value);
  }
  const orcid = /orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(
    byline.querySelector('a[href*="orcid.org/"]')?.getAttribute('href') ?? '',
  );
  return orcid?.[1] ? { ...author, orcid: orcid[1] } : author;
}

/** An issue's table of contents: one entry per article item. */
function readIssue(doc: Document, url: URL): DetectedPaper[] {
  return [...doc.querySelectorAll('.article-item')].flatMap((item) => {
    const link = item.querySelector('a.title-link[href]');
    if (!link) return [];
    const href = new URL(link.getAttribute('href') ?? '', url).href;
    const names = [...item.querySelectorAll('.authors .inlineblock strong')];
    const citation = item.querySelector('.color-grey-dark');
    const venue = citation?.querySelector(':scope > em');
    const doiLink = citation?.querySelector('a[href*="doi.org/"]');
    // The citation line ends with the publication day: "…; https://doi.org/… - 17 Oct 2014".
    const day = /-\s*(\d{1,2} \w+ \d{4})\s*$/.exec(visibleText(citation))?.[1] ?? '';
    const doi = /doi\.org\/(10\.\d{4,9}\/\S+)$/.exec(doiLink?.getAttribute('href') ?? '')?.[1];
    return [
      readListEntry({
        site: ID,
        entry: item,
        link,
        href,
        authors: names,
        venue,
        date: { text: day },
        doi: { value: doi, shownIn: doiLink },
      }),
    ];
  });
}
