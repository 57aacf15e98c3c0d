// Authors written as one line of text ("Chidi Okafor, Maja Lindqvist, Yui Tanaka" in one <p>):
// each name's end inside the line's text, so a control can stand right after each name without
// the reader seeing any other change (issue #18). Names are looked for in author order, each
// after the previous one; a name the line does not write as plain text (split across elements,
// inside a link, spelt differently) gets no place, and the list's own control still covers it.
import type { Author } from '../schema/paper';
import type { TextEnd } from './placement';
import { endOf, phrasePattern, textNodesOf } from './text-ends';

// A control inside a link would follow the link, and editable text is the page's own input.
const UNSAFE = 'a[href], button, label, summary, [contenteditable]';

export function namesInLine(line: Element, authors: readonly Author[]): (TextEnd | undefined)[] {
  const nodes = textNodesOf(line);
  let index = 0;
  let offset = 0;
  return authors.map(({ name }) => {
    const pattern = phrasePattern(name);
    const end = pattern && endOf(pattern, nodes, index, offset);
    if (!end || end.node.parentElement?.closest(UNSAFE)) return undefined;
    ({ index, offset } = end);
    return end;
  });
}
