import { describe, expect, it } from 'vitest';
import { SITE_HOSTS } from '../../lib/sites/hosts';
import type { SiteAdapter } from '../../lib/sites/types';
import { adapterExportName } from '../../scripts/site-entrypoints';

// Each generated site script imports its adapter by name; a name that does not resolve to the
// adapter with that id would give the site's pages the wrong reader (or fail the build).
describe('generated site content scripts', () => {
  it.each(Object.keys(SITE_HOSTS))('lib/sites/%s.ts exports its adapter under the name imported', async (id) => {
    const site = (await import(`../../lib/sites/${id}.ts`)) as Record<string, SiteAdapter | undefined>;
    expect(site[adapterExportName(id)]?.id).toBe(id);
  });
});
