import { describe, expect, it } from 'vitest';
import { semanticScholar } from '../../../lib/sites/semantic-scholar';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('semantic-scholar', name);

describe('semantic-scholar adapter', () => {
  it('matches Semantic Scholar and no other site', () => {
    expect(semanticScholar.matches(load('paper-attention').url)).toBe(true);
    expect(semanticScholar.matches(load('author-vaswani').url)).toBe(true);
    for (const other of [
      'https://scholar.google.com/scholar?q=attention',
      'https://api.semanticscholar.org/graph/v1/paper/x',
    ]) {
      expect(semanticScholar.matches(new URL(other))).toBe(false);
    }
  });

  it('waits for the client-rendered title', () => {
    const { doc } = load('paper-attention');
    expect(semanticScholar.readySelector).toBeTruthy();
    expect(doc.querySelector(semanticScholar.readySelector ?? '')).not.toBeNull();
  });

  it('reads every author although the row is collapsed, and the abstract without the TLDR', () => {
    const { doc, url } = load('paper-attention');
    expect(semanticScholar.detect(doc, url)).toBe('paper');
    const [paper] = semanticScholar.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Attention is All you Need');
    expect(m?.authors).toHaveLength(8);
    expect(m?.authors[0]?.name).toBe('Ashish Vaswani');
    expect(m?.authors[7]?.name).toBe('Illia Polosukhin');
    // Shown authors get a control; the five behind "+5 authors" have none.
    expect(paper?.anchors.authors.map((a) => a !== undefined)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(paper?.anchors.authors[7]?.textContent).toContain('Illia Polosukhin');
    expect(m?.abstract).toMatch(/^The dominant sequence transduction models/);
    expect(m?.date).toBe('2017-06-12');
    expect(m?.venue).toBe('Neural Information Processing Systems');
    expect(m?.doi).toBe('10.48550/arxiv.1706.03762');
    expect(m?.arxivId).toBe('1706.03762');
    expect(m?.pdfUrl).toBe('https://arxiv.org/pdf/1706.03762.pdf');
    // The citing paper below is not read as this paper's author or title.
    expect(m?.authors.some((a) => a.name === 'Jacob Devlin')).toBe(false);
    expect(paper?.anchors.fields.title?.textContent).toBe('Attention is All you Need');
    expect(paper?.anchors.fields.date?.textContent).toBe('12 June 2017');
  });

  it('reads an author page as entries, without author lists it cannot see whole', () => {
    const { doc, url } = load('author-vaswani');
    expect(semanticScholar.detect(doc, url)).toBe('list');
    const [collapsed, whole] = semanticScholar.read(doc, url);
    expect(collapsed?.metadata).toMatchObject({ title: 'Attention is All you Need', date: '2017-06-12', year: 2017 });
    expect(collapsed?.metadata.authors).toEqual([]);
    expect(collapsed?.anchors.authors).toEqual([]);
    expect(whole?.metadata.title).toBe('Self-Attention with Relative Position Representations');
    expect(whole?.metadata.authors.map((a) => a.name)).toEqual(['Peter Shaw', 'Jakob Uszkoreit', 'Ashish Vaswani']);
    expect(whole?.metadata.year).toBe(2018);
    expect(whole?.metadata.venue).toBe('North American Chapter of the Association for Computational Linguistics');
    expect(whole?.entry?.contains(whole.anchors.fields.title ?? null)).toBe(true);
  });

  it('finds nothing on a search page or before the paper has rendered', () => {
    const shell = new DOMParser().parseFromString('<html><body><div id="app"></div></body></html>', 'text/html');
    expect(semanticScholar.detect(shell, new URL('https://www.semanticscholar.org/search?q=attention'))).toBeNull();
    expect(semanticScholar.detect(shell, load('paper-attention').url)).toBeNull();
  });
});
