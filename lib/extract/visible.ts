// The visible page: what a reader sees where meta tags are missing or wrong, read only from the
// well-known places articles put each field (no full-page text scan). Each value keeps the
// element it was read from, which becomes that field's anchor.
import type { Author } from '../schema/paper';
import { structuredAbstract } from './abstract-sections';
import { parseAuthorName, stripMarkers } from './authors';
import { type Candidate, MAX_AUTHORS, present } from './candidate';
import { headingsWhere } from './headings';
import { PageQueries } from './page-queries';
import { bodyOf, cleanText, visibleText } from './text';
import { absoluteUrl } from './values';
import { isShown } from './visibility';

export interface VisibleReading {
  candidate: Candidate;
  /** The element each field was read from. */
  elements: { title?: Element; abstract?: Element; pdfUrl?: Element };
  /** One element per author in `candidate.fields.authors`. */
  authorElements: Element[];
}

// Most specific first; a bare h1 last. The candidates are found once (headingsWhere) and ranked
// here: each extra querySelectorAll is a walk over the whole page.
const TITLE_SELECTORS = [
  '[itemprop="headline"]',
  'h1.citation__title',
  'h1.c-article-title',
  'h1.article-title',
  'h1#title',
  'h1.title',
  '.article-title h1',
  'h1[class*="title" i]',
  'main h1',
  'article h1',
  '[role="main"] h1',
  'h1',
];
const TITLE_QUERY = 'h1, [itemprop="headline"]';
const MAX_HEADINGS = 200;

// Text no paper is called: bot challenges and error pages put these in their only heading.
const NOT_A_TITLE =
  /^(?:just a moment|verifying you are human|verifying your browser|attention required|access denied|page not found|404|403|oops|error|sign in|log in|search results?)\b/i;
// Labels some sites print inside the heading (arXiv: <span class="descriptor">Title:</span>).
const TITLE_LABEL = /^title\s*:\s*/i;

/** A heading's text without a leading "Title:" label. */
export function headingText(el: Element): string {
  return visibleText(el, 2000).replace(TITLE_LABEL, '');
}

export function readVisibleTitle(doc: Document, queries = new PageQueries(doc)): Element | undefined {
  const body = queries.body;
  if (!body) return undefined;
  const found =
    headingsWhere(body, ['h1'], MAX_HEADINGS, () => true, queries.itemprop('headline')) ??
    [...body.querySelectorAll(TITLE_QUERY)].slice(0, MAX_HEADINGS);
  return bestMatch(found, TITLE_SELECTORS, (el) => {
    const text = headingText(el);
    return text.length >= 5 && text.length <= 1000 && !NOT_A_TITLE.test(text) && isShown(el);
  });
}

/** The element matching the earliest selector in `ranked` (document order within one selector) that passes `accept`. */
function bestMatch(found: readonly Element[], ranked: readonly string[], accept: (el: Element) => boolean) {
  let best: Element | undefined;
  let bestRank = ranked.length;
  for (const el of found) {
    const rank = ranked.findIndex((selector) => el.matches(selector));
    if (rank < 0 || rank >= bestRank || !accept(el)) continue;
    best = el;
    bestRank = rank;
    if (rank === 0) break;
  }
  return best;
}

// Boxes that hold the abstract, in rank order. Each query walks the whole page, so classes come
// from the browser's kept list of the class (one list for the four ".abstract" selectors).
const ABSTRACT_BOXES: readonly ((body: Element, queries: PageQueries) => ArrayLike<Element>)[] = [
  (body) => body.querySelectorAll('#abstract'),
  (body) => body.querySelectorAll('#Abs1-content'),
  (body) => body.querySelectorAll('#Abs1'),
  (body) => classed(body, 'abstract', 'section'),
  (body) => classed(body, 'abstract', 'div'),
  (body) => classed(body, 'abstract', 'blockquote'),
  (body) => body.getElementsByClassName('abstract'),
  (body) => body.getElementsByClassName('abstractSection'),
  (body) => body.getElementsByClassName('article__abstract'),
  (body) => body.querySelectorAll('section[aria-labelledby*="abstract" i]'),
  (_, queries) => queries.itemprop('description'),
  (body) => body.querySelectorAll('[class*="abstract" i]'),
];

