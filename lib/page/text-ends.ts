// Places inside the page's text where a written value ends: a control goes there when the value
// is part of a longer text (a name in a line of names, the venue inside a sentence), so it stands
// right after the value's words rather than at the end of the whole element.
import type { TextEnd } from './placement';

/** A pattern for `phrase`'s words, in order, as whole words with any separators between them. */
export function phrasePattern(phrase: string): RegExp | undefined {
  const words = phrase.match(/[\p{L}\p{N}]+/gu);
  return words ? new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu') : undefined;
}

/** The text nodes under `root`, in document order (our own hosts hold none: their UI is shadow). */
export function textNodesOf(root: Element): Text[] {
  const nodes: Text[] = [];
  // 4: NodeFilter.SHOW_TEXT (no globals: this also runs on documents parsed outside a page).
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** Where `pattern` first ends in `nodes`, from node `index` at `offset` on. */
export function endOf(
  pattern: RegExp,
  nodes: readonly Text[],
  index = 0,
  offset = 0,
): (TextEnd & { index: number }) | undefined {
  for (; index < nodes.length; index++, offset = 0) {
    const node = nodes[index] as Text;
    const match = pattern.exec(node.data.slice(offset));
    if (match) return { node, offset: offset + match.index + match[0].length, index };
  }
  return undefined;
}
