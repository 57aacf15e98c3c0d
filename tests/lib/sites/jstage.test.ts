import { describe, expect, it } from 'vitest';
import { jstage } from '../../../lib/sites/jstage';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('jstage', name);

describe('jstage adapter', () => {
  it('matches J-STAGE and no other site', () => {
    expect(jstage.matches(load('lsj-49-6-349-en').url)).toBe(true);
    expect(jstage.matches(load('lsj-49-6-349-ja').url)).toBe(true);
    for (const other of ['https://cir.nii.ac.jp/crid/1390001204062164736', 'https://www.jst.go.jp/']) {
      expect(jstage.matches(new URL(other))).toBe(false);
    }
  });

  it('reads the English page in English although the citation tags are Japanese', () => {
    const { doc, url } = load('lsj-49-6-349-en');
    expect(jstage.detect(doc, url)).toBe('paper');
    const [paper] = jstage.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('High-field Physics with Intense Lasers');
    // "[in Japanese]" stands for an author with no Latin spelling: the tags' name is used.
    expect(m?.authors.map((a) => a.name)).toEqual(['余語 覚文', 'GOLOVIN Daniil O.', 'Yanjun GU']);
    expect(m?.authors[0]).toMatchObject({
      family: '余語',
      given: '覚文',
      affiliations: ['大阪大学 レーザー科学研究所'],
    });
    expect(m?.authors[1]).toMatchObject({ family: 'GOLOVIN', given: 'Daniil O.' });
    expect(m?.authors[2]).toMatchObject({ family: 'GU', given: 'Yanjun' });
    expect(m?.abstract).toBe('The interaction of intense lasers with matter opens the field of high-field physics.');
    expect(m?.doi).toBe('10.2184/lsj.49.6_349');
    expect(m?.year).toBe(2021);
    expect(m?.pdfUrl).toBe('https://www.jstage.jst.go.jp/article/lsj/49/6/49_349/_pdf');
    expect(paper?.anchors.authors).toHaveLength(3);
    expect(paper?.anchors.authors[0]?.textContent).toBe('[in Japanese]');
    expect(paper?.anchors.fields.title?.className).toBe('global-article-title');
  });

  it('reads the Japanese page in Japanese', () => {
    const { doc, url } = load('lsj-49-6-349-ja');
    const [paper] = jstage.read(doc, url);
    expect(paper?.metadata.title).toBe('高強度レーザーによる高電場物理');
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual(['余語 覚文', 'GOLOVIN Daniil O.', 'Yanjun GU']);
    expect(paper?.metadata.abstract).toBe('高強度レーザーと物質の相互作用により生じる高電場物理について解説する。');
    expect(paper?.metadata.pdfUrl).toBe('https://www.jstage.jst.go.jp/article/lsj/49/6/49_349/_pdf');
  });

  it('finds no paper on journal and search pages', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><div class="journal-name">x</div></body></html>',
      'text/html',
    );
    expect(jstage.detect(doc, new URL('https://www.jstage.jst.go.jp/browse/lsj/-char/en'))).toBeNull();
    expect(
      jstage.detect(doc, new URL('https://www.jstage.jst.go.jp/result/global/-char/en?globalSearchKey=laser')),
    ).toBeNull();
  });
});
