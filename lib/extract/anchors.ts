// Finding where the reader sees each field: the element whose text is the value. Anchors are
// what inline controls sit beside, so an anchor is always a shown element in <body> whose text
// matches the value (normalised comparison), never a <meta>.
import type { Author, PaperMetadata } from '../schema/paper';
import { stripMarkers } from './authors';
import { toIsoDate } from './dates';
import { headingsWhere } from './headings';
import { PageQueries } from './page-queries';
import { headerRegion, type ShortElement, type ShortElements, shortElements } from './short-elements';
import { bodyOf, comparisonKey, firstKeyChar, visibleText } from './text';
import type { FieldAnchors } from './types';
import { isShown, type VisibilityCache } from './visibility';
import { headingText } from './visible';

/** Keys under which a person's name may be written: "Ada Lovelace", "Lovelace, Ada", "A. Lovelace", "Lovelace A". */
export function nameKeys(author: Author): string[] {
  const keys = new Set<string>([comparisonKey(author.name)]);
  const { given, family } = author;
  if (given && family) {
    const initials = given
      .split(/[\s.-]+/)
      .filter(Boolean)
      .map((part) => part[0])
      .join('');
    for (const form of [
      `${family} ${given}`,
      `${initials} ${family}`,
      `${family} ${initials}`,
      `${given[0]} ${family}`,
    ]) {
      keys.add(comparisonKey(form));
    }
  }
  keys.delete('');
  return [...keys];
}

function firstShown(elements: Iterable<Element>): Element | undefined {
  for (const el of elements) if (isShown(el)) return el;
  return undefined;
}

/** The first shown heading or title element whose text is the title (a suffix such as a version badge is allowed). */
export function findTitleAnchor(doc: Document, title: string, queries = new PageQueries(doc)): Element | undefined {
  const key = comparisonKey(title);
  const body = bodyOf(doc);
  if (!key || !body) return undefined;
  // Headings first; elements classed "title" only when no heading shows it.
  const writes = (el: Element) => writesTitle(el, title, key) !== undefined;
  const headings =
    headingsWhere(body, ['h1', 'h2', 'h3'], MAX_TITLE_CANDIDATES, writes, queries.itemprop('headline')) ??
    [...body.querySelectorAll('h1, h2, h3, [itemprop="headline"]')].slice(0, MAX_TITLE_CANDIDATES).filter(writes);
  return (
    titleIn(headings, title, key) ?? titleIn(body.querySelectorAll('[class*="title" i], [id*="title" i]'), title, key)
  );
}

const MAX_TITLE_CANDIDATES = 1000;

function titleIn(candidates: ArrayLike<Element>, title: string, key: string): Element | undefined {
  const exact: Element[] = [];
  const prefixed: Element[] = [];
  for (let i = 0, n = Math.min(candidates.length, MAX_TITLE_CANDIDATES); i < n; i++) {
    const el = candidates[i] as Element;
    const writes = writesTitle(el, title, key);
    if (writes === 'exact') exact.push(el);
    else if (writes === 'prefixed') prefixed.push(el);
  }
  return firstShown(exact) ?? firstShown(prefixed);
}

/** Whether an element's text is the title, or the title and a short badge before or after it ("Revised", "v2"). */
function writesTitle(el: Element, title: string, key: string): 'exact' | 'prefixed' | undefined {
  if ((el.textContent?.length ?? 0) > title.length * 3 + 200) return undefined;
  const text = comparisonKey(headingText(el));
  if (text === key) return 'exact';
  if (text.length > key.length * 1.5 + 10) return undefined;
  return text.includes(key) ? 'prefixed' : undefined;
}

// #abstract and .abstract included: [id^="abs" i] and [class*="abstract" i] find them too, and
// each selector in a list is matched against every element.
const ABSTRACT_BOXES = '[id^="abs" i], [class*="abstract" i], [itemprop="description"]';

