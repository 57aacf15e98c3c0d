import { describe, expect, it } from 'vitest';
import { cinii } from '../../../lib/sites/cinii';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('cinii', name);

describe('cinii adapter', () => {
  it('matches CiNii Research and old CiNii Articles addresses, and no other site', () => {
    expect(cinii.matches(load('crid-1390006895536534016').url)).toBe(true);
    expect(cinii.matches(new URL('https://ci.nii.ac.jp/naid/130008130000'))).toBe(true);
    for (const other of [
      'https://www.jstage.jst.go.jp/article/lsj/49/6/49_349/_article/-char/ja',
      'https://researchmap.jp/x',
    ]) {
      expect(cinii.matches(new URL(other))).toBe(false);
    }
  });

  it('reads a record: names without their kana readings, affiliations, journal and DOI', () => {
    const { doc, url } = load('crid-1390006895536534016');
    expect(cinii.detect(doc, url)).toBe('paper');
    const [paper] = cinii.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('高強度レーザーによる高電場物理');
    expect(m?.authors.map((a) => a.name)).toEqual(['余語 覚文', 'GOLOVIN Daniil O.', 'Yanjun GU']);
    expect(m?.authors[0]).toMatchObject({
      family: '余語',
      given: '覚文',
      affiliations: ['大阪大学 レーザー科学研究所'],
    });
    expect(m?.abstract).toBe('高強度レーザーと物質の相互作用により生じる高電場物理について解説する。');
    expect(m?.venue).toBe('レーザー研究');
    expect(m?.year).toBe(2021);
    expect(m?.doi).toBe('10.2184/lsj.49.6_349');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(['余語 覚文', 'GOLOVIN Daniil O.', 'Yanjun GU']);
    expect(paper?.anchors.fields.title?.tagName).toBe('H1');
  });

  it('reads an old CiNii Articles page from its citation tags', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><meta name="citation_title" content="高強度レーザーによる高電場物理"><meta name="citation_author" content="余語 覚文">
       <meta name="citation_publication_date" content="2021"></head><body><h1 class="heading"><span class="title">高強度レーザーによる高電場物理</span></h1></body></html>`,
      'text/html',
    );
    const url = new URL('https://ci.nii.ac.jp/naid/130008130000');
    expect(cinii.detect(doc, url)).toBe('paper');
    const [paper] = cinii.read(doc, url);
    expect(paper?.metadata.title).toBe('高強度レーザーによる高電場物理');
    expect(paper?.metadata.year).toBe(2021);
  });

  it('finds no paper on search pages', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>検索結果</h1></body></html>', 'text/html');
    expect(cinii.detect(doc, new URL('https://cir.nii.ac.jp/all?q=laser'))).toBeNull();
  });
});
