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

  it('gives nothing without a COinS span', () => {
    expect(readCoins(page('<p>nothing</p>')).fields).toEqual({});
  });
});