export function findAbstractAnchor(doc: Document, abstract: string, seen?: Element): Element | undefined {
  const start = comparisonKey(abstract.slice(0, 300)).slice(0, 120);
  if (!start) return undefined;
  const matches = (el: Element) => comparisonKey(visibleText(el, 1000)).includes(start);
  if (seen && matches(seen)) return seen;
  const candidates = bodyOf(doc)?.querySelectorAll(ABSTRACT_BOXES) ?? [];
  for (let i = 0, n = Math.min(candidates.length, 200); i < n; i++) {
    const el = candidates[i] as Element;
    if (matches(el) && isShown(el)) return el;
  }
  return undefined;
}

export function findAuthorAnchors(authors: readonly Author[], short: ShortElements): (Element | undefined)[] {
  const anchors: (Element | undefined)[] = authors.map(() => undefined);
  // Every way each author may be written -> the authors written that way, in author order.
  const wanted = new Map<string, number[]>();
  authors.forEach((author, index) => {
    for (const key of nameKeys(author)) {
      const list = wanted.get(key);
      if (list) list.push(index);
      else wanted.set(key, [index]);
    }
  });
  // A name's key begins with a character one of the wanted keys begins with: most short texts
  // are passed over on that alone. (Markers are only stripped from the end, so a text's key and
  // its stripped name's key begin alike, or the stripped key is empty.)
  const firstChars = new Set<string>();
  for (const key of wanted.keys()) firstChars.add(key[0] as string);
  let missing = authors.length;
  const used = new Set<Element>();
  const visibility: VisibilityCache = new Map();
  for (let position = 0; missing > 0; position++) {
    const item = short.at(position);
    if (!item) break;
    const { el, text } = item;
    if (text.length > 150) continue;
    const first = firstKeyChar(text);
    if (first !== undefined && !firstChars.has(first)) continue;
    const indexes = wanted.get(comparisonKey(stripMarkers(text)));
    const index = indexes?.find((i) => anchors[i] === undefined);
    if (index === undefined || !isShown(el, visibility)) continue;
    // A name written twice (a hidden popover, a mobile copy) keeps its first shown place.
    if (used.has(el)) continue;
    used.add(el);
    anchors[index] = el;
    missing--;
  }
  return anchors;
}

export function findDoiAnchor(doi: string, short: ShortElements): Element | undefined {
  // Digits, dots and slashes are their own lower case (no other character lower-cases to one),
  // so a text holding the DOI holds its opening "10.1234/" as written: tested before lower-casing.
  const head = /^[\d./]*/.exec(doi)?.[0] ?? '';
  let best: ShortElement | undefined;
  for (let i = 0, item = short.at(0); item; item = short.at(++i)) {
    // The smallest element writing the DOI: once the walk leaves the subtree of the best so far
    // (descendants follow their ancestor in document order), nothing later can be smaller, so
    // the rest of the page is not read.
    // A hidden copy (a "How to cite" pop-up) is passed over for the one the reader sees.
    if (best && !best.el.contains(item.el)) break;
    if (item.text.includes(head) && item.text.toLowerCase().includes(doi) && isShown(item.el)) best = item;
  }
  return best?.el;
}

export const DATE_IN_TEXT =
  /\b(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}\s+[A-Z][a-z]{2}\s+\d{1,2}|[A-Z][a-z]{2,8}\.?\s+\d{4})\b/g;

/** The smallest shown element that writes the paper's full date (a bare year is too common to mean it). */
export function findDateAnchor(date: string, short: ShortElements): Element | undefined {
  if (date.length < 7) return undefined;
  const year = date.slice(0, 4);
  for (let i = 0, item = short.at(0); item; item = short.at(++i)) {
    const { el, text } = item;
    if (text.length > 120 || !text.includes(year)) continue;
    for (const match of text.matchAll(DATE_IN_TEXT)) {
      if (toIsoDate(match[0]).date === date && !hasChildWithSameDate(el, match[0]) && isShown(el)) return el;
    }
  }
  return undefined;
}

