import { describe, expect, it } from 'vitest';
import { pubmed } from '../../../lib/sites/pubmed';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('pubmed', name);

describe('pubmed adapter', () => {
  it('matches PubMed addresses and no other site', () => {
    expect(pubmed.matches(load('26017442').url)).toBe(true);
    expect(pubmed.matches(load('search-lecun').url)).toBe(true);
    for (const other of [
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC4792175/',
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4792175/',
      'https://europepmc.org/article/MED/26017442',
      'https://arxiv.org/abs/1810.04805',
    ]) {
      expect(pubmed.matches(new URL(other))).toBe(false);
    }
  });

  it('reads an article once although the page holds it twice, with full names and affiliations', () => {
    const { doc, url } = load('26017442');
    expect(pubmed.detect(doc, url)).toBe('paper');
    const papers = pubmed.read(doc, url);
    expect(papers).toHaveLength(1);
    const [paper] = papers;
    const m = paper?.metadata;
    expect(m?.title).toBe('Deep learning');
    expect(m?.authors.map((a) => a.name)).toEqual(['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton']);
    expect(m?.authors[0]?.affiliations).toEqual([
      'Facebook AI Research, 770 Broadway, New York, New York 10003 USA.',
      'New York University, 715 Broadway, New York, New York 10003, USA.',
    ]);
    expect(m?.authors[1]?.affiliations[0]).toContain('Université de Montréal');
    expect(m?.abstract).toMatch(/^Deep learning allows computational models/);
    expect(m?.date).toBe('2015-05-28');
    expect(m?.year).toBe(2015);
    expect(m?.venue).toBe('Nature');
    expect(m?.doi).toBe('10.1038/nature14539');
    expect(m?.pmid).toBe('26017442');
    expect(m?.pdfUrl).toBeNull();
    const heading = doc.querySelector('#full-view-heading');
    expect(paper?.anchors.fields.title?.textContent?.trim()).toBe('Deep learning');
    expect(heading?.contains(paper?.anchors.fields.title ?? null)).toBe(true);
    expect(paper?.anchors.authors).toHaveLength(3);
    expect(paper?.anchors.authors.every((a) => a && heading?.contains(a))).toBe(true);
    expect(paper?.anchors.fields.date?.textContent).toBe('2015 May 28;521(7553):436-44.');
    expect(paper?.anchors.fields.abstract?.id).toBe('eng-abstract');
  });

  it('keeps a group author of the byline and leaves the Collaborators expander out', () => {
    const { doc, url } = load('group-structured');
    const [paper] = pubmed.read(doc, url);
    // The meta tags list two people; the byline shows them and the study group.
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual([
      'Hana Tanaka',
      'Mei Ito',
      'Example Screening Study Group',
    ]);
    expect(paper?.anchors.authors).toHaveLength(3);
  });

  it('keeps the labels of a structured abstract, one section per line', () => {
    const { doc, url } = load('group-structured');
    const [paper] = pubmed.read(doc, url);
    expect(paper?.metadata.abstract).toBe(
      [
        'Objective: We aimed to build a short screening questionnaire.',
        'Methods: Adults answered it and were tested.',
        'Results: It found most cases.',
        'Conclusion: It works in primary care.',
      ].join('\n'),
    );
  });

  it('reads search results as one entry each, with PubMed initials turned into names', () => {
    const { doc, url } = load('search-lecun');
    expect(pubmed.detect(doc, url)).toBe('list');
    const papers = pubmed.read(doc, url);
    expect(papers).toHaveLength(2);
    const [first, second] = papers;
    expect(first?.metadata.title).toBe('Deep learning');
    expect(first?.metadata.authors.map((a) => a.name)).toEqual(['Y LeCun', 'Y Bengio', 'G Hinton']);
    expect(first?.metadata.authors[0]).toMatchObject({ given: 'Y', family: 'LeCun' });
    expect(first?.metadata.venue).toBe('Nature');
    expect(first?.metadata.date).toBe('2015-05-28');
    expect(first?.metadata.doi).toBe('10.1038/nature14539');
    expect(first?.metadata.pmid).toBe('26017442');
    expect(second?.metadata.title).toBe('Are deep neural networks the best choice for modeling source code?');
    expect(second?.metadata.date).toBe('2017-08');
    for (const paper of papers) {
      expect(paper.entry?.tagName).toBe('ARTICLE');
      expect(paper.entry?.contains(paper.anchors.fields.title ?? null)).toBe(true);
    }
  });

  it('reads the retired www.ncbi.nlm.nih.gov/pubmed layout, which has no citation tags', () => {
    const { doc, url } = load('legacy-26017442');
    expect(pubmed.matches(url)).toBe(true);
    expect(pubmed.detect(doc, url)).toBe('paper');
    const [paper] = pubmed.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Deep learning');
    expect(m?.authors.map((a) => a.name)).toEqual(['Y LeCun', 'Y Bengio', 'G Hinton']);
    expect(m?.abstract).toMatch(/^Deep learning allows computational models/);
    expect(m?.venue).toBe('Nature');
    expect(m?.date).toBe('2015-05-28');
    expect(m?.doi).toBe('10.1038/nature14539');
    expect(m?.pmid).toBe('26017442');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(['LeCun Y', 'Bengio Y', 'Hinton G']);
    // A related article below the report is not this paper.
    expect(paper?.anchors.fields.title?.textContent).toBe('Deep learning.');
  });

  it('finds nothing on pages that are neither an article nor results', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><h1>PubMed</h1><form id="search-form"></form></body></html>',
      'text/html',
    );
    expect(pubmed.detect(doc, new URL('https://pubmed.ncbi.nlm.nih.gov/'))).toBeNull();
    expect(pubmed.detect(doc, new URL('https://pubmed.ncbi.nlm.nih.gov/advanced/'))).toBeNull();
  });
});
