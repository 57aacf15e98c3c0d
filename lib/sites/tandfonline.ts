// Taylor & Francis Online (www.tandfonline.com): article pages /doi/<doi>, /doi/abs/<doi> and
// /doi/full/<doi>. T&F writes dc.* tags but no citation_author: dc.Creator names carry doubled
// spaces ("Nafisa  Jabeen"), dc.Contributor is the reviewing editor (not an author),
// dc.Description glues the heading to the text ("AbstractFood packaging…") and is cut short.
// Cloudflare often answers with a "Just a moment..." challenge at the article's own address:
// that page has no paper, and detect() says so.

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'tandfonline';

export const tandfonline: SiteAdapter = {
  id: ID,
  name: 'Taylor & Francis Online',
  matches: (url) =>
    /^(www\.)?tandfonline\.com$/.test(url.hostname) && /^\/doi\/(?:abs\/|full\/)?10\.\d{4,9}\//.test(url.pathname),
  detect,
  read(doc, url) {
    if (!detect(doc)) return [];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
};

function detect(doc: Document): 'paper' | null {
  if (isChallengePage(doc)) return null;
  return doc.querySelector('.NLM_article-title, meta[name="dc.Title" i]') ? 'paper' : null;
}

/** Cloudflare's interstitial: its own markup, whatever address it is served at. */
function isChallengePage(doc: Document): boolean {
  return doc.querySelector('#challenge-body-text, #challenge-running, #challenge-form') !== null;
}

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const header = doc.querySelector('.literatumPublicationHeader') ?? doc;
  // Editors are listed with the authors, marked by a role note "(Reviewing Editor)".
  const links = [...header.querySelectorAll('.publicationContentAuthors .contribDegrees')]
    .filter((entry) => !entry.querySelector('.role'))
    .flatMap((entry) => [...entry.querySelectorAll('a.entryAuthor')].slice(0, 1));
  const patch: Partial<PaperMetadata> = {};
  if (links.length > 0) patch.authors = links.map(pageAuthor);
  const abstract = doc.querySelector('.hlFld-Abstract .abstractSection');
  // Some articles repeat the heading inside the section as <p class="summary-title">.
  const abstractText = cleanText(
    [...(abstract?.querySelectorAll(':scope > p:not(.summary-title)') ?? [])].map((p) => visibleText(p)).join(' '),
  );
  if (abstractText) patch.abstract = abstractText;
  // "Published online" is the date shown; "Accepted author version posted online" comes earlier.
  const published = [...header.querySelectorAll('.itemPageRangeHistory span, .articleInfoPublicationDate')].find((el) =>
    /^Published online:/.test(visibleText(el)),
  );
  const date = toIsoDate(visibleText(published).replace(/^Published online:\s*/, ''));
  if (date.year !== null) Object.assign(patch, date);
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', header.querySelector('h1 .NLM_article-title')),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', published),
      ...anchorIf('venue', doc.querySelector('.journalNavTitle a')),
      ...anchorIf('doi', header.querySelector('.dx-doi a')),
      ...anchorIf('pdfUrl', doc.querySelector('a.show-pdf')),
    },
    ...(links.length > 0 ? { authors: links } : {}),
  });
}

/** The link's own text is the name; its hidden overlay holds the affiliation and e-mail. */
function pageAuthor(link: Element): Author {
  const ownText = [...link.childNodes].filter((node) => node.nodeType === 3).map((node) => node.nodeValue);
  const author = parseAuthorName(ownText.join(' '));
  const overlay = link.querySelector('.overlay');
  const affiliation = cleanText(
    [...(overlay?.childNodes ?? [])]
      .filter((node) => node.nodeType === 3)
      .map((node) => node.nodeValue)
      .join(' '),
  );
  if (affiliation) author.affiliations.push(affiliation);
  return author;
}
