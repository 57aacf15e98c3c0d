// The built manifest's content scripts: where each runs is set by the build hooks
// (scripts/site-entrypoints.ts), not by options bundled into the scripts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_SITE_HOSTS, SITE_HOSTS } from '../../lib/sites/hosts';
import { EXTENSION_DIR } from './harness';

interface ManifestContentScript {
  matches: string[];
  exclude_matches?: string[];
  js: string[];
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  content_scripts: ManifestContentScript[];
};
const scriptFor = (file: string) => manifest.content_scripts.find((script) => script.js.includes(file));

describe('built manifest, content scripts', () => {
  it('runs the generic script on every http(s) page except those of a site with its own script', () => {
    const generic = scriptFor('content-scripts/content.js');
    expect(generic?.matches).toEqual(['http://*/*', 'https://*/*']);
    expect([...(generic?.exclude_matches ?? [])].sort()).toEqual([...ALL_SITE_HOSTS].sort());
  });

  it.each(Object.entries(SITE_HOSTS))('runs site-%s.js on its own patterns only', (id, patterns) => {
    const site = scriptFor(`content-scripts/site-${id}.js`);
    expect([...(site?.matches ?? [])].sort()).toEqual([...patterns].sort());
    expect(site?.exclude_matches).toBeUndefined();
  });
});
