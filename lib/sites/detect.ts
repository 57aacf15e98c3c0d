// The detection entry point: the first adapter that claims the address reads the page; pages no
// adapter claims go to the generic readers.
import type { DetectedPaper, PageKind } from '../extract/types';
import { genericAdapter } from './generic';
import { SITE_ADAPTERS } from './index';
import type { SiteAdapter } from './types';

export interface Detection {
  /** The id of the adapter that read the page ('generic' when none matched). */
  site: string;
  /** What the page is; null when it shows no paper. */
  kind: PageKind | null;
  papers: DetectedPaper[];
}

export function adapterFor(url: URL, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): SiteAdapter {
  return adapters.find((adapter) => adapter.matches(url)) ?? genericAdapter;
}

export function detectPapers(doc: Document, url: URL, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): Detection {
  const adapter = adapterFor(url, adapters);
  const kind = adapter.detect(doc, url);
  if (kind === null) return { site: adapter.id, kind: null, papers: [] };
  const papers = adapter.read(doc, url);
  // detect() is a cheap guess; a page it let through that holds no paper after all is negative.
  return { site: adapter.id, kind: papers.length > 0 ? kind : null, papers };
}
