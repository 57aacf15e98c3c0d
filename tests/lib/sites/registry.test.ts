// Every site adapter is registered, named after its file, documented and proven by fixtures
// whose addresses it claims and no other adapter does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '../../../lib/sites/index';

const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/sites');
const README = join(ROOT, 'README.md');

/** A fixture's address: its sibling <name>.url file, else its <link rel="canonical">. */
function fixtureUrl(htmlPath: string): string | undefined {
  const urlFile = htmlPath.replace(/\.html?$/, '.url');
  if (existsSync(urlFile)) return readFileSync(urlFile, 'utf8').trim();
  const html = readFileSync(htmlPath, 'utf8');
  const canonical = new DOMParser().parseFromString(html, 'text/html').querySelector('link[rel="canonical" i]');
  return canonical?.getAttribute('href')?.trim() || undefined;
}

function fixturePages(id: string): string[] {
  const dir = join(FIXTURES, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /\.html?$/.test(file))
    .map((file) => join(dir, file));
}

describe('site adapter registry', () => {
  it('has unique ids', () => {
    const ids = SITE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(SITE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s', (id, adapter) => {
    it('is named after its file lib/sites/<id>.ts', () => {
      expect(existsSync(join(ROOT, 'lib/sites', `${id}.ts`)), `lib/sites/${id}.ts`).toBe(true);
    });

    it('has at least one fixture page in tests/fixtures/sites/<id>/', () => {
      expect(
        fixturePages(id).map((path) => basename(path)),
        `tests/fixtures/sites/${id}/*.html`,
      ).not.toEqual([]);
    });

    it("is listed in README's site table", () => {
      // README may not be written yet; once it exists, every adapter must have its row.
      if (!existsSync(README)) return;
      const rows = readFileSync(README, 'utf8')
        .split('\n')
        .filter((line) => line.trimStart().startsWith('|'));
      expect(
        rows.some((row) => row.includes(`\`${id}\``)),
        `README.md has no table row mentioning \`${id}\``,
      ).toBe(true);
    });

    it('claims its own fixtures and no other adapter does', () => {
      for (const path of fixturePages(id)) {
        const url = fixtureUrl(path);
        expect(url, `${basename(path)} needs a sibling .url file or <link rel="canonical">`).toBeDefined();
        const address = new URL(url as string);
        expect(adapter.matches(address), `${id} should match ${url}`).toBe(true);
        const others = SITE_ADAPTERS.filter((other) => other !== adapter && other.matches(address)).map((o) => o.id);
        expect(others, `other adapters also match ${url}`).toEqual([]);
      }
    });
  });
});