/** `tag.name` (section.abstract) from the class's list. */
function classed(root: Element, name: string, tag: string): Element[] {
  return [...root.getElementsByClassName(name)].filter((el) => el.localName === tag);
}
// "Abstract", "Abstract (provisional)" (BMC), "Scientific abstract" (APA).
const ABSTRACT_HEADING = /^(?:abstract|summary|scientific abstract)(?:\s*\([^)]{0,30}\))?[:.]?$/i;
// "Abstract", and the navigation link HighWire prints before it ("Next Section Abstract").
const ABSTRACT_LABEL = /^(?:(?:next|previous) section\s+)?(?:abstract|summary)\b(?:\s*\([^)]{0,30}\))?\s*[:.]?\s*/i;

export function readVisibleAbstract(doc: Document, queries = new PageQueries(doc)): Element | undefined {
  const body = queries.body;
  if (!body) return undefined;
  // A heading "Abstract" followed by the text: what a reader recognises first. Publishers put
  // highlights, graphical abstracts and author lists in boxes classed "abstract" too.
  const headings =
    headingsWhere(body, ['h2', 'h3', 'h4', 'h5'], MAX_HEADINGS, isAbstractHeading) ??
    [...body.querySelectorAll('h2, h3, h4, h5')].slice(0, MAX_HEADINGS).filter(isAbstractHeading);
  for (const heading of headings) {
    const section = abstractUnderHeading(heading);
    if (section) return section;
  }
  return firstByRank(
    body,
    queries,
    ABSTRACT_BOXES,
    (el) =>
      !isHighlights(el) &&
      !el.closest('[class*="related" i], nav') &&
      !holdsTitle(el) &&
      abstractText(el, 400).length >= 50 &&
      isShown(el),
  );
}

// The words ABSTRACT_HEADING needs, or a zero-width character that could split them in the
// source (visibleText drops those): only headings with these are read as the reader sees them.
const MAY_NAME_ABSTRACT = /abstract|summary|[\u200b-\u200d\u2060\ufeff\u00ad]/i;

function isAbstractHeading(heading: Element): boolean {
  const raw = heading.textContent ?? '';
  return raw.length <= 80 && MAY_NAME_ABSTRACT.test(raw) && ABSTRACT_HEADING.test(visibleText(heading, 40));
}

/**
 * The first element (document order) of the earliest query in `ranked` that finds one passing
 * `accept`. Queries run in rank order and only until one answers, so the costly
 * catch-all last ([class*="abstract" i]) runs only on pages the specific ones miss.
 */
function firstByRank(
  root: Element,
  queries: PageQueries,
  ranked: readonly ((root: Element, queries: PageQueries) => ArrayLike<Element>)[],
  accept: (el: Element) => boolean,
): Element | undefined {
  for (const query of ranked) {
    const found = query(root, queries);
    for (let i = 0, n = Math.min(found.length, MAX_HEADINGS); i < n; i++) {
      if (accept(found[i] as Element)) return found[i] as Element;
    }
  }
  return undefined;
}

/**
 * The abstract a heading introduces: the heading's own box when the heading opens it (a
 * structured abstract's Background/Methods/Results then stay together), else the next sibling.
 */
function abstractUnderHeading(heading: Element): Element | undefined {
  const box = heading.parentElement;
  let opensBox = box !== null && box !== bodyOf(heading.ownerDocument);
  for (let prev = heading.previousElementSibling; prev && opensBox; prev = prev.previousElementSibling) {
    if ((prev.textContent ?? '').trim()) opensBox = false;
  }
  if (box && opensBox && !holdsTitle(box) && abstractText(box, 400).length >= 50 && isShown(box)) return box;
  const level = Number(heading.tagName.slice(1));
  for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
    const nextLevel = /^H[1-6]$/i.test(next.tagName) ? Number(next.tagName.slice(1)) : 7;
    if (nextLevel <= level) break;
    if (nextLevel === 7 && abstractText(next, 400).length >= 50 && isShown(next)) return next;
  }
  return undefined;
}

// A box that holds the page's main heading is the article header, not its abstract (BMC's
// 2014 pages class the whole article "abstract").
function holdsTitle(el: Element): boolean {
  return el.querySelector('h1') !== null;
}

// ScienceDirect and others put "Highlights" bullets, and a graphical (visual) abstract's
// figure and caption, in an "abstract" box before the abstract; lists of related articles'
// abstracts (passed over in readVisibleAbstract) are classed alike.
function isHighlights(el: Element): boolean {
  return /^(?:highlights|(?:graphical|visual) abstract)\b/i.test(visibleText(el, 30));
}

