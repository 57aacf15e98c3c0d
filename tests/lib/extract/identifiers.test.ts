import { describe, expect, it } from 'vitest';
import { findArxivIds, findDois } from '../../../lib/extract/identifiers';

describe('findDois', () => {
  it('finds each DOI once, normalised, without trailing punctuation', () => {
    const text =
      'See https://doi.org/10.1038/NATURE14539. Also (doi:10.1002/(SICI)1097-0258(19980815)17:15<1661::AID-SIM968>3.0.CO;2-2) and 10.1038/nature14539, again.';
    expect(findDois(text)).toEqual(['10.1038/nature14539', '10.1002/(sici)1097-0258(19980815)17:15']);
  });

  it('finds none in text without one', () => {
    expect(findDois('version 10.5 of the software, 10/2019')).toEqual([]);
  });
});

describe('findArxivIds', () => {
  it('finds new-style ids without their version', () => {
    expect(findArxivIds('arXiv:1706.03762v7 and https://arxiv.org/abs/2106.09608')).toEqual([
      '1706.03762',
      '2106.09608',
    ]);
  });

  it('finds old-style ids only when marked as arXiv', () => {
    expect(findArxivIds('arXiv:hep-th/9901001')).toEqual(['hep-th/9901001']);
    expect(findArxivIds('see page math/1234567 of the file')).toEqual([]);
  });

  it('ignores numbers that cannot be arXiv ids', () => {
    expect(findArxivIds('costs 1599.12345 dollars')).toEqual([]);
  });
});
