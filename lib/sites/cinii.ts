// CiNii Research (cir.nii.ac.jp/crid/<id>), the Japanese research index of NII, and the old
// CiNii Articles addresses (ci.nii.ac.jp/naid/<id>), which now lead to the same records.
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

const ID = 'cinii';
const RECORD_PATH = /^\/(?:crid|naid)\/\d+/;

export const cinii: SiteAdapter = {
  id: ID,
  name: 'CiNii Research',
  matches: (url) => url.hostname === 'cir.nii.ac.jp' || url.hostname === 'ci.nii.ac.jp',
  detect: (doc, url) =>
    RECORD_PATH.test(url.pathname) && doc.querySelector('meta[name="citation_title"], h1.item-title') ? 'paper' : null,
  read: (doc, url) => [readRecord(doc, url)],
};

function readRecord(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const title = doc.querySelector('h1.item-title');
  const authorList = doc.querySelector('.author-list');
  const authorItems = [...(authorList?.querySelectorAll('li') ?? [])];
  const abstract = doc.querySelector('.abstract');
  const journal = doc.querySelector('.item-desc .journal-title');
  const volume = doc.querySelector('.item-desc .journal-volume');
  const doiLink = doc.querySelector('.item-desc a[href*="doi.org/10."]');
  // Each author item also holds the kana reading ("ヨゴ アキフミ") and the affiliation: the name
  // is the link alone, the affiliation its own span, and the reading is not read at all.
  const authors = authorItems.map((item): Author => {
    const name = cleanText(visibleText(item.querySelector('a') ?? item)) ?? '';
    const affiliation = cleanText(visibleText(item.querySelector('.affiliation')));
    const parsed = /\s/.test(name) && /\p{Script=Han}/u.test(name) ? japaneseName(name) : parseAuthorName(name);
    return { ...parsed, affiliations: affiliation ? [affiliation] : [] };
  });
  // The abstract may come in Japanese and English paragraphs; the first is the record's own.
  const abstractText = abstract?.querySelector('p') ?? null;
  // "49 (6), 349-, 2021": the year closes the volume line.
  const { date, year } = toIsoDate(/(\d{4})\s*$/.exec(visibleText(volume))?.[1] ?? '');
  // Old CiNii Articles pages have none of this markup: their citation tags are all there is.
  const patch: Partial<PaperMetadata> = {};
  if (title) patch.title = cleanText(visibleText(title));
  if (abstractText) patch.abstract = cleanText(visibleText(abstractText));
  if (authors.length > 0) patch.authors = authors;
  const venue = cleanText(visibleText(journal));
  if (venue) patch.venue = venue;
  if (date && !base.metadata.date?.startsWith(date)) Object.assign(patch, { date, year });
  const doi = findDois(doiLink?.getAttribute('href') ?? '')[0];
  if (doi) patch.doi = doi;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract: abstractText,
      venue: journal,
      date: volume,
      year: volume,
      doi: doiLink,
      authors: authorList,
    }),
    authors: authorItems.map((item) => item.querySelector('a') ?? item),
  };
  return mergePaper(base, patch, 'site', anchors);
}

/** "余語 覚文": Japanese names are written family name first. */
function japaneseName(name: string): Author {
  const [family = '', ...rest] = name.split(' ');
  return { name, family, given: rest.join(' '), affiliations: [] };
}
