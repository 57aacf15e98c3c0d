import { describe, expect, it } from 'vitest';
import { readDublinCore } from '../../../lib/extract/dublin-core';
import { readPrism } from '../../../lib/extract/prism';
import { fixture, page } from './page';

describe('readDublinCore', () => {
  it('reads title, creators, date, DOI and abstract with publisher quirks cleaned', () => {
    const { fields, abstractIsDescription } = readDublinCore(fixture('dublin-core.html'));
    expect(fields.title).toBe('Reactive species in nanorods');
    expect(fields.authors?.map((a) => a.name)).toEqual(['Chitta Ranjan Patra', 'Jong-Ho Kim']);
    expect(fields).toMatchObject({ date: '2011-10-10', year: 2011, doi: '10.1021/nl2028766' });
    expect(fields.abstract).toMatch(/^The exact mechanism of angiogenesis/);
    expect(abstractIsDescription).toBe(true);
  });

  it('takes contributors as authors only when no creator is named', () => {
    const doc = page(
      '<meta name="DC.Contributor" content="Kourakis, Matthew J"><meta name="DC.Contributor" content="B Manjunath">',
    );
    expect(readDublinCore(doc).fields.authors?.map((a) => a.name)).toEqual(['Matthew J Kourakis', 'B Manjunath']);
  });

  it('marks a dcterms.abstract as a real abstract', () => {
    const doc = page('<meta name="DCTERMS.abstract" content="Abstract: We did things.">');
    const result = readDublinCore(doc);
    expect(result.fields.abstract).toBe('We did things.');
    expect(result.abstractIsDescription).toBe(false);
  });
});

describe('readPrism', () => {
  it('reads the publication name, date and DOI', () => {
    expect(readPrism(fixture('dublin-core.html')).fields).toEqual({
      venue: 'Nano Letters',
      date: '2011-10-03',
      year: 2011,
      doi: '10.1021/nl2028766',
    });
  });
});
