// Europe PMC (europepmc.org): records /article/<source>/<id> and /abstract/<source>/<id>, where
// the source is MED (PubMed), PMC or PPR (preprints). Client-rendered: the content script waits
// for readySelector and re-reads after in-app navigation.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findDois,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'europepmc';
const RECORD_PATH = /^\/(?:article|abstract)\/([A-Z]+)\/([A-Z]*\d+)/i;
const TITLE = 'h1#article--current--title';

export const europepmc: SiteAdapter = {
  id: ID,
  name: 'Europe PMC',
  matches: (url) => url.hostname === 'europepmc.org' || url.hostname === 'www.europepmc.org',
  readySelector: TITLE,
  detect: (doc, url) => (RECORD_PATH.test(url.pathname) && doc.querySelector(TITLE) ? 'paper' : null),
  read: (doc, url) => [readRecord(doc, url)],
};

function readRecord(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const title = doc.querySelector(TITLE);
  const authorList = doc.querySelector('#article--authors--list');
  const authorLinks = [...(authorList?.querySelectorAll('a') ?? [])];
  const journal = doc.querySelector('.metadata--journal');
  const dateEl = doc.querySelector('.metadata--date');
  const pmidEl = doc.querySelector('.metadata--pmid');
  const doiLink = doc.querySelector('#article--doi--link-metadataSec');
  const abstractBlock =
    doc.querySelector('#article--abstract .abstract--content') ?? doc.querySelector('#article--abstract');
  const [, source = '', recordId = ''] = RECORD_PATH.exec(url.pathname) ?? [];
  const { date, year } = toIsoDate(visibleText(dateEl));
  const patch: Partial<PaperMetadata> = {
    // Records from MEDLINE keep its style: a full stop closes every title ("Deep learning.").
    title: cleanText(visibleText(title).replace(/(?<![.?!]\.)\.$/, '')),
    // Names as MEDLINE writes them, "LeCun Y": family name, then initials.
    authors: authorLinks.map((a) => initialsAuthor(visibleText(a))),
    pmid: /\d+/.exec(visibleText(pmidEl))?.[0] ?? (source.toUpperCase() === 'MED' ? recordId : base.metadata.pmid),
  };
  if (authorLinks.length === 0) delete patch.authors;
  if (abstractBlock) patch.abstract = cleanText(visibleText(abstractBlock).replace(/^Abstract\s+/, ''));
  const venue = cleanText(visibleText(journal));
  if (venue) patch.venue = venue;
  if (date) Object.assign(patch, { date, year });
  const doi = findDois(doiLink?.getAttribute('href') ?? '')[0];
  if (doi) patch.doi = doi;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract: abstractBlock,
      venue: journal,
      date: dateEl,
      year: dateEl,
      pmid: pmidEl,
      doi: doiLink,
      authors: authorList,
    }),
    authors: authorLinks,
  };
  return mergePaper(base, patch, 'site', anchors);
}

function initialsAuthor(raw: string): Author {
  const m = /^(.+?)\s+([A-Z]{1,4})$/.exec(raw.trim());
  if (!m?.[1] || !m[2]) return parseAuthorName(raw);
  return { name: `${m[2]} ${m[1]}`, given: m[2], family: m[1], affiliations: [] };
}
