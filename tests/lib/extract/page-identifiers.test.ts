import { describe, expect, it } from 'vitest';
import { isChallengePage } from '../../../lib/extract/challenge';
import { readTextIdentifiers, readUrlIdentifiers } from '../../../lib/extract/page-identifiers';
import { fixture, page } from './page';

describe('readUrlIdentifiers', () => {
  it.each([
    ['https://dl.acm.org/doi/abs/10.1145/3375627.3375832', { doi: '10.1145/3375627.3375832' }],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full', { doi: '10.3389/fpsyg.2014.00781' }],
    [
      'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001',
      { doi: '10.1371/journal.pone.0000001' },
    ],
    ['https://onlinelibrary.wiley.com/doi/10.1002%2Fandp.19263851302', { doi: '10.1002/andp.19263851302' }],
    ['https://arxiv.org/abs/1706.03762v7', { arxivId: '1706.03762' }],
    ['https://arxiv.org/pdf/hep-th/9901001v2.pdf', { arxivId: 'hep-th/9901001' }],
    ['https://example.org/about', {}],
  ])('%s', (url, fields) => {
    expect(readUrlIdentifiers(new URL(url)).fields).toEqual(fields);
  });
});

describe('readTextIdentifiers', () => {
  it('takes the first labelled DOI, not one from the references', () => {
    const doc = page('<p>Cited as: <b>DOI:</b> 10.1109/28.793383</p><ol><li>doi:10.9999/ref</li></ol>');
    expect(readTextIdentifiers(doc).fields).toEqual({ doi: '10.1109/28.793383' });
  });

  it('takes a doi.org link that shows its DOI, outside reference lists', () => {
    const doc = page(
      '<ol class="references"><li><a href="https://doi.org/10.9999/ref">https://doi.org/10.9999/ref</a></li></ol><td class="arxivdoi"><a href="https://doi.org/10.48550/arXiv.1706.03762">https://doi.org/10.48550/arXiv.1706.03762</a></td>',
    );
    expect(readTextIdentifiers(doc).fields).toEqual({ doi: '10.48550/arxiv.1706.03762' });
  });

  it('takes an arXiv id the page labels', () => {
    const doc = page('<p>Preprint: arXiv:2106.09608v2 [cs.LG]</p>');
    expect(readTextIdentifiers(doc).fields).toEqual({ arxivId: '2106.09608' });
  });

  it('finds nothing on a page without a DOI', () => {
    expect(readTextIdentifiers(page('<p>No identifiers here.</p>')).fields).toEqual({});
  });
});

describe('isChallengePage', () => {
  it('recognises bot-challenge interstitials', () => {
    expect(isChallengePage(fixture('challenge.html'))).toBe(true);
    expect(
      isChallengePage(page('<title>Verifying your browser | OpenReview</title><div class="cf-turnstile"></div>')),
    ).toBe(true);
  });

  it('does not flag an article', () => {
    expect(isChallengePage(fixture('highwire-article.html'))).toBe(false);
  });
});
