// Several selectors queried one at a time. Chromium matches a selector list through its general
// matcher, element by element and selector by selector, while a single selector (a tag, a class,
// an id, one attribute test) takes a fast path: on article pages the title, abstract and author
// lists cost two to three times as much as their selectors queried separately and merged.

/** Past this many matches the merge's position comparisons cost more than the list query. */
const MAX_MERGED = 1_000;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** What `root.querySelectorAll(selectors.join(', '))` returns: every element matching any, in document order, once. */
export function queryAll(root: ParentNode | null | undefined, selectors: readonly string[]): Element[] {
  if (!root) return [];
  let found: Element[] = [];
  for (const selector of selectors) {
    const matched = root.querySelectorAll(selector);
    if (matched.length === 0) continue;
    if (found.length === 0) found = Array.from(matched);
    else if (found.length + matched.length > MAX_MERGED) return Array.from(root.querySelectorAll(selectors.join(', ')));
    else found = merge(found, matched);
  }
  return found;
}

/** Two lists in document order as one, each element once. */
function merge(a: readonly Element[], b: NodeListOf<Element>): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Element;
    const y = b[j] as Element;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x.compareDocumentPosition(y) & FOLLOWING) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as Element);
  while (j < b.length) out.push(b[j++] as Element);
  return out;
}

/** A sort comparator: document order. */
export function inDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}
