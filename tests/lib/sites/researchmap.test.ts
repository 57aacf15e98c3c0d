import { describe, expect, it } from 'vitest';
import { researchmap } from '../../../lib/sites/researchmap';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('researchmap', name);

describe('researchmap adapter', () => {
  it('matches researchmap and no other site', () => {
    expect(researchmap.matches(load('published-papers-ja').url)).toBe(true);
    expect(researchmap.matches(load('published-papers-en').url)).toBe(true);
    for (const other of [
      'https://cir.nii.ac.jp/crid/1390001204062164736',
      'https://www.jstage.jst.go.jp/article/x/1/1/1/_article',
    ]) {
      expect(researchmap.matches(new URL(other))).toBe(false);
    }
  });

  it('reads each paper row of a Japanese page, and no award', () => {
    const { doc, url } = load('published-papers-ja');
    expect(researchmap.detect(doc, url)).toBe('list');
    const papers = researchmap.read(doc, url);
    expect(papers).toHaveLength(3);
    const [cell, japanese] = papers;
    expect(cell?.metadata.title).toBe(
      'Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by defined factors',
    );
    expect(cell?.metadata.authors.map((a) => a.name)).toEqual(['Kazutoshi Takahashi', 'Shinya Yamanaka']);
    expect(cell?.metadata.venue).toBe('Cell');
    expect(cell?.metadata.date).toBe('2006-08');
    expect(cell?.metadata.year).toBe(2006);
    expect(japanese?.metadata.title).toBe('iPS細胞研究の現状と展望');
    // Japanese names have no space between family and given name and are kept whole; the
    // list mixes ASCII and Japanese commas.
    expect(japanese?.metadata.authors).toEqual([
      { name: '山中伸弥', affiliations: [] },
      { name: '高橋和利', affiliations: [] },
      { name: '沖田圭介', affiliations: [] },
    ]);
    expect(japanese?.metadata.venue).toBe('日本内科学会雑誌');
    expect(japanese?.metadata.date).toBe('2010-09-10');
    expect(papers.some((p) => p.metadata.title === 'ノーベル生理学・医学賞')).toBe(false);
    for (const paper of papers) {
      expect(paper.entry?.tagName).toBe('LI');
      expect(paper.entry?.contains(paper.anchors.fields.title ?? null)).toBe(true);
      expect(paper.entry?.contains(paper.anchors.fields.authors ?? null)).toBe(true);
    }
  });

  it('reads the English page with English month names', () => {
    const { doc, url } = load('published-papers-en');
    const [paper] = researchmap.read(doc, url);
    expect(paper?.metadata.venue).toBe('Cell');
    expect(paper?.metadata.date).toBe('2006-08');
  });

  it('reads a single paper page from its citation tags', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><meta name="citation_title" content="Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by defined factors">
       <meta name="citation_author" content="Kazutoshi Takahashi"><meta name="citation_author" content="Shinya Yamanaka">
       <meta name="citation_publication_date" content="2006/08"><meta name="citation_journal_title" content="Cell"></head>
       <body><h1>Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by defined factors</h1></body></html>`,
      'text/html',
    );
    const url = new URL('https://researchmap.jp/shinyayamanaka/published_papers/11111111');
    expect(researchmap.detect(doc, url)).toBe('paper');
    const [paper] = researchmap.read(doc, url);
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual(['Kazutoshi Takahashi', 'Shinya Yamanaka']);
    expect(paper?.metadata.year).toBe(2006);
    expect(paper?.metadata.site).toBe('researchmap');
  });

  it('finds nothing on a page without paper rows', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><a class="rm-cv-list-title" href="https://researchmap.jp/x/awards/1">Award</a></body></html>',
      'text/html',
    );
    expect(researchmap.detect(doc, new URL('https://researchmap.jp/x/awards'))).toBeNull();
  });
});
