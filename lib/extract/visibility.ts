// Whether an element is one a reader can see, judged from markup alone: layout reads
// (getComputedStyle, offsetParent) are too slow for a content script that runs on every page.

const HIDDEN_CLASS = /(?:^|\s)(?:hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text|is-hidden)(?:\s|$)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const NOT_CONTENT = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'META', 'LINK']);

/** Answers already known for elements during one extraction (siblings share ancestors). */
export type VisibilityCache = Map<Element, boolean>;

/** An element in <body>, outside anything hidden by attribute, inline style or a hiding class. */
export function isShown(el: Element, cache: VisibilityCache = new Map()): boolean {
  const known = cache.get(el);
  if (known !== undefined) return known;
  const tag = el.tagName.toUpperCase();
  // Only <body> itself and what lies outside it (the <head>, a detached node) end the climb.
  if (tag === 'BODY' || tag === 'HTML') return false;
  const parent = el.parentElement;
  const shown =
    parent !== null && !hidesItself(el) && (parent.tagName.toUpperCase() === 'BODY' || isShown(parent, cache));
  cache.set(el, shown);
  return shown;
}

function hidesItself(node: Element): boolean {
  if (NOT_CONTENT.has(node.tagName.toUpperCase())) return true;
  if (!node.hasAttributes()) return false;
  if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
  const style = node.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const cls = node.getAttribute('class');
  return cls !== null && HIDDEN_CLASS.test(cls);
}
