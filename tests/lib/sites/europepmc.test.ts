import { describe, expect, it } from 'vitest';
import { europepmc } from '../../../lib/sites/europepmc';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('europepmc', name);

describe('europepmc adapter', () => {
  it('matches Europe PMC and no other site', () => {
    expect(europepmc.matches(load('article-MED-26017442').url)).toBe(true);
    for (const other of [
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC4792175/',
      'https://pubmed.ncbi.nlm.nih.gov/26017442/',
    ]) {
      expect(europepmc.matches(new URL(other))).toBe(false);
    }
  });

  it('waits for the rendered title and reads a MEDLINE record', () => {
    const { doc, url } = load('article-MED-26017442');
    expect(doc.querySelector(europepmc.readySelector ?? '')).not.toBeNull();
    expect(europepmc.detect(doc, url)).toBe('paper');
    const [paper] = europepmc.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Deep learning');
    expect(m?.authors.map((a) => a.name)).toEqual(['Y LeCun', 'Y Bengio', 'G Hinton']);
    expect(m?.authors[0]).toMatchObject({ family: 'LeCun', given: 'Y' });
    expect(m?.abstract).toMatch(/^Deep learning allows computational models/);
    expect(m?.venue).toBe('Nature');
    expect(m?.date).toBe('2015-05-28');
    expect(m?.pmid).toBe('26017442');
    expect(m?.doi).toBe('10.1038/nature14539');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(['LeCun Y', 'Bengio Y', 'Hinton G']);
    expect(paper?.anchors.fields.title?.id).toBe('article--current--title');
    expect(paper?.anchors.fields.pmid?.textContent).toContain('26017442');
  });

  it('takes the PubMed id from an /abstract/MED/ address when the page does not show it', () => {
    const { doc } = load('article-MED-26017442');
    doc.querySelector('.metadata--pmid')?.remove();
    const [paper] = europepmc.read(doc, new URL('https://europepmc.org/abstract/MED/26017442'));
    expect(paper?.metadata.pmid).toBe('26017442');
  });

  it('finds no paper on search pages or before the record has rendered', () => {
    const shell = new DOMParser().parseFromString('<html><body><div id="app"></div></body></html>', 'text/html');
    expect(europepmc.detect(shell, new URL('https://europepmc.org/search?query=deep%20learning'))).toBeNull();
    expect(europepmc.detect(shell, new URL('https://europepmc.org/article/MED/26017442'))).toBeNull();
  });
});
