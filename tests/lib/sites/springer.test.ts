import { describe, expect, it } from 'vitest';
import { springer } from '../../../lib/sites/springer';
import { loadSiteFixture } from './fixture-page';

describe('springer', () => {
  it('matches SpringerLink articles, chapters and search, not other sites', () => {
    expect(springer.matches(new URL('https://link.springer.com/article/10.1007/BF02727953'))).toBe(true);
    expect(springer.matches(new URL('https://link.springer.com/chapter/10.1007/978-3-319-24574-4_28'))).toBe(true);
    expect(springer.matches(new URL('https://rd.springer.com/article/10.1023/A:1010933404324'))).toBe(true);
    expect(springer.matches(new URL('https://link.springer.com/search?query=x'))).toBe(true);
    expect(springer.matches(new URL('http://www.springerlink.com/content/p64768w654438463/'))).toBe(true);
    expect(springer.matches(new URL('https://link.springer.com/journal/40764'))).toBe(false);
    expect(springer.matches(new URL('https://www.nature.com/articles/nature14539'))).toBe(false);
    expect(springer.matches(new URL('https://www.springer.com/journal/10994'))).toBe(false);
  });

  it('takes the issue year, not the online date, for a digitised back issue', () => {
    const { doc, url } = loadSiteFixture('springer', 'article-digitised');
    expect(springer.detect(doc, url)).toBe('paper');
    const [paper] = springer.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('On the theory of identical particles');
    expect(m?.authors.map((a) => a.name)).toEqual(['J. M. Leinaas', 'J. Myrheim']);
    expect(m?.authors[1]?.affiliations).toEqual(['Department of Physics, University of Oslo, Oslo, Norway']);
    expect(m?.year).toBe(1977);
    expect(m?.date).toBe('1977-01');
    expect(m?.abstract).toMatch(/^The classical configuration space of a system of identical particles/);
    expect(m?.doi).toBe('10.1007/bf02727953');
    expect(m?.venue).toBe('Il Nuovo Cimento B (1971-1996)');
    expect(m?.pdfUrl).toBe('https://link.springer.com/content/pdf/10.1007/BF02727953.pdf');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('On the theory of identical particles');
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual(['J. M. Leinaas', 'J. Myrheim']);
    expect(anchors?.fields.date?.textContent).toBe('1977');
    expect(anchors?.fields.abstract?.textContent).toContain('Cartesian product');
    expect(anchors?.fields.doi?.textContent).toContain('10.1007/BF02727953');
    expect(anchors?.fields.venue?.textContent).toBe('Il Nuovo Cimento B (1971-1996)');
    expect(anchors?.fields.pdfUrl?.textContent).toBe('Download PDF');
  });

  it('dates an online-first article by the issue it appeared in', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><meta name="citation_title" content="A study"><meta name="citation_author" content="Doe, Jane">
      <meta name="citation_publication_date" content="2016/01"><meta name="citation_online_date" content="2015/12/20"></head>
      <body><h1 class="c-article-title">A study</h1>
      <ul class="c-article-identifiers"><li class="c-article-identifiers__item">Published: <time datetime="2015-12-20">20 December 2015</time></li></ul>
      <span data-test="article-publication-year">2016</span></body></html>`,
      'text/html',
    );
    const [paper] = springer.read(doc, new URL('https://link.springer.com/article/10.1007/s00000-015-0001-1'));
    expect(paper?.metadata.year).toBe(2016);
    expect(paper?.anchors.fields.date?.textContent).toBe('2016');
  });

  it('reads a proceedings chapter with the book as its venue', () => {
    const { doc, url } = loadSiteFixture('springer', 'chapter');
    const [paper] = springer.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('U-Net: Convolutional Networks for Biomedical Image Segmentation');
    expect(m?.authors.map((a) => a.name)).toEqual(['Olaf Ronneberger', 'Philipp Fischer', 'Thomas Brox']);
    expect(m?.date).toBe('2015-11-18');
    expect(m?.venue).toBe('Medical Image Computing and Computer-Assisted Intervention – MICCAI 2015');
    expect(m?.doi).toBe('10.1007/978-3-319-24574-4_28');
    expect(m?.pdfUrl).toBe('https://link.springer.com/content/pdf/10.1007/978-3-319-24574-4_28.pdf');
    expect(paper?.anchors.fields.date?.textContent).toBe('18 November 2015');
    expect(paper?.anchors.authors).toHaveLength(3);
  });

  it('reads a saved MetaPress-era SpringerLink page, which has no tags', () => {
    const { doc, url } = loadSiteFixture('springer', 'metapress-2010');
    expect(springer.detect(doc, url)).toBe('paper');
    const [paper] = springer.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('On the use of linear graph theory in multibody system dynamics');
    expect(m?.authors.map((a) => a.name)).toEqual(['J. J. McPhee']);
    expect(m?.abstract).toMatch(/^Multibody dynamics involves the generation/);
    // The month, not the "SpringerLink Date" (when the record went online).
    expect(m?.date).toBe('1996-02');
    expect(m?.doi).toBe('10.1007/bf01833294');
    expect(m?.venue).toBe('Nonlinear Dynamics');
    expect(m?.pdfUrl).toBe('http://www.springerlink.com/content/p64768w654438463/fulltext.pdf');
    expect(paper?.anchors.fields.authors?.className).toBe('AuthorGroup');
    expect(paper?.anchors.fields.doi?.textContent).toBe('10.1007/BF01833294');
  });

  it('reads search results as a list', () => {
    const { doc, url } = loadSiteFixture('springer', 'search');
    expect(springer.detect(doc, url)).toBe('list');
    const [entry, ...rest] = springer.read(doc, url);
    expect(rest).toHaveLength(0);
    expect(entry?.metadata.title).toBe('On the theory of identical particles');
    expect(entry?.metadata.authors.map((a) => a.name)).toEqual(['J. M. Leinaas', 'J. Myrheim']);
    expect(entry?.metadata.doi).toBe('10.1007/bf02727953');
    expect(entry?.metadata.year).toBe(1977);
    expect(entry?.entry?.contains(entry.anchors.fields.title ?? null)).toBe(true);
  });
});
