import { describe, expect, it } from 'vitest';
import { readBepress } from '../../../lib/extract/bepress';
import { readEprints } from '../../../lib/extract/eprints';
import { fixture } from './page';

describe('readEprints', () => {
  it('reads an EPrints record', () => {
    const { fields } = readEprints(fixture('eprints-bepress.html'));
    expect(fields).toMatchObject({
      title: 'Caves of Brazil',
      date: '2015-01-12',
      doi: '10.3897/zookeys.470.8426',
      venue: 'ZooKeys',
      pdfUrl: 'https://repo.example.org/1/cave.pdf',
    });
    expect(fields.authors?.map((a) => a.name)).toEqual(['Lívia Medeiros Cordeiro', 'Rodrigo Borghezan']);
    expect(fields.abstract).toMatch(/^Brazilian cave diversity/);
  });
});

describe('readBepress', () => {
  it('reads bepress_citation_* tags', () => {
    expect(readBepress(fixture('eprints-bepress.html')).fields).toMatchObject({
      title: 'Caves of Brazil (bepress)',
      authors: [{ name: 'Lívia Cordeiro' }],
      year: 2015,
      venue: 'ZooKeys Digital Commons',
      pdfUrl: 'https://commons.example.org/cave.pdf',
    });
  });
});
