// Each site's own content script is registered for SITE_HOSTS[id]; every other page gets the
// generic script. A fixture URL outside its site's patterns would get the wrong script.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { ALL_SITE_HOSTS, SITE_HOSTS } from '../../../lib/sites/hosts';
import { SITE_ADAPTERS } from '../../../lib/sites/index';

const FIXTURES = resolve(__dirname, '../../fixtures/sites');

function fixtureUrls(id: string): string[] {
  const dir = join(FIXTURES, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.url'))
    .map((file) => readFileSync(join(dir, file), 'utf8').trim());
}

const covers = (patterns: readonly string[], url: string) =>
  patterns.some((pattern) => new MatchPattern(pattern).includes(url));

describe('content script patterns per site', () => {
  it('lists exactly the registered adapters', () => {
    expect(Object.keys(SITE_HOSTS).sort()).toEqual(SITE_ADAPTERS.map((adapter) => adapter.id).sort());
  });

  describe.each(Object.entries(SITE_HOSTS))('%s', (id, patterns) => {
    const urls = fixtureUrls(id);

    it('covers every fixture URL of its own site', () => {
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(covers(patterns, url), url).toBe(true);
    });

    it("covers no other site's fixture URLs", () => {
      for (const [otherId] of Object.entries(SITE_HOSTS)) {
        if (otherId === id) continue;
        for (const url of fixtureUrls(otherId)) expect(covers(patterns, url), `${url} (${otherId})`).toBe(false);
      }
    });
  });

  it('leaves ordinary pages to the generic script', () => {
    for (const url of ['https://example.org/paper/1', 'https://www.ncbi.nlm.nih.gov/books/NBK1/']) {
      expect(covers(ALL_SITE_HOSTS, url), url).toBe(false);
    }
  });
});
