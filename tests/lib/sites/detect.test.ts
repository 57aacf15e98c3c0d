import { describe, expect, it } from 'vitest';
import { extractEmbedded } from '../../../lib/extract/embedded';
import { mergePaper } from '../../../lib/extract/merge';
import { adapterFor, detectPapers } from '../../../lib/sites/detect';
import { genericAdapter } from '../../../lib/sites/generic';
import type { SiteAdapter } from '../../../lib/sites/types';
import { fixture, page } from '../extract/page';

const ARTICLE = 'https://journal.example.org/articles/1';

/** A site adapter as the site files write one: generic reading plus this site's patch. */
const journalAdapter: SiteAdapter = {
  id: 'example-journal',
  name: 'Example Journal',
  matches: (url) => url.hostname === 'journal.example.org',
  detect: (doc) => (doc.querySelector('meta[name="citation_title"]') ? 'paper' : null),
  read(doc, url) {
    const paper = extractEmbedded(doc, url, 'example-journal');
    return paper ? [mergePaper(paper, { venue: 'Example Journal (site)' }, 'site')] : [];
  },
};
const otherAdapter: SiteAdapter = {
  ...journalAdapter,
  id: 'other',
  matches: (url) => url.hostname === 'other.example',
};

describe('detectPapers', () => {
  it('lets the first adapter whose address matches read the page', () => {
    const result = detectPapers(fixture('highwire-article.html'), new URL(ARTICLE), [otherAdapter, journalAdapter]);
    expect(result.site).toBe('example-journal');
    expect(result.kind).toBe('paper');
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]?.metadata).toMatchObject({ site: 'example-journal', venue: 'Example Journal (site)' });
    expect(result.papers[0]?.metadata.sources.venue).toBe('site');
  });

  it('falls back to the generic readers when no adapter matches', () => {
    const result = detectPapers(fixture('highwire-article.html'), new URL('https://unknown.example/x'), [otherAdapter]);
    expect(result.site).toBe('generic');
    expect(result.kind).toBe('paper');
    expect(result.papers[0]?.metadata.title).toBe('Water splitting on H2O-rich surfaces');
  });

  it('reports no paper on negative pages', () => {
    const pages = [
      ['challenge.html', 'https://unknown.example/doi/full/10.1080/00268976.2013.788745'],
      ['news-story.html', 'https://news.example.com/2024/05/bike-lanes'],
      ['search-results.html', 'https://scholar.example.org/scholar?q=PDMS'],
    ] as const;
    for (const [name, url] of pages) {
      expect(detectPapers(fixture(name, url), new URL(url), []), name).toEqual({
        site: 'generic',
        kind: null,
        papers: [],
      });
    }
  });

  it('reports no paper when a matching adapter finds none', () => {
    const result = detectPapers(page('<p>Journal home</p>'), new URL(ARTICLE), [journalAdapter]);
    expect(result).toEqual({ site: 'example-journal', kind: null, papers: [] });
  });
});

describe('adapterFor', () => {
  it('gives the generic adapter for unknown sites', () => {
    expect(adapterFor(new URL('https://unknown.example/'), [journalAdapter])).toBe(genericAdapter);
    expect(genericAdapter.id).toBe('generic');
  });
});
