import type { DetectedPaper } from '../extract/types';

/**
 * Which detected paper "Correct this page" is about: the one the popup picked by index, the only
 * one, or on a list page the entry the reader right-clicked inside; none when nothing says.
 */
export function choosePaper(
  papers: readonly DetectedPaper[],
  request: { paperIndex?: number },
  clicked?: Node | null,
): DetectedPaper | undefined {
  if (request.paperIndex !== undefined) return papers[request.paperIndex];
  if (papers.length === 1) return papers[0];
  return clicked ? papers.find((paper) => paper.entry?.contains(clicked)) : undefined;
}
