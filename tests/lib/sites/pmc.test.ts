import { describe, expect, it } from 'vitest';
import { pmc } from '../../../lib/sites/pmc';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('pmc', name);

const AUTHORS = ['Mark D Wilkinson', 'Michel Dumontier', 'IJsbrand Jan Aalbersberg'];

describe('pmc adapter', () => {
  it('matches both PMC address forms and no other site', () => {
    expect(pmc.matches(load('PMC4792175').url)).toBe(true);
    expect(pmc.matches(load('legacy-PMC4792175').url)).toBe(true);
    for (const other of [
      'https://pubmed.ncbi.nlm.nih.gov/26978244/',
      'https://www.ncbi.nlm.nih.gov/nuccore/GAAA01000020',
      'https://europepmc.org/article/PMC/PMC4792175',
    ]) {
      expect(pmc.matches(new URL(other))).toBe(false);
    }
  });

  it('reads the 2024 layout with affiliations from the hidden popovers and the ORCID beside a name', () => {
    const { doc, url } = load('PMC4792175');
    expect(pmc.detect(doc, url)).toBe('paper');
    const [paper] = pmc.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('The FAIR Guiding Principles for scientific data management and stewardship');
    expect(m?.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(m?.authors[0]?.affiliations).toEqual([
      'Center for Plant Biotechnology and Genomics, Universidad Politécnica de Madrid, Madrid 28223, Spain',
    ]);
    expect(m?.authors[1]?.orcid).toBe('0000-0003-4727-9435');
    expect(m?.authors[0]?.orcid).toBeUndefined();
    expect(m?.abstract).toMatch(/^There is an urgent need to improve the infrastructure/);
    expect(m?.date).toBe('2016-03-15');
    expect(m?.venue).toBe('Scientific Data');
    expect(m?.doi).toBe('10.1038/sdata.2016.18');
    expect(m?.pmid).toBe('26978244');
    expect(m?.pdfUrl).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC4792175/pdf/sdata201618.pdf');
    expect(paper?.anchors.fields.title?.tagName).toBe('H1');
    // Each name appears twice in the DOM (link and popover): anchors are the visible links.
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(AUTHORS);
    expect(paper?.anchors.authors.every((a) => a?.closest('[hidden]') === null)).toBe(true);
    expect(paper?.anchors.fields.venue?.textContent).toBe('Sci Data');
    expect(paper?.anchors.fields.pdfUrl?.textContent).toContain('PDF');
  });

  it('reads the older www.ncbi.nlm.nih.gov/pmc layout, keyed affiliations and online date', () => {
    const { doc, url } = load('legacy-PMC4792175');
    expect(pmc.detect(doc, url)).toBe('paper');
    const [paper] = pmc.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('The FAIR Guiding Principles for scientific data management and stewardship');
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Mark D. Wilkinson',
      'Michel Dumontier',
      'IJsbrand Jan Aalbersberg',
    ]);
    expect(m?.authors[1]?.affiliations).toEqual(['Stanford University, Stanford 94305-5479, USA']);
    expect(m?.abstract).toMatch(/^There is an urgent need/);
    expect(m?.date).toBe('2016-03-15');
    expect(m?.doi).toBe('10.1038/sdata.2016.18');
    expect(m?.pmid).toBe('26978244');
    expect(m?.pdfUrl).toBe('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4792175/pdf/sdata201618.pdf');
    expect(paper?.anchors.authors).toHaveLength(3);
    expect(paper?.anchors.fields.date?.textContent).toContain('Published online 2016 Mar 15');
  });

  it('finds no paper on PMC search and journal pages', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>Search results</h1></body></html>', 'text/html');
    expect(pmc.detect(doc, new URL('https://pmc.ncbi.nlm.nih.gov/search/?term=fair'))).toBeNull();
    expect(pmc.detect(doc, new URL('https://pmc.ncbi.nlm.nih.gov/journals/'))).toBeNull();
  });
});
