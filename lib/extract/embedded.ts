// The generic extraction: every standard vocabulary plus the visible page, merged into one paper.
import { findAnchors, findTitleAnchor } from './anchors';
import { readBepress } from './bepress';
import type { Candidate } from './candidate';
import { isChallengePage } from './challenge';
import { coinsSpans, readCoins } from './coins';
import { readDublinCore } from './dublin-core';
import { readEprints } from './eprints';
import { readHighwire } from './highwire';
import { jsonLdScripts, readJsonLd } from './json-ld';
import { markShown, mergeCandidates } from './merge';
import { type MetaTags, readMetaTags } from './meta-tags';
import { readOpenGraph } from './open-graph';
import { readTextIdentifiers, readUrlIdentifiers } from './page-identifiers';
import { PageQueries } from './page-queries';
import { readPrism } from './prism';
import { shortElements } from './short-elements';
import { readShownDate } from './shown-date';
import { dropUnconfirmed, readBylineAuthors } from './stale-tags';
import { comparisonKey } from './text';
import type { DetectedPaper } from './types';
import { readVisible } from './visible';

/** Sources whose presence alone says "this page describes a paper" (given a title). */
const SCHOLARLY_SOURCES = new Set(['highwire', 'dublin-core', 'prism', 'eprints', 'bepress', 'coins']);

/**
 * Reads every standard vocabulary and the visible page, merges them (lib/extract/merge.ts),
 * and returns one paper with its anchors; null when nothing on the page says it is a paper.
 */
export function extractEmbedded(doc: Document, url: URL, site = 'generic', tagsRead?: MetaTags): DetectedPaper | null {
  if (isChallengePage(doc)) return null;
  const tags = tagsRead ?? readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const embedded: Candidate[] = [
    readHighwire(doc, tags),
    jsonLd,
    readDublinCore(doc, tags),
    readPrism(doc, tags),
    readEprints(doc, tags),
    readBepress(doc, tags),
    readCoins(doc),
    readOpenGraph(doc, tags),
    readUrlIdentifiers(url),
  ];
  dropForeignCoins(embedded);
  const queries = new PageQueries(doc);
  const visible = readVisible(doc, queries);
  if (!isPaperPage(embedded, jsonLd.scholarly, visible.candidate)) return null;
  const seen = visible.candidate;
  const embeddedTitle = embedded.find((c) => c.fields.title)?.fields.title;
  const titleEl = visible.elements.title;
  // A heading contradicts the embedded title only when the page shows that title nowhere (tags
  // left over from the previous paper after in-app navigation), and only a heading marked up
  // as the title or heading the main content: a journal's name in an h1 is not a title.
  if (
    titleEl &&
    seen.fields.title &&
    embeddedTitle &&
    comparisonKey(seen.fields.title) !== comparisonKey(embeddedTitle)
  ) {
    if (!isStrongTitle(titleEl) || findTitleAnchor(doc, embeddedTitle, queries)) delete seen.fields.title;
    else {
      // The tags describe another paper: keep only what the page confirms, read the byline.
      dropUnconfirmed(embedded, doc, titleEl);
      if (!seen.fields.authors) {
        const byline = readBylineAuthors(doc, titleEl);
        if (byline.length > 0) seen.fields.authors = byline;
      }
    }
  }
  // A labelled DOI in the text is needed only when no tag or address gives one: the scan is
  // the one read of running text (bounded to the page's opening), so it runs last and only then.
  if (!embedded.some((c) => c.fields.doi)) embedded.push(readTextIdentifiers(doc));
  dropTeasers(embedded);
  // The PDF named in tags is the article's; a "PDF" button is only trusted when nothing names one.
  if (embedded.some((c) => c.fields.pdfUrl)) delete seen.fields.pdfUrl;
  // A labelled date of another year is another paper's (a reference, a related article).
  const dated = embedded.find((c) => c.fields.date || c.fields.year)?.fields;
  const fits = (year: number) => !dated || (dated.year ?? Number(dated.date?.slice(0, 4))) === year;
  const shownDate = readShownDate(shortElements(queries.body), fits);
  if (shownDate) {
    seen.fields.date = shownDate.date;
    seen.fields.year = shownDate.year;
  }
  const metadata = mergeCandidates([...embedded, seen], url.href, site);
  const anchors = findAnchors(doc, metadata, { ...visible.elements, date: shownDate?.el }, queries);
  markShown(metadata, anchors);
  return { metadata, anchors };
}

