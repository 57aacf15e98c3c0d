import type { DetectedPaper } from '../extract/types';
import type { ControlField } from '../schema/fields';
import { namesInLine } from './names-in-line';
import type { TextEnd } from './placement';
import { valueEnd } from './value-ends';

/** One inline control: which paper, which field (or which author), and the element it sits beside. */
export interface ControlTarget {
  paper: DetectedPaper;
  field: ControlField;
  authorIndex?: number;
  anchor: Element;
  /** Where in the anchor's text the value ends, when the anchor writes more than the value. */
  textEnd?: TextEnd | undefined;
}

/**
 * Every control a set of papers needs: one per shown field, one per shown author, the author
 * list's after its authors' (it stands after the last name). Authors written as one line of
 * text get a control after each name found in it.
 */
export function controlTargets(papers: readonly DetectedPaper[]): ControlTarget[] {
  const targets: ControlTarget[] = [];
  const taken = new Set<Element>();
  for (const paper of papers) {
    const fields = Object.entries(paper.anchors.fields) as [ControlField, Element | undefined][];
    for (const [field, anchor] of fields) {
      if (!anchor || field === 'authors') continue;
      const textEnd = valueEnd(anchor, field, paper.metadata);
      // One element can show two fields (a date that is also the year): one control for it,
      // unless each field's value ends at its own place in the element's text.
      if (!textEnd && taken.has(anchor)) continue;
      taken.add(anchor);
      targets.push({ paper, field, anchor, textEnd });
    }
    paper.anchors.authors.forEach((anchor, authorIndex) => {
      if (!anchor || taken.has(anchor)) return;
      taken.add(anchor);
      targets.push({ paper, field: 'author', authorIndex, anchor });
    });
    const list = paper.anchors.fields.authors;
    if (!list) continue;
    if (!paper.anchors.authors.some(Boolean)) {
      namesInLine(list, paper.metadata.authors).forEach((textEnd, authorIndex) => {
        if (textEnd) targets.push({ paper, field: 'author', authorIndex, anchor: list, textEnd });
      });
    }
    if (!taken.has(list)) {
      taken.add(list);
      targets.push({ paper, field: 'authors', anchor: list });
    }
  }
  return targets;
}
