// PLOS journals: journals.plos.org/<journal>/article?id=10.1371/journal.<…> (PLOS ONE, Biology,
// Medicine, Computational Biology, Genetics, Pathogens, NTDs, …), the journals' former hosts
// (www.plosone.org/article/…, www.ploscompbiol.org/article/…), and the search page, whose results
// are loaded by script and give no paper. The citation_* tags are complete (with many
// citation_reference tags the generic reader skips); this file adds the anchors and the ORCIDs
// shown in each author's pop-up, and drops the e-mail icon and trailing comma after each name.

import { anchorIf, cleanText, extractEmbedded, mergePaper, parseAuthorName, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'plos';
const LEGACY_HOST = /^www\.plos(?:one|biology|medicine|compbiol|genetics|pathogens|ntds)\.org$/;

export const plos: SiteAdapter = {
  id: ID,
  name: 'PLOS',
  matches(url) {
    if (LEGACY_HOST.test(url.hostname)) return url.pathname.startsWith('/article/');
    return url.hostname === 'journals.plos.org' && /^\/[a-z]+\/(?:article|search)(?:\/|$)/.test(url.pathname);
  },
  detect(doc, url) {
    if (/^\/[a-z]+\/search/.test(url.pathname)) return null;
    return doc.querySelector('h1#artTitle, meta[name="citation_title"]') ? 'paper' : null;
  },
  read(doc, url) {
    if (/^\/[a-z]+\/search/.test(url.pathname)) return [];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
};

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const items = [...doc.querySelectorAll('ul#author-list > li')].filter((li) => li.querySelector('a.author-name'));
  const shown = items.map((li) => pageAuthor(li));
  const embedded = base.metadata.authors;
  // The tags carry each institution separately; the pop-up joins them with commas. Keep the
  // tags' list and add the ORCIDs only the page shows, unless the page names other people.
  const authors =
    embedded.length === shown.length
      ? embedded.map((author, i) => ({ ...author, ...(shown[i]?.orcid ? { orcid: shown[i]?.orcid } : {}) }))
      : shown;
  const patch: Partial<PaperMetadata> = authors.length > 0 ? { authors } : {};
  // Research articles may also carry an "Author Summary" or "Summary Points" box with the same
  // classes; the abstract is the block headed "Abstract".
  const abstract = [...doc.querySelectorAll('.article-text .abstract')].find((block) =>
    /^abstract$/i.test(visibleText(block.querySelector('h2'))),
  );
  const abstractContent = abstract?.querySelector('.abstract-content');
  const abstractText = cleanText(visibleText(abstractContent));
  if (abstractText) patch.abstract = abstractText;
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', doc.querySelector('h1#artTitle')),
      ...anchorIf('abstract', abstractContent),
      ...anchorIf('date', doc.querySelector('#artPubDate')),
      ...anchorIf('doi', doc.querySelector('#artDoi a')),
      ...anchorIf('pdfUrl', doc.querySelector('a#downloadPdf')),
    },
    ...(items.length > 0 ? { authors: items.map((li) => li.querySelector('a.author-name') ?? li) } : {}),
  });
}

function pageAuthor(li: Element): Author {
  const author = parseAuthorName(visibleText(li.querySelector('a.author-name')));
  const affiliation = li.querySelector('[id^="authAffiliation"]');
  const label = visibleText(affiliation?.querySelector('.type'));
  const text = cleanText(visibleText(affiliation).slice(label.length));
  if (text) author.affiliations.push(text);
  const orcid = /orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(
    li.querySelector('.orcid a')?.getAttribute('href') ?? '',
  );
  return orcid?.[1] ? { ...author, orcid: orcid[1] } : author;
}
