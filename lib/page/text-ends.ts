// Places inside the page's text where a written value ends: a control goes there when the value
// is part of a longer text (a name in a line of names, the venue inside a sentence), so it stands
// right after the value's words rather than at the end of the whole element.
import type { TextEnd } from './placement';

const WORD = /[\p{L}\p{N}]+/gu;

/** A pattern for `phrase`'s words, in order, as whole words with any separators between them. */
export function phrasePattern(phrase: string): RegExp | undefined {
  const words = phrase.normalize('NFC').match(WORD);
  if (!words) return undefined;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The text nodes under `root` in document order (our own hosts hold none: their UI is shadow). */
export function textNodesOf(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Where `pattern` first ends in one of `nodes`, from node `from.index` at offset `from.offset`. */
export function endOf(
  pattern: RegExp,
  nodes: readonly Text[],
  from = { index: 0, offset: 0 },
): (TextEnd & { index: number }) | undefined {
  for (let index = from.index; index < nodes.length; index++) {
    const node = nodes[index] as Text;
    const start = index === from.index ? from.offset : 0;
    const match = pattern.exec(node.data.slice(start));
    if (match) return { node, offset: start + match.index + match[0].length, index };
  }
  return undefined;
}

/** Whether anything the reader sees as text follows `end` inside `root`. */
export function hasTextAfter(root: Element, end: TextEnd): boolean {
  const range = root.ownerDocument.createRange();
  range.setStart(end.node, end.offset);
  range.setEnd(root, root.childNodes.length);
  return /[\p{L}\p{N}]/u.test(range.toString());
}
