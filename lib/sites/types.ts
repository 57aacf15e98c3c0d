import type { DetectedPaper, PageKind } from '../extract/types';

/**
 * One site's knowledge: where it applies, what its pages are, and how its markup differs from
 * the standard metadata the generic readers already understand.
 */
export interface SiteAdapter {
  /** Equals the file name: 'arxiv', 'acl-anthology'. Used in settings (sites on/off). */
  id: string;
  /** Shown to users in the options page. */
  name: string;
  /** True on its own fixtures' URLs, false on every other site's. */
  matches(url: URL): boolean;
  /** Cheap: what the page is, reading no fields. null = no paper here. */
  detect(doc: Document, url: URL): PageKind | null;
  /** Every paper on the page, each with its anchors. */
  read(doc: Document, url: URL): DetectedPaper[];
  /**
   * Client-rendered sites: a selector that exists once the paper's content has rendered.
   * The content script waits for it (bounded) and re-detects on in-app navigation.
   */
  readySelector?: string;
}
