import { describe, expect, it } from 'vitest';
import { readCoins } from '../../../lib/extract/coins';
import { fixture, page } from './page';

describe('readCoins', () => {
  it('reads an OpenURL context object', () => {
    expect(readCoins(fixture('coins.html')).fields).toEqual({
      title: 'Quantisierung als Eigenwertproblem',
      authors: [{ name: 'E. Schrödinger', given: 'E.', family: 'Schrödinger', affiliations: [] }],
      date: '1926',
      year: 1926,
      doi: '10.1002/andp.19263851302',
      venue: 'Annalen der Physik',
    });
  });

  it('skips the COinS spans of cited references', () => {
    const cited = (title: string, pmid: string) =>
      `<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_id=info:pmid/${pmid}&amp;rft.atitle=${title}"></span>`;
    for (const list of [
      `<ol class="references"><li>${cited('Cited', '16980212')}</li></ol>`,
      `<section id="references"><p>${cited('Cited', '16980212')}</p></section>`,
      `<section aria-labelledby="ref-heading"><p>${cited('Cited', '16980212')}</p></section>`,
      `<div class="c-article-references"><p>${cited('Cited', '16980212')}</p></div>`,
    ]) {
      expect(readCoins(page(list)).fields).toEqual({});
      expect(readCoins(page(`${list}${cited('Own', '123')}`)).fields).toEqual({ title: 'Own', pmid: '123' });
    }
  });

  it('gives nothing without a COinS span', () => {
    expect(readCoins(page('<p>nothing</p>')).fields).toEqual({});
  });
});
