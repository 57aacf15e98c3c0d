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

const isInline = (el: Element) => /^(inline|contents|ruby)/.test(getComputedStyle(el).display);

/**
 * Whether anything visible follows `node` on its line (page text, or another of our controls),
 * so that a control there must make room for itself; at the end of a block's text it takes
 * none, and a full last line never wraps.
 */
export function somethingFollows(node: Node): boolean {
  // Called only for controls just inserted into the page: there is a parent.
  let block = node.parentElement as Element;
  while (block.parentElement && isInline(block)) block = block.parentElement;
  const range = document.createRange();
  range.setStartAfter(node);
  range.setEnd(block, block.childNodes.length);
  return /\S/.test(range.toString()) || range.cloneContents().querySelector('erratum-control') !== null;
}

/**
 * The element whose end is the end of `anchor`'s last line of text: a control appended to a list
 * or a section after its block children would stand on a line of its own and push the page
 * below it down (a `<ul>` of authors, a `<section>` of paragraphs), so it goes at the end of the
 * last block inside instead.
 */
function lastLineOf(anchor: Element): Element {
  let current = anchor;
  for (let last = current.lastElementChild; last; last = current.lastElementChild) {
    // Text after the last child element: the line ends in this element.
    if (/\S/.test(last.nextSibling?.textContent ?? '')) break;
    if (last.localName === 'erratum-control' || getComputedStyle(last).display === 'none') {
      last = last.previousElementSibling;
      if (!last) break;
    }
    if (last.matches(INTERACTIVE) || VOID.has(last.tagName.toUpperCase()) || isInline(last)) break;
    current = last;
  }
  return current;
}

/**
 * Inserts a control at its placement. Several controls in one text node (a line of names) must
 * be inserted from the last offset to the first: each split keeps the text before the offset in
 * the original node, so the earlier offsets stay valid.
 */
export function insertAt({ parent, before, split }: Placement, host: Node): void {
  if (!split) parent.insertBefore(host, before);
  else if (split.offset >= split.node.length) split.node.after(host);
  else split.node.splitText(split.offset).before(host);
}
