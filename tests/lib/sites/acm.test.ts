import { describe, expect, it } from 'vitest';
import { acm } from '../../../lib/sites/acm';
import { loadSiteFixture } from './fixture-page';

const KDD =
  "KDD '16: Proceedings of the 22nd ACM SIGKDD International Conference on Knowledge Discovery and Data Mining";

describe('acm', () => {
  it('matches ACM DL paper and search pages, not other sites', () => {
    expect(acm.matches(new URL('https://dl.acm.org/doi/10.1145/2939672.2939785'))).toBe(true);
    expect(acm.matches(new URL('https://dl.acm.org/doi/abs/10.1145/3375627.3375832'))).toBe(true);
    expect(acm.matches(new URL('https://dl.acm.org/doi/full/10.1145/3375627.3375832'))).toBe(true);
    expect(acm.matches(new URL('https://dl.acm.org/action/doSearch?AllField=x'))).toBe(true);
    expect(acm.matches(new URL('https://dl.acm.org/doi/pdf/10.1145/2939672.2939785'))).toBe(false);
    expect(acm.matches(new URL('https://dl.acm.org/profile/99659060364'))).toBe(false);
    expect(acm.matches(new URL('https://ieeexplore.ieee.org/document/7780459'))).toBe(false);
    expect(acm.matches(new URL('https://www.acm.org/publications'))).toBe(false);
  });

  it('reads a paper page of the current design', () => {
    const { doc, url } = loadSiteFixture('acm', 'article');
    expect(acm.detect(doc, url)).toBe('paper');
    const [paper] = acm.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('XGBoost: A Scalable Tree Boosting System');
    expect(m?.authors).toEqual([
      {
        name: 'Tianqi Chen',
        given: 'Tianqi',
        family: 'Chen',
        affiliations: ['University of Washington, Seattle, WA, USA'],
        orcid: '0000-0002-1428-1418',
      },
      {
        name: 'Carlos Guestrin',
        given: 'Carlos',
        family: 'Guestrin',
        affiliations: ['University of Washington, Seattle, WA, USA'],
      },
    ]);
    expect(m?.abstract).toMatch(/^Tree boosting is a highly effective.*machine learning challenges\.$/);
    expect(m?.date).toBe('2016-08-13');
    expect(m?.doi).toBe('10.1145/2939672.2939785');
    expect(m?.venue).toBe(KDD);
    expect(m?.pdfUrl).toBe('https://dl.acm.org/doi/pdf/10.1145/2939672.2939785');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('XGBoost: A Scalable Tree Boosting System');
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual(['Tianqi Chen', 'Carlos Guestrin']);
    expect(anchors?.fields.date?.textContent).toBe('Published: 13 August 2016');
    expect(anchors?.fields.venue?.textContent).toBe(KDD);
    expect(anchors?.fields.doi?.textContent).toContain('10.1145/2939672.2939785');
    expect(anchors?.fields.pdfUrl?.textContent).toBe('PDF');
  });

  it('reads the 2020 design, where no meta tag names the paper', () => {
    const { doc, url } = loadSiteFixture('acm', 'article-2020-layout');
    expect(acm.detect(doc, url)).toBe('paper');
    const [paper] = acm.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('XGBoost: A Scalable Tree Boosting System');
    expect(m?.authors.map((a) => [a.name, a.affiliations])).toEqual([
      ['Tianqi Chen', ['University of Washington, Seattle, WA, USA']],
      ['Carlos Guestrin', ['University of Washington, Seattle, WA, USA']],
    ]);
    expect(m?.abstract).toMatch(/^Tree boosting is a highly effective/);
    expect(m?.date).toBe('2016-08-13');
    expect(m?.doi).toBe('10.1145/2939672.2939785');
    expect(m?.venue).toBe(KDD);
    expect(m?.pdfUrl).toBe('https://dl.acm.org/doi/pdf/10.1145/2939672.2939785');
    expect(paper?.anchors.authors).toHaveLength(2);
    expect(paper?.anchors.fields.abstract?.textContent).toMatch(/^Tree boosting/);
  });

  it('reads search results as a list', () => {
    const { doc, url } = loadSiteFixture('acm', 'search');
    expect(acm.detect(doc, url)).toBe('list');
    const papers = acm.read(doc, url);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.metadata).toMatchObject({
      title: 'XGBoost: A Scalable Tree Boosting System',
      doi: '10.1145/2939672.2939785',
      venue: KDD,
      date: '2016-08',
      url: 'https://dl.acm.org/doi/10.1145/2939672.2939785',
    });
    expect(papers[0]?.metadata.authors.map((a) => a.name)).toEqual(['Tianqi Chen', 'Carlos Guestrin']);
    expect(papers[0]?.anchors.authors).toHaveLength(2);
  });
});
