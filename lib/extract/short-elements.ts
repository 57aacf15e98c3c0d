// The short texts of a page's header: where names, dates, identifiers and venues are written.
// One bounded, lazy pass that every anchor finder shares.
import { bodyOf, collapseWhitespace } from './text';

/** Elements examined when looking for short values; an article header is far smaller. */
const MAX_ELEMENTS = 2_000;
/** Elements longer than this are containers, not a name or a date. */
const MAX_SHORT_TEXT = 300;

export interface ShortElement {
  el: Element;
  text: string;
}

// By localName: no upper-casing per element (HTML's are lower case; <svg> and <math> too).
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'option', 'head']);

/** The short elements of a region, read as far as a finder asks and no further. */
export interface ShortElements {
  /** The `index`th short element (read now if not yet); undefined past the last. */
  at(index: number): ShortElement | undefined;
}

/**
 * Elements with little text and few children, in document order, under `root`: the places a
 * name, a date or an identifier is written. Read lazily and remembered, so the finders share
 * one bounded pass and a finder that stops early (every author found) saves the rest of it.
 * Finders go by index (at), not by iterator: no generator to resume per element.
 */
export function shortElements(root: Element | null | undefined, limit = MAX_ELEMENTS): ShortElements {
  const found: ShortElement[] = [];
  const all = root?.getElementsByTagName('*');
  const count = Math.min(all?.length ?? 0, limit);
  let next = 0;
  const readMore = (): boolean => {
    while (next < count) {
      const el = (all as HTMLCollectionOf<Element>)[next++] as Element;
      const text = shortText(el);
      if (text === undefined) continue;
      found.push({ el, text });
      return true;
    }
    return false;
  };
  const at = (index: number): ShortElement | undefined => {
    while (index >= found.length && readMore()) {}
    return found[index];
  };
  return { at };
}

/** The text of an element that holds a short value itself; undefined for containers and long text. */
function shortText(el: Element): string | undefined {
  const first = el.firstChild;
  // Empty elements (images, icons, line breaks) hold nothing: the most common case after leaves.
  if (first === null || SKIPPED.has(el.localName)) return undefined;
  // The common case, a leaf such as <span>Ada Lovelace</span>, read without walking anything.
  if (first === el.lastChild) {
    if (first.nodeType !== 3) return undefined;
    const text = collapseWhitespace(first.nodeValue ?? '');
    return text.length > 0 && text.length <= MAX_SHORT_TEXT ? text : undefined;
  }
  if (el.childElementCount > 6 || !ownsText(first)) return undefined;
  // textContent is enough for these few-children elements and several times cheaper than
  // visibleText; the length test comes before any cleaning.
  const raw = el.textContent ?? '';
  if (raw.length > MAX_SHORT_TEXT * 3) return undefined;
  const text = collapseWhitespace(raw);
  return text.length > 0 && text.length <= MAX_SHORT_TEXT ? text : undefined;
}

// An element whose own children include words: containers of containers are skipped cheaply,
// since their text is found again on the inner element that holds it. Walked by sibling from the
// first child: these elements have at most a dozen children.
function ownsText(first: ChildNode): boolean {
  for (let node: ChildNode | null = first; node !== null; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * Where to look for the short fields: the part of the page around the title (its article,
 * header or main box), so a long reference list or "citing literature" section further down
 * is neither searched nor mistaken for the paper's own authors.
 */
export function headerRegion(doc: Document, titleAnchor: Element | undefined): Element | null {
  const body = bodyOf(doc);
  if (!titleAnchor) return body;
  const box = titleAnchor.closest('article, main, [role="main"], #content, .content');
  if (box && box !== body) return box;
  let region: Element = titleAnchor;
  for (let i = 0; i < 4 && region.parentElement && region.parentElement !== body; i++) {
    region = region.parentElement;
  }
  // A title directly in <body> has no box of its own: the whole page is its header.
  return region === titleAnchor ? body : region;
}
