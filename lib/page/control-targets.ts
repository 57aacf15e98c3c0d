import type { DetectedPaper } from '../extract/types';
import type { ControlField } from '../schema/fields';

/** One inline control: which paper, which field (or which author), and the element it sits beside. */
export interface ControlTarget {
  paper: DetectedPaper;
  field: ControlField;
  authorIndex?: number;
  anchor: Element;
}

/** Every control a set of papers needs: one per shown field, one per shown author. */
export function controlTargets(papers: readonly DetectedPaper[]): ControlTarget[] {
  const targets: ControlTarget[] = [];
  const taken = new Set<Element>();
  for (const paper of papers) {
    for (const [field, anchor] of Object.entries(paper.anchors.fields) as [ControlField, Element | undefined][]) {
      // One element can show two fields (a date that is also the year): one control for it.
      if (!anchor || taken.has(anchor)) continue;
      taken.add(anchor);
      targets.push({ paper, field, anchor });
    }
    paper.anchors.authors.forEach((anchor, authorIndex) => {
      if (!anchor || taken.has(anchor)) return;
      taken.add(anchor);
      targets.push({ paper, field: 'author', authorIndex, anchor });
    });
  }
  return targets;
}
