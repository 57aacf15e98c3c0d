import { describe, expect, it } from 'vitest';
import { readOpenGraph, stripSiteName } from '../../../lib/extract/open-graph';
import { fixture } from './page';

describe('readOpenGraph', () => {
  it('reads title, description and published time, marking the description as such', () => {
    const result = readOpenGraph(fixture('news-story.html'));
    expect(result.fields).toMatchObject({
      title: 'City council approves new bike lanes',
      date: '2024-05-14',
      year: 2024,
    });
    expect(result.abstractIsDescription).toBe(true);
  });

  it('strips the brand previews put around a title', () => {
    expect(stripSiteName('Frontiers | Bayes factors', 'Frontiers')).toBe('Bayes factors');
    expect(stripSiteName('[PDF] Meow | Semantic Scholar', 'Semantic Scholar')).toBe('Meow');
    expect(stripSiteName('Plain title', null)).toBe('Plain title');
  });
});
