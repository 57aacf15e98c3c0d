import { describe, expect, it } from 'vitest';
import { wiley } from '../../../lib/sites/wiley';
import { loadSiteFixture } from './fixture-page';

const JRSSB = 'Journal of the Royal Statistical Society: Series B (Methodological)';

describe('wiley', () => {
  it('matches Wiley Online Library and its society hosts, not other sites', () => {
    expect(wiley.matches(new URL('https://onlinelibrary.wiley.com/doi/abs/10.1002/andp.19263851302'))).toBe(true);
    expect(wiley.matches(new URL('https://onlinelibrary.wiley.com/doi/full/10.1002/andp.19263851302'))).toBe(true);
    expect(wiley.matches(new URL('https://rss.onlinelibrary.wiley.com/doi/10.1111/j.2517-6161.1995.tb02031.x'))).toBe(
      true,
    );
    expect(wiley.matches(new URL('https://agupubs.onlinelibrary.wiley.com/doi/10.1029/2019GL085378'))).toBe(true);
    expect(wiley.matches(new URL('https://onlinelibrary.wiley.com/journal/15213889'))).toBe(false);
    expect(wiley.matches(new URL('https://www.wiley.com/en-us/Statistics-p-9781118'))).toBe(false);
    expect(wiley.matches(new URL('https://www.tandfonline.com/doi/full/10.1080/00268976.2013.788745'))).toBe(false);
    expect(wiley.matches(new URL('https://evil-onlinelibrary.wiley.com.example.org/doi/10.1002/x'))).toBe(false);
  });

  it('reads an article on a society host with the date and abstract the reader sees', () => {
    const { doc, url } = loadSiteFixture('wiley', 'article');
    expect(wiley.detect(doc, url)).toBe('paper');
    const [paper] = wiley.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe(
      'Controlling the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing',
    );
    expect(m?.authors.map((a) => [a.name, a.affiliations])).toEqual([
      ['Yoav Benjamini', ['Tel Aviv University, Israel']],
      ['Yosef Hochberg', ['Tel Aviv University, Israel']],
    ]);
    // The whole abstract, not og:description's "...".
    expect(m?.abstract).toMatch(/^The common approach to the multiplicity problem.*testing is presented\.$/);
    expect(m?.date).toBe('1995-01');
    expect(m?.doi).toBe('10.1111/j.2517-6161.1995.tb02031.x');
    expect(m?.venue).toBe(JRSSB);
    expect(m?.pdfUrl).toBe('https://rss.onlinelibrary.wiley.com/doi/pdf/10.1111/j.2517-6161.1995.tb02031.x');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe(m?.title);
    // The wide-screen list, not the phone copy or the citing papers' authors.
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual(['Yoav Benjamini', 'Yosef Hochberg']);
    expect(anchors?.authors[0]?.closest('.desktop-authors')).not.toBeNull();
    expect(anchors?.fields.date?.textContent).toBe('January 1995');
    expect(anchors?.fields.venue?.textContent).toBe(JRSSB);
    expect(anchors?.fields.doi?.textContent).toContain('10.1111/j.2517-6161.1995.tb02031.x');
    expect(anchors?.fields.abstract?.textContent).toMatch(/^The common approach/);
  });

  it('reads an early paper with no abstract and a year-only date', () => {
    const { doc, url } = loadSiteFixture('wiley', 'no-abstract');
    const [paper] = wiley.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Zur Elektrodynamik bewegter Körper');
    expect(m?.authors.map((a) => a.name)).toEqual(['A. Einstein']);
    expect(m?.year).toBe(1905);
    expect(m?.date).toBe('1905');
    expect(m?.abstract).toBeNull();
    expect(m?.venue).toBe('Annalen der Physik');
    expect(m?.pdfUrl).toBe('https://onlinelibrary.wiley.com/doi/pdf/10.1002/andp.19053221004');
    expect(paper?.anchors.fields.title?.textContent).toBe('Zur Elektrodynamik bewegter Körper');
    expect(paper?.anchors.authors).toHaveLength(1);
  });

  it('reads search results as a list', () => {
    const { doc, url } = loadSiteFixture('wiley', 'search');
    expect(wiley.detect(doc, url)).toBe('list');
    const papers = wiley.read(doc, url);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.metadata).toMatchObject({
      title: 'Controlling the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing',
      doi: '10.1111/j.2517-6161.1995.tb02031.x',
      venue: JRSSB,
      date: '1995-01',
    });
    expect(papers[0]?.metadata.authors.map((a) => a.name)).toEqual(['Yoav Benjamini', 'Yosef Hochberg']);
  });
});