function hasChildWithSameDate(el: Element, written: string): boolean {
  for (const child of el.children) if ((child.textContent ?? '').includes(written)) return true;
  return false;
}

export function findVenueAnchor(venue: string, short: ShortElements): Element | undefined {
  const key = comparisonKey(venue);
  if (key.length < 3) return undefined;
  for (let i = 0, item = short.at(0); item; item = short.at(++i)) {
    const { el, text } = item;
    // Equal to the key or beginning with it: the same first character (see firstKeyChar).
    const first = firstKeyChar(text);
    if (first !== undefined && first !== key[0]) continue;
    const k = comparisonKey(text);
    if ((k === key || (k.startsWith(key) && k.length <= key.length + 30)) && isShown(el)) return el;
  }
  // A generic page may write the venue inside a sentence ("Published 1 June 2023 in Journal of
  // Example Oceanography, vol. 9", issue #18): the smallest short element holding it as words.
  // The control then goes after the venue's words (lib/page/value-ends.ts).
  return smallestWriting([wordsKey(venue)], short, 200);
}

/** Lower-cased words of a text, one space apart: a key that keeps word boundaries. */
export function wordsKey(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // A letter then a digit is a name and its affiliation marker ("Frazier<sup>1</sup>").
      .replace(/(\p{L})(?=\p{N})|[^\p{L}\p{N}]+/gu, '$1 ')
      .trim()
  );
}

/** The smallest shown short element whose text holds every one of `phrases` as whole words. */
function smallestWriting(phrases: readonly string[], short: ShortElements, maxText: number): Element | undefined {
  if (phrases.some((phrase) => phrase.length < 3)) return undefined;
  let best: Element | undefined;
  for (let i = 0, item = short.at(0); item; item = short.at(++i)) {
    // Descendants follow their ancestor: once past the best one's subtree, nothing is smaller.
    if (best && !best.contains(item.el)) break;
    if (item.text.length <= maxText && writesAll(item.text, phrases) && isShown(item.el)) best = item.el;
  }
  return best;
}

function writesAll(text: string, phrases: readonly string[]): boolean {
  const words = ` ${wordsKey(text)} `;
  return phrases.every((phrase) => words.includes(` ${phrase} `));
}

/**
 * Where the authors are written as one line of text ("Chidi Okafor, Maja Lindqvist, Yui Tanaka"
 * in one <p>) when no element holds a name of its own: the smallest element writing every name,
 * or else a box the page classes as its authors' (a marker element after each name makes too
 * many children for a short element). It becomes the author-list anchor; each name's place
 * inside it is found on the page side (lib/page/names-in-line.ts).
 */
export function findAuthorLine(authors: readonly Author[], short: ShortElements, body?: Element): Element | undefined {
  if (authors.length < 2 || authors.length > 50) return undefined;
  const boxes = [...(body?.querySelectorAll('[class*="author" i]') ?? [])].slice(0, 200);
  // Given name first ("Bryan S. Frazier"), or family first ("Izadpanah, H.; ElBatt, T.").
  for (const phrases of [
    authors.map((a) => wordsKey(a.name)),
    authors.map((a) => wordsKey(`${a.family ?? ''} ${a.given ?? ''}`)),
  ]) {
    const line =
      smallestWriting(phrases, short, 300) ??
      boxes.find((box) => {
        const text = box.textContent ?? '';
        return text.length < 300 + 60 * phrases.length && writesAll(text, phrases) && isShown(box);
      });
    if (line) return line;
  }
  return undefined;
}

