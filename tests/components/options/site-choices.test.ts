import { describe, expect, it } from 'vitest';
import { siteChoices } from '../../../components/options/site-choices';

describe('siteChoices', () => {
  it('lists every adapter, then other pages once, even when the registry holds the generic one', () => {
    const choices = siteChoices([
      { id: 'arxiv', name: 'arXiv' },
      { id: 'generic', name: 'Generic' },
    ]);
    expect(choices).toEqual([
      { id: 'arxiv', name: 'arXiv' },
      { id: 'generic', name: 'Other pages with standard metadata' },
    ]);
  });

  it('still offers other pages while no adapter is registered', () => {
    expect(siteChoices([]).map((choice) => choice.id)).toEqual(['generic']);
  });
});