const TITLE_TAGS = [
  'citation_title',
  'dc.title',
  'dcterms.title',
  'prism.title',
  'eprints.title',
  'bepress_citation_title',
];

/**
 * Cheap: could this page carry a paper? True when a scholarly title tag, a JSON-LD block, a
 * COinS span or an identifier in the address is present. extractEmbedded decides for certain.
 * `tagsRead`: the page's meta tags when the caller has read them already.
 */
export function mayHavePaper(doc: Document, url: URL, tagsRead?: MetaTags): boolean {
  if (isChallengePage(doc)) return false;
  const tags = tagsRead ?? readMetaTags(doc);
  if (TITLE_TAGS.some((name) => tags.first(name))) return true;
  if (jsonLdScripts(doc).length > 0 || coinsSpans(doc).length > 0) return true;
  const address = readUrlIdentifiers(url).fields;
  return Boolean(address.doi || address.arxivId);
}

/** Shortest description taken for an abstract: teasers and one-line summaries are shorter. */
const MIN_DESCRIBED_ABSTRACT = 200;

/**
 * Description tags that are not the abstract: short teasers, and citation strings that begin
 * with the authors' names (ACL Anthology's og:description "Teven Le Scao, Alexander Rush. Proceedings…").
 */
function dropTeasers(candidates: Candidate[]): void {
  const authors = candidates.find((c) => c.fields.authors?.length)?.fields.authors ?? [];
  const firstFamily = authors[0]?.family ?? authors[0]?.name;
  for (const candidate of candidates) {
    const abstract = candidate.fields.abstract;
    if (!abstract || !candidate.abstractIsDescription) continue;
    const citesAuthors = firstFamily !== undefined && abstract.slice(0, 150).includes(firstFamily);
    if (abstract.length < MIN_DESCRIBED_ABSTRACT || citesAuthors) delete candidate.fields.abstract;
  }
}

/**
 * A COinS span naming another title than the page's tags describes another paper (a citation
 * outside a reference list readCoins recognises): none of its values are this paper's.
 */
function dropForeignCoins(candidates: readonly Candidate[]): void {
  const coins = candidates.find((c) => c.source === 'coins');
  const coinsTitle = coins?.fields.title;
  const title = candidates.find((c) => c.source !== 'coins' && c.fields.title)?.fields.title;
  if (coins && coinsTitle && title && comparisonKey(coinsTitle) !== comparisonKey(title)) coins.fields = {};
}

function isPaperPage(embedded: readonly Candidate[], scholarlyJsonLd: boolean, visible: Candidate): boolean {
  const titled = embedded.some((c) => c.fields.title && SCHOLARLY_SOURCES.has(c.source));
  if (titled) return true;
  if (scholarlyJsonLd && embedded.some((c) => c.source === 'json-ld' && c.fields.title)) return true;
  // No scholarly tags: an identifier in the address (a DOI or arXiv landing page) and a visible title.
  const addressed = embedded.some((c) => c.source === 'url' && (c.fields.doi || c.fields.arxivId));
  return addressed && visible.fields.title !== undefined;
}

// A heading marked up as the article title, or the heading of the main content.
function isStrongTitle(el: Element | undefined): boolean {
  if (!el) return false;
  if (el.matches('[itemprop="headline"], [class*="title" i], #title')) return true;
  return el.closest('main, article, [role="main"]') !== null;
}
