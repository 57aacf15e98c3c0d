/** Where an inline control goes for a field shown in `anchor`. */
export interface Placement {
  parent: Node;
  before: Node | null;
  /** Insert inside this text node, after its first `offset` characters (a name in a line of names). */
  split?: { node: Text; offset: number };
}

/** A place inside a text node: the end of a value written inside a longer text. */
export interface TextEnd {
  node: Text;
  offset: number;
}

// Inside a link or a button a click on our control would also follow the link, so the control
// goes right after such an element instead. Void elements cannot hold children.
const INTERACTIVE = 'a[href], button, label, summary, select, textarea, input';
const VOID = new Set(['IMG', 'INPUT', 'BR', 'HR', 'META', 'LINK', 'SOURCE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG']);

export function placementFor(anchor: Element, textEnd?: TextEnd): Placement | null {
  if (textEnd?.node.parentNode && !textEnd.node.parentElement?.closest(INTERACTIVE)) {
    return { parent: textEnd.node.parentNode, before: textEnd.node, split: textEnd };
  }
  const interactive = anchor.closest(INTERACTIVE);
  const target = interactive ?? (VOID.has(anchor.tagName.toUpperCase()) ? anchor : null);
  if (target) {
    if (!target.parentNode) return null;
    return { parent: target.parentNode, before: target.nextSibling };
  }
  return { parent: lastLineOf(anchor), before: null };
}

function isInline(el: Element): boolean {
  const display = getComputedStyle(el).display;
  return display.startsWith('inline') || display === 'contents' || display === 'ruby';
}

/**
 * Whether anything visible follows `node` on its line (page text, an image, another of our
 * controls), so that a control there must make room for itself; at the end of a block's text it
 * takes none, and a full last line never wraps. Walks forward until a block starts or ends.
 */
export function somethingFollows(node: Node): boolean {
  let current: Node | null = node;
  for (let steps = 0; current && steps < 200; steps++) {
    let next: Node | null = current.nextSibling;
    if (!next) {
      const parent: Node | null = current.parentNode;
      // Leaving the block the point is in: its line ends here.
      if (!(parent instanceof Element) || !isInline(parent)) return false;
      current = parent;
      continue;
    }
    while (next) {
      if (next.nodeType === Node.TEXT_NODE) {
        if (/\S/.test(next.nodeValue ?? '')) return true;
      } else if (next instanceof Element) {
        if (next.localName === 'erratum-control') return true;
        const display = getComputedStyle(next).display;
        if (display === 'none') {
          // Not shown: look past it.
        } else if (!isInline(next)) {
          return false;
        } else if (/\S/.test(next.textContent ?? '') || VOID.has(next.tagName.toUpperCase())) {
          return true;
        }
      }
      current = next;
      next = next.nextSibling;
    }
  }
  return false;
}

/**
 * The element whose end is the end of `anchor`'s last line of text: a control appended to a list
 * or a section after its block children would stand on a line of its own and push the page
 * below it down (a `<ul>` of authors, a `<section>` of paragraphs), so it goes at the end of the
 * last block inside instead.
 */
function lastLineOf(anchor: Element): Element {
  let current = anchor;
  for (let depth = 0; depth < 20; depth++) {
    const last = lastShownChild(current);
    if (!(last instanceof Element) || last.matches(INTERACTIVE) || VOID.has(last.tagName.toUpperCase())) break;
    if (isInline(last)) break;
    current = last;
  }
  return current;
}

function lastShownChild(parent: Element): ChildNode | null {
  for (let node = parent.lastChild; node; node = node.previousSibling) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (/\S/.test(node.nodeValue ?? '')) return node;
      continue;
    }
    if (!(node instanceof Element) || node.localName.startsWith('erratum-')) continue;
    if (getComputedStyle(node).display === 'none') continue;
    return node;
  }
  return null;
}

/**
 * Inserts a control at its placement. Several controls in one text node (a line of names) must
 * be inserted from the last offset to the first: each split keeps the text before the offset in
 * the original node, so the earlier offsets stay valid.
 */
export function insertAt(placement: Placement, host: Node): void {
  const { split } = placement;
  if (!split) {
    placement.parent.insertBefore(host, placement.before);
  } else if (split.offset >= split.node.length) {
    split.node.after(host);
  } else if (split.offset <= 0) {
    split.node.before(host);
  } else {
    split.node.splitText(split.offset).before(host);
  }
}
