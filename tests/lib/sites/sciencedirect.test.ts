import { describe, expect, it } from 'vitest';
import { sciencedirect } from '../../../lib/sites/sciencedirect';
import { loadSiteFixture } from './fixture-page';

describe('sciencedirect', () => {
  it('matches article, preview and search pages, not other sites', () => {
    expect(sciencedirect.matches(new URL('https://www.sciencedirect.com/science/article/pii/S0893608014002135'))).toBe(
      true,
    );
    expect(
      sciencedirect.matches(new URL('https://www.sciencedirect.com/science/article/abs/pii/S2352485522001888')),
    ).toBe(true);
    expect(sciencedirect.matches(new URL('https://www.sciencedirect.com/search?qs=x'))).toBe(true);
    expect(sciencedirect.matches(new URL('https://www.sciencedirect.com/journal/neural-networks'))).toBe(false);
    expect(sciencedirect.matches(new URL('https://www.cell.com/cell/fulltext/S0092-8674(16)30122-4'))).toBe(false);
    expect(sciencedirect.matches(new URL('https://link.springer.com/article/10.1007/BF02727953'))).toBe(false);
  });

  it('reads authors and the whole abstract from the page, which the meta tags lack', () => {
    const { doc, url } = loadSiteFixture('sciencedirect', 'article');
    expect(sciencedirect.detect(doc, url)).toBe('paper');
    const [paper] = sciencedirect.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Deep learning in neural networks: An overview');
    expect(m?.authors).toEqual([
      { name: 'Jürgen Schmidhuber', given: 'Jürgen', family: 'Schmidhuber', affiliations: [] },
    ]);
    expect(m?.abstract).toMatch(/much of it from the previous millennium\.$/);
    expect(m?.year).toBe(2015);
    expect(m?.doi).toBe('10.1016/j.neunet.2014.09.003');
    expect(m?.venue).toBe('Neural Networks');
    // The article's own PDF, not the supplementary mmc1.pdf further down.
    expect(m?.pdfUrl).toMatch(/^https:\/\/www\.sciencedirect\.com\/science\/article\/pii\/S0893608014002135\/pdfft\?/);
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('Deep learning in neural networks: An overview');
    expect(anchors?.authors).toHaveLength(1);
    expect(anchors?.authors[0]?.textContent).toContain('Schmidhuber');
    expect(anchors?.fields.abstract?.textContent).toMatch(/^In recent years/);
    expect(anchors?.fields.doi?.textContent).toContain('10.1016/j.neunet.2014.09.003');
    expect(anchors?.fields.pdfUrl?.textContent).toContain('PDF');
  });

  it('reads a preview page: affiliations by letter, the abstract after the highlights, no PDF', () => {
    const { doc, url } = loadSiteFixture('sciencedirect', 'abs-preview');
    const [paper] = sciencedirect.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe(
      'Genetic monitoring of the critically endangered leatherback turtle (Dermochelys coriacea) in the South West Atlantic',
    );
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Sarah Maria Vargas',
      'Ana Carolina Barcelos',
      'Paula Guimarães',
      'Laís Amorim',
    ]);
    expect(m?.authors[0]?.affiliations).toEqual([
      'Laboratório de Genética e Evolução Molecular, Universidade Federal do Espírito Santo, Vitória, ES, Brazil',
      'Projeto TAMAR, Regência, ES, Brazil',
    ]);
    expect(m?.authors[3]?.affiliations).toEqual(['Projeto TAMAR, Regência, ES, Brazil']);
    expect(m?.abstract).toMatch(/^Although leatherback turtles \(Dermochelys coriacea\) are highly migratory/);
    expect(m?.date).toBe('2022-09-01');
    expect(m?.doi).toBe('10.1016/j.rsma.2022.102530');
    expect(m?.venue).toBe('Regional Studies in Marine Science');
    expect(m?.pdfUrl).toBeNull();
    expect(paper?.anchors.authors).toHaveLength(4);
    expect(paper?.anchors.fields.abstract?.textContent).not.toContain('nesting females tagged');
  });

  it('reads a page saved from the 2014 layout, which has no tags and the DOI only in a script', () => {
    const { doc, url } = loadSiteFixture('sciencedirect', 'article-2014-layout');
    expect(sciencedirect.detect(doc, url)).toBe('paper');
    const [paper] = sciencedirect.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe(
      'A tribal level phylogeny of Lake Tanganyika cichlid fishes based on a genomic multi-marker approach',
    );
    expect(m?.authors.map((a) => a.name)).toEqual(['Britta S. Meyer', 'Michael Matschiner', 'Walter Salzburger']);
    expect(m?.authors[0]?.affiliations).toHaveLength(2);
    expect(m?.authors[2]?.affiliations).toEqual([
      'Zoological Institute, University of Basel, Vesalgasse 1, 4051 Basel, Switzerland',
    ]);
    expect(m?.abstract).toMatch(/^The species-flocks of cichlid fishes/);
    expect(m?.date).toBe('2014-11-26');
    expect(m?.doi).toBe('10.1016/j.ympev.2014.10.009');
    expect(m?.venue).toBe('Molecular Phylogenetics and Evolution');
    expect(m?.pdfUrl).toMatch(/\/pii\/S1055790314003601\/pdfft\?md5=/);
    expect(paper?.anchors.authors).toHaveLength(3);
    expect(paper?.anchors.fields.abstract?.textContent).not.toContain('Highlights');
  });

  it('reads search results as a list', () => {
    const { doc, url } = loadSiteFixture('sciencedirect', 'search');
    expect(sciencedirect.detect(doc, url)).toBe('list');
    const papers = sciencedirect.read(doc, url);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.metadata).toMatchObject({
      title: 'Deep learning in neural networks: An overview',
      doi: '10.1016/j.neunet.2014.09.003',
      venue: 'Neural Networks',
      date: '2015-01',
      url: 'https://www.sciencedirect.com/science/article/pii/S0893608014002135',
    });
    expect(papers[0]?.metadata.authors.map((a) => a.name)).toEqual(['Jürgen Schmidhuber']);
  });
});