/**
 * The abstract's value: a structured one as "Label: text" lines (abstract-sections.ts), else
 * its text without the "Abstract" heading.
 */
export function readAbstract(el: Element): string | null {
  return structuredAbstract(el) ?? cleanText(abstractText(el));
}

/** The abstract as the reader sees it, without the "Abstract" heading inside its box. */
export function abstractText(el: Element, maxChars?: number): string {
  return visibleText(el, maxChars).replace(ABSTRACT_LABEL, '');
}

// Names marked up as names: schema.org microdata, rel=author, and Highwire-era classes, in rank
// order. Each query is a walk over the whole page, so microdata comes from the extraction's one
// [itemprop] query, a class alone from the browser's kept list of it, and selectors that cannot
// match (no .authors on the page) are not queried.
function authorCandidates(doc: Document, body: Element, queries: PageQueries): (() => ArrayLike<Element>)[] {
  const underAuthors = () => doc.getElementsByClassName('authors').length > 0;
  return [
    // [itemprop="author"] [itemprop="name"]
    () => queries.itemprop('name').filter((el) => el.parentElement?.closest('[itemprop="author"]')),
    () => queries.itemprop('author'),
    () => body.querySelectorAll('a[rel="author"]'),
    () => body.getElementsByClassName('citation_author'),
    () => (underAuthors() ? body.querySelectorAll('.authors .author-name') : []),
    () => (underAuthors() ? body.querySelectorAll('.authors a.author') : []),
  ];
}

export function readVisibleAuthors(doc: Document, queries = new PageQueries(doc)): Element[] {
  const body = queries.body;
  if (!body) return [];
  // One query per selector in rank order, stopping at the first that shows names: most pages
  // answer with the first or with none, and Chromium matches one selector on a fast path, a
  // list through its general matcher.
  for (const candidates of authorCandidates(doc, body, queries)) {
    const found = candidates();
    const shown: Element[] = [];
    for (let i = 0, n = Math.min(found.length, MAX_AUTHORS); i < n; i++) {
      const el = found[i] as Element;
      const text = visibleText(el, 300);
      if (text.length > 1 && text.length < 200 && isShown(el)) shown.push(el);
    }
    if (shown.length > 0) return shown;
  }
  return [];
}

// "Download PDF", "PDF", "Full text (PDF)": the article's own PDF link in the page header.
const PDF_LINK_TEXT =
  /^(?:download\s+)?(?:article\s+|full[\s-]?text\s+)?\(?pdf\)?(?:\s*\(.*\))?$|^(?:download|view|get)\s+(?:the\s+)?(?:article\s+)?pdf\b/i;

export function readVisiblePdfLink(doc: Document, queries = new PageQueries(doc)): Element | undefined {
  const links = queries.links();
  for (let i = 0, n = Math.min(links.length, 3000); i < n; i++) {
    const link = links[i] as Element;
    const raw = link.textContent ?? '';
    if (raw.length > 200 || !/pdf/i.test(raw)) continue;
    const text = visibleText(link);
    if (text.length <= 60 && PDF_LINK_TEXT.test(text) && isShown(link)) return link;
  }
  return undefined;
}

export function readVisible(doc: Document, queries = new PageQueries(doc)): VisibleReading {
  const titleEl = readVisibleTitle(doc, queries);
  const abstractEl = readVisibleAbstract(doc, queries);
  const authorElements = readVisibleAuthors(doc, queries);
  const pdfEl = readVisiblePdfLink(doc, queries);
  const authors: Author[] = [];
  const kept: Element[] = [];
  // A name marked up twice (the byline and its hover card) is one author.
  const names = new Set<string>();
  for (const el of authorElements) {
    const name = stripMarkers(visibleText(el));
    if (!name || names.has(name)) continue;
    names.add(name);
    authors.push(parseAuthorName(name));
    kept.push(el);
  }
  return {
    candidate: {
      source: 'visible',
      fields: present({
        title: titleEl ? cleanText(headingText(titleEl)) : null,
        abstract: abstractEl ? readAbstract(abstractEl) : null,
        authors,
        pdfUrl: pdfEl ? absoluteUrl(pdfEl.getAttribute('href'), doc) : null,
      }),
    },
    elements: { title: titleEl, abstract: abstractEl, pdfUrl: pdfEl },
    authorElements: kept,
  };
}
