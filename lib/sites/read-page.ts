// Detection with an explicit list of adapters and no import of the registry, so that a content
// script bundles only the adapters it is given (see lib/sites/hosts.ts).
import { findAnchors } from '../extract/anchors';
import { markShown } from '../extract/merge';
import type { DetectedPaper, PageKind } from '../extract/types';
import { genericAdapter } from './generic';
import type { SiteAdapter } from './types';

export interface Detection {
  /** The id of the adapter that read the page ('generic' when none matched). */
  site: string;
  /** What the page is; null when it shows no paper. */
  kind: PageKind | null;
  papers: DetectedPaper[];
}

/** The first adapter that claims the address; pages no adapter claims go to the generic readers. */
export function adapterFor(url: URL, adapters: readonly SiteAdapter[]): SiteAdapter {
  return adapters.find((adapter) => adapter.matches(url)) ?? genericAdapter;
}

export function readPage(doc: Document, url: URL, adapters: readonly SiteAdapter[]): Detection {
  const adapter = adapterFor(url, adapters);
  const kind = adapter.detect(doc, url);
  if (kind === null) return { site: adapter.id, kind: null, papers: [] };
  const papers = adapter.read(doc, url);
  // A site adapter anchors what its own markup shows; whatever it left unanchored is looked for
  // as on any page (one paper only: a list entry's controls stay inside its entry).
  const [paper] = papers;
  if (adapter !== genericAdapter && paper && papers.length === 1) {
    paper.anchors = findAnchors(doc, paper.metadata, {}, undefined, paper.anchors);
    markShown(paper.metadata, paper.anchors);
  }
  // detect() is a cheap guess; a page it let through that holds no paper after all is negative.
  return { site: adapter.id, kind: papers.length > 0 ? kind : null, papers };
}
