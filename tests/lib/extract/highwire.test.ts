import { describe, expect, it } from 'vitest';
import { readHighwire } from '../../../lib/extract/highwire';
import { readMetaTags } from '../../../lib/extract/meta-tags';
import { fixture, page, timed } from './page';

describe('readHighwire', () => {
  it('reads every citation_* field of an article', () => {
    const { source, fields } = readHighwire(fixture('highwire-article.html'));
    expect(source).toBe('highwire');
    expect(fields).toMatchObject({
      title: 'Water splitting on H2O-rich surfaces',
      date: '2019-03-05',
      year: 2019,
      doi: '10.1234/example.2019.001',
      pmid: '31234567',
      venue: 'Journal of Examples',
      pdfUrl: 'https://journal.example.org/articles/example-2019-001.pdf',
    });
    expect(fields.abstract).toMatch(/^We split water on surfaces rich in H2O and report/);
  });

  it('gives each author the institution and ORCID tags that follow it', () => {
    const { authors } = readHighwire(fixture('highwire-article.html')).fields;
    expect(authors).toEqual([
      {
        name: 'Ada Lovelace',
        given: 'Ada',
        family: 'Lovelace',
        affiliations: ['Analytical Engine Society, London'],
        orcid: '0000-0002-1825-0097',
      },
      {
        name: 'Charles Babbage',
        given: 'Charles',
        family: 'Babbage',
        affiliations: ['Trinity College, Cambridge', 'Royal Society'],
      },
      { name: 'Mary Somerville', given: 'Mary', family: 'Somerville', affiliations: [] },
    ]);
  });

  it('reads a citation_authors list when there are no per-author tags', () => {
    const doc = page('<meta name="citation_authors" content="Yi P;Yu P;Liu J;">');
    expect(readHighwire(doc).fields.authors?.map((a) => a.name)).toEqual(['Yi P', 'Yu P', 'Liu J']);
  });

  it('reads one author list from a page saved twice over', () => {
    const head = '<meta name="citation_author" content="Yi, Pan"><meta name="citation_author" content="Yu, Pei">';
    const doc = page(`${head}${head}`);
    expect(readHighwire(doc).fields.authors?.map((a) => a.name)).toEqual(['Pan Yi', 'Pei Yu']);
  });

  it('passes over a placeholder publication date for a plausible one', () => {
    const doc = page(
      '<meta name="citation_publication_date" content="1970/01/01"><meta name="citation_date" content="2020/03/27">',
    );
    expect(readHighwire(doc).fields).toMatchObject({ date: '2020-03-27', year: 2020 });
  });

  it('leaves out what the page does not say', () => {
    const fields = readHighwire(
      page('<meta name="citation_title" content="Only a title"><meta name="citation_doi" content="not a doi">'),
    ).fields;
    expect(fields).toEqual({ title: 'Only a title' });
  });

  it('reads 10,000 meta tags and 5,000 authors', () => {
    const authors = Array.from(
      { length: 5000 },
      (_, i) => `<meta name="citation_author" content="Family${i}x, Given${i}x">`,
    );
    const noise = Array.from({ length: 5000 }, (_, i) => `<meta name="x-noise-${i}" content="${i}">`);
    const doc = page(`<meta name="citation_title" content="Big">${noise.join('')}${authors.join('')}`);
    const { value, ms } = timed(() => readHighwire(doc));
    expect(value.fields.authors).toHaveLength(5000);
    expect(value.fields.authors?.[4999]?.name).toBe('Given4999x Family4999x');
    console.log(`10,000 meta tags: ${ms.toFixed(1)} ms`);
  });

  it('reads a right-to-left and a mixed-script title unchanged', () => {
    const rtl = 'تحليل البيانات الكبيرة في علم الأحياء';
    const mixed = 'Graphene 分散型 coating: анализ (2025)';
    expect(readHighwire(page(`<meta name="citation_title" content="${rtl}">`)).fields.title).toBe(rtl);
    expect(readHighwire(page(`<meta name="citation_title" content="${mixed}">`)).fields.title).toBe(mixed);
  });
});

describe('readMetaTags', () => {
  it('lower-cases names, keeps every value in order, and reads property and itemprop too', () => {
    const tags = readMetaTags(
      page(
        '<meta name="DC.Creator" content="A"><meta name="dc.creator" content="B"><meta property="og:title" content="T"><meta itemprop="name" content="N"><meta name="empty">',
      ),
    );
    expect(tags.get('dc.creator')).toEqual(['A', 'B']);
    expect(tags.first('missing', 'og:title')).toBe('T');
    expect(tags.get('name')).toEqual(['N']);
    expect(tags.ordered.map((t) => t.name)).toEqual(['dc.creator', 'dc.creator', 'og:title', 'name']);
  });
});
