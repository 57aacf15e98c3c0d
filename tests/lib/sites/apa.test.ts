import { describe, expect, it } from 'vitest';
import { apa } from '../../../lib/sites/apa';
import { loadSiteFixture } from './fixture-page';

describe('apa', () => {
  it('matches PsycNET full-text articles, not other pages or sites', () => {
    expect(apa.matches(new URL('http://psycnet.apa.org/journals/arc/4/1/32.html'))).toBe(true);
    expect(apa.matches(new URL('https://psycnet.apa.org/fulltext/2016-26165-005.html'))).toBe(true);
    expect(apa.matches(new URL('https://psycnet.apa.org/search'))).toBe(false);
    expect(apa.matches(new URL('https://www.apa.org/pubs/journals/arc'))).toBe(false);
    expect(apa.matches(new URL('https://journals.sagepub.com/doi/10.1177/2325967116646534'))).toBe(false);
  });

  it('reads an article with no metadata tags: record title, scientific abstract, citation', () => {
    const { doc, url } = loadSiteFixture('apa', 'article');
    expect(apa.detect(doc, url)).toBe('paper');
    const [paper] = apa.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe(
      'The crisis of confidence in research findings in psychology: Is lack of replication the real problem? Or is it something else?',
    );
    expect(m?.authors.map((a) => a.name)).toEqual(['Frank L. Schmidt', 'In-Sue Oh']);
    expect(m?.abstract).toMatch(/^There have been frequent expressions of concern/);
    expect(m?.year).toBe(2016);
    expect(m?.doi).toBe('10.1037/arc0000029');
    expect(m?.venue).toBe('Archives of Scientific Psychology');
    expect(m?.pdfUrl).toBe('http://psycnet.apa.org/journals/arc/4/1/32.pdf');
    expect(paper?.anchors.fields.title?.tagName).toBe('H1');
    expect(paper?.anchors.authors.map((el) => el?.textContent)).toEqual(['Frank L. Schmidt', 'In-Sue Oh']);
    expect(paper?.anchors.fields.abstract?.textContent).toMatch(/^There have been/);
  });

  it('gives no paper where the article body is missing', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>PsycNET</h1></body></html>', 'text/html');
    expect(apa.detect(doc, new URL('http://psycnet.apa.org/journals/arc/4/1/32.html'))).toBeNull();
  });
});
