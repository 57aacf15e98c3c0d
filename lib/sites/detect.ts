// The detection entry point over every registered adapter (the CLI, tests and benchmarks); the
// content scripts call readPage with just their own site's adapter.
import { SITE_ADAPTERS } from './index';
import { type Detection, adapterFor as firstAdapterFor, readPage } from './read-page';
import type { SiteAdapter } from './types';

export type { Detection };

export function adapterFor(url: URL, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): SiteAdapter {
  return firstAdapterFor(url, adapters);
}

export function detectPapers(doc: Document, url: URL, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): Detection {
  return readPage(doc, url, adapters);
}
