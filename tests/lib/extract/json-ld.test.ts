import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../lib/extract/json-ld';
import { fixture, page, timed } from './page';

const block = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('readJsonLd', () => {
  it('reads a ScholarlyArticle from @graph, resolving @id authors, affiliations and venue', () => {
    const result = readJsonLd(fixture('json-ld-graph.html'));
    expect(result.scholarly).toBe(true);
    expect(result.abstractIsDescription).toBe(false);
    expect(result.fields).toMatchObject({
      title: 'On graphs & their friends',
      date: '2021-07-09',
      year: 2021,
      doi: '10.5555/graphs.2021',
      venue: 'Graph Letters',
      pdfUrl: 'https://example.org/graphs.pdf',
    });
    expect(result.fields.authors).toEqual([
      {
        name: 'Émilie du Châtelet',
        given: 'Émilie',
        family: 'du Châtelet',
        affiliations: ['Institute of Graphs'],
        orcid: '0000-0002-1825-0097',
      },
      { name: 'Sophie Germain', given: 'Sophie', family: 'Germain', affiliations: [] },
    ]);
  });

  it('skips blocks that are not JSON and reads the next', () => {
    const doc = page(`${block('{ nope')}${block('[{"@type":"MedicalScholarlyArticle","name":"Second block"}]')}`);
    expect(readJsonLd(doc).fields.title).toBe('Second block');
  });

  it('does not call a news article scholarly', () => {
    const doc = page(block('{"@type":"NewsArticle","headline":"Bike lanes"}'));
    expect(readJsonLd(doc).scholarly).toBe(false);
  });

  it('survives 1,000 levels of nesting', () => {
    const deep = `${'{"a":'.repeat(1000)}{"@type":"ScholarlyArticle","name":"Deep"}${'}'.repeat(1000)}`;
    const doc = page(`${block(deep)}${block('{"@type":"ScholarlyArticle","name":"Shallow"}')}`);
    const { value, ms } = timed(() => readJsonLd(doc));
    expect(value.fields.title).toBe('Shallow');
    console.log(`1,000 levels of nesting: ${ms.toFixed(1)} ms`);
  });

  it('bounds the work on huge arrays', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => `{"@type":"Thing","name":"t${i}"}`).join(',');
    const authors = Array.from({ length: 30_000 }, (_, i) => `{"@type":"Person","name":"Person ${i}"}`).join(',');
    const doc = page(block(`[${items},{"@type":"ScholarlyArticle","name":"Needle","author":[${authors}]}]`));
    const { value, ms } = timed(() => readJsonLd(doc));
    expect(value.fields.authors?.length ?? 0).toBeLessThanOrEqual(20_000);
    console.log(`200,000 items: ${ms.toFixed(1)} ms`);
  });
});
