// dblp (dblp.org and its mirror dblp.uni-trier.de): person pages /pid/…, tables of contents
// /db/conf|journals/…, and single records /rec/…. Every li.entry is one record with its own controls.
import {
  anchorsOf,
  cleanText,
  emptyMetadata,
  findArxivIds,
  findDois,
  mergePaper,
  parseAuthorName,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'dblp';
// Edited volumes ("editor") are proceedings and books, not papers with authors to correct.
const ENTRY = 'li.entry:not(.editor)';

export const dblp: SiteAdapter = {
  id: ID,
  name: 'dblp',
  matches: (url) => /^(?:www\.)?dblp\.(?:org|uni-trier\.de|dagstuhl\.de)$/.test(url.hostname),
  detect(doc, url) {
    if (!doc.querySelector(ENTRY)) return null;
    if (url.pathname.startsWith('/rec/')) return 'paper';
    return /^\/(?:pid|pers|db)\//.test(url.pathname) ? 'list' : null;
  },
  read(doc, url) {
    const entries = [...doc.querySelectorAll(ENTRY)];
    // A table of contents names the venue and year once, in its heading, not in each entry.
    const heading = /^\/db\//.test(url.pathname) ? visibleText(doc.querySelector('#headline h1')) : '';
    return entries.map((entry) => readEntry(entry, url, heading));
  },
};

function readEntry(entry: Element, url: URL, heading: string): DetectedPaper {
  const cite = entry.querySelector('cite') ?? entry;
  const title = cite.querySelector('.title');
  const authorEls = [...cite.querySelectorAll('[itemprop="author"]')];
  const venue = cite.querySelector('[itemprop="isPartOf"] [itemprop="name"]');
  const yearEl = cite.querySelector('[itemprop="datePublished"]');
  // DOI and arXiv id are only in the "electronic edition" links of the entry's hover menu, so
  // they are read but not anchored: a control beside a hidden menu item could not be seen.
  const links = [...entry.querySelectorAll('li.ee a[href]')].map((a) => a.getAttribute('href') ?? '');
  const year = Number(visibleText(yearEl) || /\b(1[89]\d\d|2\d{3})\b/.exec(heading)?.[1]) || null;
  const patch: Partial<PaperMetadata> = {
    // dblp ends every title with a full stop (or keeps its own "?" or "!").
    title: cleanText(visibleText(title).replace(/\.$/, '')),
    authors: authorEls.map((el) => parseAuthorName(withoutHomonymNumber(visibleText(el)))),
    venue: cleanText(visibleText(venue)) ?? cleanText(heading.split(':')[0]),
    year,
    date: year ? String(year) : null,
    doi: links.flatMap((href) => findDois(href))[0] ?? null,
    arxivId: links.flatMap((href) => (/arxiv\.org\//.test(href) ? findArxivIds(href) : []))[0] ?? null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, venue, year: yearEl, date: yearEl, authors: authorEls[0]?.parentElement ?? null }),
    authors: authorEls,
  };
  return mergePaper(
    { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] }, entry },
    patch,
    'site',
    anchors,
  );
}

/** dblp tells namesakes apart with a number ("Wei Wang 0001"); it is not part of the name. */
function withoutHomonymNumber(name: string): string {
  return name.replace(/\s+\d{4}$/, '');
}
