// Where a field's value ends inside its anchor, when the anchor writes more than the value: the
// venue of "Journal of Open Medical Informatics · Volume 12 · 14 March 2025" ends after
// "Informatics", so its control does not share the end of the line with the date's (issue #18:
// two pencils on one spot, the date's unreachable by mouse).
import { DATE_IN_TEXT } from '../extract/anchors';
import { toIsoDate } from '../extract/dates';
import type { PaperMetadata } from '../schema/paper';
import type { TextEnd } from './placement';
import { endOf, phrasePattern, textNodesOf } from './text-ends';

export function valueEnd(
  anchor: Element,
  field: string,
  { venue, date, doi, year }: PaperMetadata,
): TextEnd | undefined {
  const nodes = textNodesOf(anchor);
  let end: (TextEnd & { index: number }) | undefined;
  // A citation line writes the venue, the year and the DOI: each control after its own value
  // (a year within a full date shares the date's control).
  const yearAlone = year && !(date && date.length > 4) ? String(year) : null;
  const phrase = field === 'venue' ? venue : field === 'doi' ? doi : field === 'year' ? yearAlone : null;
  if (phrase) {
    const pattern = phrasePattern(phrase);
    end = pattern && endOf(pattern, nodes);
  }
  if (field === 'date' && date) {
    nodes.forEach((node, index) => {
      for (const match of node.data.matchAll(DATE_IN_TEXT)) {
        if (!end && toIsoDate(match[0]).date === date) end = { node, offset: match.index + match[0].length, index };
      }
    });
  }
  if (!end) return undefined;
  // A value that ends its anchor's text needs no split: the control goes at the anchor's end.
  const after = nodes
    .slice(end.index)
    .map((node) => node.data)
    .join('')
    .slice(end.offset);
  return /[\p{L}\p{N}]/u.test(after) ? { node: end.node, offset: end.offset } : undefined;
}
