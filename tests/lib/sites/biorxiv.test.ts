import { describe, expect, it } from 'vitest';
import { biorxiv } from '../../../lib/sites/biorxiv';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('biorxiv', name);

describe('biorxiv adapter', () => {
  it('matches bioRxiv and medRxiv and no other site', () => {
    expect(biorxiv.matches(load('2022.07.20.500902v3').url)).toBe(true);
    expect(biorxiv.matches(load('medrxiv-2020.04.14.20062463v2').url)).toBe(true);
    for (const other of [
      'https://arxiv.org/abs/2207.00001',
      'https://www.chemrxiv.org/engage/chemrxiv/article-details/1',
    ]) {
      expect(biorxiv.matches(new URL(other))).toBe(false);
    }
  });

  it('reads a preprint with the posted date, not the placeholder publication date', () => {
    const { doc, url } = load('2022.07.20.500902v3');
    expect(biorxiv.detect(doc, url)).toBe('paper');
    const [paper] = biorxiv.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Evolutionary-scale prediction of atomic level protein structure with a language model');
    // Names without the hidden "View ORCID Profile" text inside each author element.
    expect(m?.authors.map((a) => a.name)).toEqual(['Zeming Lin', 'Halil Akin', 'Roshan Rao']);
    expect(m?.authors[0]).toMatchObject({
      given: 'Zeming',
      family: 'Lin',
      orcid: '0000-0002-1825-0097',
      affiliations: ['Meta AI, FAIR Team', 'New York University'],
    });
    expect(m?.authors[1]?.orcid).toBeUndefined();
    expect(m?.date).toBe('2022-12-21');
    expect(m?.year).toBe(2022);
    expect(m?.doi).toBe('10.1101/2022.07.20.500902');
    expect(m?.venue).toBe('bioRxiv');
    expect(m?.abstract).toMatch(/^Artificial intelligence has the potential/);
    // The link a reader presses (the version shown), not citation_pdf_url's dated route to it.
    expect(m?.pdfUrl).toBe('https://www.biorxiv.org/content/10.1101/2022.07.20.500902v3.full.pdf');
    expect(paper?.anchors.fields.pdfUrl?.textContent).toContain('Download PDF');
    expect(paper?.anchors.fields.title?.id).toBe('page-title');
    expect(paper?.anchors.authors).toHaveLength(3);
    expect(paper?.anchors.fields.date?.textContent).toContain('Posted');
    expect(paper?.anchors.fields.doi?.textContent).toContain('10.1101/2022.07.20.500902');
  });

  it('names medRxiv as the venue on medRxiv', () => {
    const { doc, url } = load('medrxiv-2020.04.14.20062463v2');
    const [paper] = biorxiv.read(doc, url);
    expect(paper?.metadata.venue).toBe('medRxiv');
    expect(paper?.metadata.site).toBe('biorxiv');
    expect(paper?.metadata.date).toBe('2020-04-30');
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual(['Eran Bendavid', 'Bianca Mulaney']);
    expect(paper?.metadata.abstract).toMatch(/^Background Addressing COVID-19/);
  });

  it('finds no paper on collection and search pages', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>Synthetic Biology</h1></body></html>', 'text/html');
    expect(biorxiv.detect(doc, new URL('https://www.biorxiv.org/collection/synthetic-biology'))).toBeNull();
    expect(biorxiv.detect(doc, new URL('https://www.biorxiv.org/search/protein'))).toBeNull();
  });
});
