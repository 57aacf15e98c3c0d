import { describe, expect, it } from 'vitest';
import { nature } from '../../../lib/sites/nature';
import { loadSiteFixture } from './fixture-page';

describe('nature', () => {
  it('matches nature.com articles and search, not other publishers', () => {
    expect(nature.matches(new URL('https://www.nature.com/articles/nature14539'))).toBe(true);
    expect(nature.matches(new URL('https://www.nature.com/articles/s41586-021-03819-2'))).toBe(true);
    expect(nature.matches(new URL('http://www.nature.com/nature/journal/vaop/ncurrent/full/nature13322.html'))).toBe(
      true,
    );
    expect(nature.matches(new URL('https://www.nature.com/search?q=deep+learning'))).toBe(true);
    expect(nature.matches(new URL('https://www.nature.com/nature'))).toBe(false);
    expect(nature.matches(new URL('https://link.springer.com/article/10.1007/BF02727953'))).toBe(false);
    expect(nature.matches(new URL('https://www.cell.com/cell/fulltext/S0092-8674(16)30122-4'))).toBe(false);
  });

  it('reads a research article with each field where the reader sees it', () => {
    const { doc, url } = loadSiteFixture('nature', 'article');
    expect(nature.detect(doc, url)).toBe('paper');
    const [paper] = nature.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Deep learning');
    expect(m?.authors.map((a) => a.name)).toEqual(['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton']);
    expect(m?.authors[0]?.affiliations).toHaveLength(2);
    expect(m?.abstract).toMatch(/^Deep learning allows computational models/);
    // citation_publication_date is only the issue month; the page shows the day it appeared.
    expect(m?.date).toBe('2015-05-27');
    expect(m?.year).toBe(2015);
    expect(m?.doi).toBe('10.1038/nature14539');
    expect(m?.venue).toBe('Nature');
    expect(m?.pdfUrl).toBe('https://www.nature.com/articles/nature14539.pdf');
    expect(m?.arxivId).toBeNull();
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.tagName).toBe('H1');
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual(['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton']);
    expect(anchors?.fields.abstract?.textContent).toContain('backpropagation algorithm');
    expect(anchors?.fields.date?.textContent).toBe('27 May 2015');
    expect(anchors?.fields.doi?.textContent).toContain('10.1038/nature14539');
    expect(anchors?.fields.venue?.textContent).toBe('Nature');
    expect(anchors?.fields.pdfUrl?.textContent).toContain('Download PDF');
  });

  it('reads the 2014 layout: the first paragraph is the summary, without its reference numbers', () => {
    const { doc, url } = loadSiteFixture('nature', 'article-2014');
    expect(nature.detect(doc, url)).toBe('paper');
    const [paper] = nature.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis');
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Lieselotte Vande Walle',
      'Nina Van Opdenbosch',
      'Mohamed Lamkanfi',
    ]);
    expect(m?.abstract).toMatch(
      /^Rheumatoid arthritis is a chronic autoinflammatory disease that affects 1–2% of the world’s/,
    );
    expect(m?.abstract).toContain('rheumatic diseases, but our understanding');
    expect(m?.date).toBe('2014-06-29');
    expect(m?.doi).toBe('10.1038/nature13322');
    expect(m?.pdfUrl).toBe('http://www.nature.com/nature/journal/vaop/ncurrent/pdf/nature13322.pdf');
    expect(paper?.anchors.authors.map((el) => el?.textContent)).toEqual([
      'Lieselotte Vande Walle',
      'Nina Van Opdenbosch',
      'Mohamed Lamkanfi',
    ]);
    expect(paper?.anchors.fields.abstract?.textContent).toContain('diseases1,2');
    expect(paper?.anchors.fields.title?.className).toBe('article-heading');
  });

  it('reads a news story, which is citable but has no citation_* tags', () => {
    const { doc, url } = loadSiteFixture('nature', 'news');
    expect(nature.detect(doc, url)).toBe('paper');
    const [paper] = nature.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('More than 100 scientific journals have disappeared from the Internet');
    expect(m?.authors.map((a) => a.name)).toEqual(['Diana Kwon']);
    expect(m?.doi).toBe('10.1038/d41586-020-02610-z');
    expect(m?.date).toBe('2020-09-10');
    // The standfirst under the headline stands in for an abstract.
    expect(m?.abstract).toMatch(/^Researchers have identified dozens of open-access journals/);
    expect(paper?.anchors.fields.title?.tagName).toBe('H1');
    expect(paper?.anchors.fields.abstract?.className).toContain('teaser-text');
    expect(paper?.anchors.fields.date?.textContent).toBe('10 September 2020');
  });

  it('gives no paper on a nature.com page with no DOI or scholarly tags', () => {
    const doc = new DOMParser().parseFromString(
      '<html><head><title>Nature</title><meta property="og:type" content="article"></head><body><h1 itemprop="headline">Subscribe</h1></body></html>',
      'text/html',
    );
    const url = new URL('https://www.nature.com/articles/subscribe');
    expect(nature.detect(doc, url)).toBeNull();
    expect(nature.read(doc, url)).toEqual([]);
  });

  it('reads search results as a list, one entry per card', () => {
    const { doc, url } = loadSiteFixture('nature', 'search');
    expect(nature.detect(doc, url)).toBe('list');
    const papers = nature.read(doc, url);
    expect(papers.map((p) => p.metadata.title)).toEqual([
      'Deep learning',
      'Mastering the game of Go with deep neural networks and tree search',
    ]);
    const second = papers[1];
    expect(second?.metadata.authors.map((a) => a.name)).toEqual(['David Silver', 'Aja Huang', 'Demis Hassabis']);
    expect(second?.metadata.date).toBe('2016-01-27');
    expect(second?.metadata.doi).toBe('10.1038/nature16961');
    expect(second?.metadata.url).toBe('https://www.nature.com/articles/nature16961');
    expect(second?.entry?.contains(second.anchors.fields.title ?? null)).toBe(true);
    expect(second?.anchors.authors).toHaveLength(3);
  });
});
