// PeerJ (peerj.com): articles /articles/<number>/ in PeerJ and its sister journals (PeerJ
// Computer Science /articles/cs-<number>/, PeerJ Chemistry /articles/pchem-…) and preprints
// /preprints/<number>/. citation_* tags are complete; this file anchors each field in the
// page's JATS-like markup. The corresponding author's name is followed by a zero-width space
// before the affiliation number ("Emslie​1"), and the "Academic Editor" in the same
// information block is marked up as a person too: neither must leak into the author list.

import { anchorIf, cleanText, extractEmbedded, mergePaper, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'peerj';
const PAPER_PATH = /^\/(?:articles|preprints)\/(?:[a-z]+-)?\d+\/?$/;

export const peerj: SiteAdapter = {
  id: ID,
  name: 'PeerJ',
  matches: (url) => /^(www\.)?peerj\.com$/.test(url.hostname) && PAPER_PATH.test(url.pathname),
  detect: (doc) => (doc.querySelector('h1.article-title, meta[name="citation_title"]') ? 'paper' : null),
  read(doc, url) {
    if (!doc.querySelector('h1.article-title, meta[name="citation_title"]')) return [];
    const base = extractEmbedded(doc, url, ID);
    return base ? [readArticle(doc, base)] : [];
  },
};

function readArticle(doc: Document, base: DetectedPaper): DetectedPaper {
  const header = doc.querySelector('header.article-meta') ?? doc;
  const people = [...header.querySelectorAll('.article-authors [data-jats-contrib-type="author"]')];
  const names = people.map((person) => person.querySelector('.name') ?? person);
  const patch: Partial<PaperMetadata> = {};
  // The tags name each author with every institution; the page's list wins only when it names
  // a different number of people.
  if (people.length > 0 && people.length !== base.metadata.authors.length) {
    patch.authors = people.map((person) => {
      const given = cleanText(visibleText(person.querySelector('.given-names')));
      const family = cleanText(visibleText(person.querySelector('.surname')));
      const name = cleanText(visibleText(person.querySelector('.name'))) ?? '';
      return { name, ...(given ? { given } : {}), ...(family ? { family } : {}), affiliations: [] };
    });
  }
  const abstract = header.querySelector('.abstract[itemprop="description"]');
  const abstractText = cleanText(visibleText(abstract));
  if (abstractText) patch.abstract = abstractText;
  return mergePaper(base, patch, 'site', {
    fields: {
      ...anchorIf('title', header.querySelector('h1.article-title')),
      ...anchorIf('abstract', abstract),
      ...anchorIf('date', header.querySelector('.article-dates time[itemprop="datePublished"]')),
      ...anchorIf('venue', header.querySelector('.self-citation-journal [itemprop="name"]')),
      ...anchorIf('doi', header.querySelector('.article-identifiers a[href*="doi.org/"]')),
      // Newer pages keep the PDF link in a closed dialog: the "Download" that opens it is what the reader presses.
      ...anchorIf('pdfUrl', doc.querySelector('a.article-download-pdf, .js-download-modal-trigger')),
    },
    ...(names.length > 0 ? { authors: names } : {}),
  });
}
