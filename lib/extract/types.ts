// Page-side shapes of detection. Types only from lib/schema: no zod in the content script.
import type { ScalarField } from '../schema/fields';
import type { PaperMetadata } from '../schema/paper';

/** The elements a paper's fields are shown in, so an inline control can sit beside each. */
export interface FieldAnchors {
  fields: Partial<Record<ScalarField | 'authors', Element>>;
  /** One per author, in author order; missing where the page does not show that author. */
  authors: (Element | undefined)[];
}

/** A paper found on the page: its metadata and where the reader sees each field. */
export interface DetectedPaper {
  metadata: PaperMetadata;
  anchors: FieldAnchors;
  /** On list pages, the element of this entry (its controls stay inside it). */
  entry?: Element;
}

export type PageKind = 'paper' | 'list';
