// The public face of the generic readers: site adapters and the content script import from here.

// Building blocks for site adapters that patch the generic reading.
export {
  findAbstractAnchor,
  findAnchors,
  findAuthorAnchors,
  findDateAnchor,
  findDoiAnchor,
  findPdfAnchor,
  findTitleAnchor,
  findVenueAnchor,
  nameKeys,
} from './anchors';
export { parseAuthorName, sameAuthors, splitAuthorList, stripMarkers } from './authors';
export { readBepress } from './bepress';
export type { Candidate, PaperFields } from './candidate';
export { readCoins, readCoinsSpan } from './coins';
export { isPlaceholderDate, toIsoDate } from './dates';
export { readDublinCore } from './dublin-core';
export { extractEmbedded, mayHavePaper } from './embedded';
export { readEprints } from './eprints';
export { readHighwire, readHighwireAuthors } from './highwire';
export { findArxivIds, findDois } from './identifiers';
export { readJsonLd } from './json-ld';
export { EMBEDDED_PRECEDENCE, markShown, mergeCandidates, mergePaper } from './merge';
export { type MetaTag, MetaTags, readMetaTags } from './meta-tags';
export { emptyMetadata } from './metadata';
export { readOpenGraph } from './open-graph';
export { readTextIdentifiers, readUrlIdentifiers } from './page-identifiers';
export { readPrism } from './prism';
export { headerRegion, type ShortElement, type ShortElements, shortElements } from './short-elements';
export { anchorIf, anchorsOf, blankPaper } from './site-helpers';
export { cleanText, comparisonKey, decodeEntities, visibleText } from './text';
export type { DetectedPaper, FieldAnchors, PageKind } from './types';
export { absoluteUrl } from './values';
export { isShown } from './visibility';
export {
  abstractText,
  readAbstract,
  readVisible,
  readVisibleAbstract,
  readVisibleAuthors,
  readVisibleTitle,
} from './visible';
