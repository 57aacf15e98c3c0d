// Small helpers every site adapter needs when it patches the generic reading.
import { emptyMetadata } from './metadata';
import type { DetectedPaper, FieldAnchors } from './types';

/** The anchors whose element the page has: absent elements leave the generic anchor in place. */
export function anchorsOf(fields: Record<string, Element | null | undefined>): FieldAnchors['fields'] {
  return Object.fromEntries(Object.entries(fields).filter(([, el]) => el)) as FieldAnchors['fields'];
}

/** One anchor entry when the element exists, for spreading into an anchors object. */
export function anchorIf<K extends string>(field: K, el: Element | null | undefined): Partial<Record<K, Element>> {
  return el ? ({ [field]: el } as Record<K, Element>) : {};
}

/** A paper with nothing read yet, for adapters whose page the generic readers find nothing on. */
export function blankPaper(url: URL, site: string): DetectedPaper {
  return { metadata: emptyMetadata(url.href, site), anchors: { fields: {}, authors: [] } };
}