export function findPdfAnchor(
  doc: Document,
  pdfUrl: string,
  seen?: Element,
  queries = new PageQueries(doc),
): Element | undefined {
  const target = withoutProtocol(pdfUrl);
  const path = target.slice(target.indexOf('/'));
  const links = queries.links();
  for (let i = 0, n = Math.min(links.length, 5000); i < n; i++) {
    const link = links[i] as Element;
    // Absolute, protocol-relative and root-relative forms compared as strings: resolving every
    // link's address would dominate the extraction on pages with long reference lists.
    const href = (link.getAttribute('href') ?? '').trim().replace(/&amp;/g, '&');
    const same = href.startsWith('/') && !href.startsWith('//') ? href === path : withoutProtocol(href) === target;
    if (same && visibleText(link, 100) && isShown(link)) return link;
  }
  // The page's own "PDF" button may point at another address of the same file (APS shows
  // journals.aps.org/…/pdf/… while citation_pdf_url says link.aps.org/pdf/…): still where the
  // reader sees the PDF.
  return seen && isShown(seen) ? seen : undefined;
}

function withoutProtocol(url: string): string {
  return url.replace(/^(?:https?:)?\/\//, '').replace(/\/$/, '');
}

export interface VisibleElements {
  title?: Element;
  abstract?: Element;
  pdfUrl?: Element;
  /** Where the page labels its publication date (lib/extract/shown-date.ts). */
  date?: Element | undefined;
}

/**
 * Every anchor of a merged paper. `known`: anchors a site adapter found already; only the fields
 * it left without one are searched for (a site patches a value the generic pass could not
 * anchor, or anchors it in markup the site's selectors no longer match).
 */
export function findAnchors(
  doc: Document,
  metadata: PaperMetadata,
  seen: VisibleElements = {},
  queries = new PageQueries(doc),
  known: FieldAnchors = { fields: {}, authors: [] },
): FieldAnchors {
  const anchors: FieldAnchors = { fields: { ...known.fields }, authors: known.authors };
  const body = bodyOf(doc);
  if (!body) return anchors;
  const have = anchors.fields;
  const set = (field: keyof FieldAnchors['fields'], find: () => Element | undefined) => {
    if (!have[field]) {
      const el = find();
      if (el) have[field] = el;
    }
  };
  const { title } = metadata;
  if (title)
    set('title', () => (seen.title && sameText(seen.title, title) ? seen.title : findTitleAnchor(doc, title, queries)));
  // Long author lists need room: every author is a short element of its own.
  const short = shortElements(headerRegion(doc, have.title), 2_000 + 3 * metadata.authors.length);
  const { abstract, doi, date, venue, pdfUrl } = metadata;
  if (abstract) set('abstract', () => findAbstractAnchor(doc, abstract, seen.abstract));
  // A DOI or a full date is specific enough to be looked for past the header's box too (a
  // sidebar's history widget, a "Cite this" line), when that box does not show it.
  let page: ShortElements | undefined;
  const orPage = (find: (within: ShortElements) => Element | undefined) => {
    const found = find(short);
    if (found) return found;
    page ??= shortElements(body);
    return find(page);
  };
  if (doi) set('doi', () => orPage((within) => findDoiAnchor(doi, within)));
  if (date)
    set(
      'date',
      () =>
        (seen.date && findDateAnchor(date, shortElements(seen.date))) ||
        orPage((within) => findDateAnchor(date, within)),
    );
  if (venue) set('venue', () => findVenueAnchor(venue, short));
  if (pdfUrl) set('pdfUrl', () => findPdfAnchor(doc, pdfUrl, seen.pdfUrl, queries));
  if (!anchors.authors.some(Boolean)) {
    anchors.authors = findAuthorAnchors(metadata.authors, short);
    const found = anchors.authors.filter((el): el is Element => el !== undefined);
    set('authors', () =>
      found.length > 0 ? authorListElement(found, body) : findAuthorLine(metadata.authors, short, body),
    );
  }
  return anchors;
}

function sameText(el: Element, value: string): boolean {
  return comparisonKey(headingText(el)) === comparisonKey(value);
}

/** The smallest element holding every found author: where the author list is shown. */
function authorListElement(found: readonly Element[], body: Element): Element | undefined {
  const first = found[0] as Element;
  const last = found[found.length - 1] as Element;
  let common: Element | null = found.length === 1 ? first.parentElement : first;
  while (common && !common.contains(last)) common = common.parentElement;
  return common && common !== body ? common : first;
}
