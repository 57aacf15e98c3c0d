// Where a field's value ends inside its anchor, when the anchor writes more than the value: the
// venue of "Journal of Open Medical Informatics · Volume 12 · 14 March 2025" ends after
// "Informatics", so its control does not share the end of the line with the date's (issue #18:
// two pencils on one spot, the date's unreachable by mouse).
import { DATE_IN_TEXT } from '../extract/anchors';
import { toIsoDate } from '../extract/dates';
import type { PaperMetadata } from '../schema/paper';
import type { TextEnd } from './placement';
import { endOf, hasTextAfter, phrasePattern, textNodesOf } from './text-ends';

export function valueEnd(anchor: Element, field: string, metadata: PaperMetadata): TextEnd | undefined {
  const end =
    field === 'venue' && metadata.venue
      ? venueEnd(anchor, metadata.venue)
      : field === 'date' && metadata.date
        ? dateEnd(anchor, metadata.date)
        : undefined;
  // A value that ends its anchor's text needs no split: the control goes at the anchor's end.
  return end && hasTextAfter(anchor, end) ? end : undefined;
}

function venueEnd(anchor: Element, venue: string): TextEnd | undefined {
  const pattern = phrasePattern(venue);
  const end = pattern ? endOf(pattern, textNodesOf(anchor)) : undefined;
  return end ? { node: end.node, offset: end.offset } : undefined;
}

function dateEnd(anchor: Element, date: string): TextEnd | undefined {
  for (const node of textNodesOf(anchor)) {
    for (const match of node.data.matchAll(DATE_IN_TEXT)) {
      if (toIsoDate(match[0]).date === date) return { node, offset: (match.index ?? 0) + match[0].length };
    }
  }
  return undefined;
}
