import type { SiteAdapter } from './types';

// Every site adapter, most specific first; the first whose matches(url) is true reads the page.
// Pages no adapter matches fall back to the generic readers (lib/sites/generic.ts).
// Adding a site: lib/sites/<id>.ts, one line here, tests/fixtures/sites/<id>/, README's table.
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  // Preprint servers, indexes and aggregators
  // Publishers
];
