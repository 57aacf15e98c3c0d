import { describe, expect, it } from 'vitest';
import { plos } from '../../../lib/sites/plos';
import { loadSiteFixture } from './fixture-page';

describe('plos', () => {
  it('matches PLOS article pages, old journal hosts and search, not other sites', () => {
    expect(plos.matches(new URL('https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001'))).toBe(
      true,
    );
    expect(
      plos.matches(new URL('https://journals.plos.org/plosmedicine/article?id=10.1371/journal.pmed.0020124')),
    ).toBe(true);
    expect(
      plos.matches(new URL('http://www.ploscompbiol.org/article/info%3Adoi%2F10.1371%2Fjournal.pcbi.1003604')),
    ).toBe(true);
    expect(plos.matches(new URL('https://journals.plos.org/plosone/search?q=x'))).toBe(true);
    expect(plos.matches(new URL('https://journals.plos.org/plosone/'))).toBe(false);
    expect(plos.matches(new URL('https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full'))).toBe(false);
    expect(plos.matches(new URL('https://peerj.com/articles/4886/'))).toBe(false);
  });

  it('reads an article: the abstract, not the summary box, and the ORCID from the pop-up', () => {
    const { doc, url } = loadSiteFixture('plos', 'article');
    expect(plos.detect(doc, url)).toBe('paper');
    const [paper] = plos.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Why Most Published Research Findings Are False');
    expect(m?.authors).toHaveLength(1);
    expect(m?.authors[0]?.name).toBe('John P. A. Ioannidis');
    expect(m?.authors[0]?.orcid).toBe('0000-0003-3118-6859');
    expect(m?.authors[0]?.affiliations).toHaveLength(2);
    expect(m?.abstract).toMatch(/^There is increasing concern.*probed in each scientific field\.$/);
    expect(m?.date).toBe('2005-08-30');
    expect(m?.doi).toBe('10.1371/journal.pmed.0020124');
    expect(m?.venue).toBe('PLOS Medicine');
    expect(m?.pdfUrl).toBe(
      'https://journals.plos.org/plosmedicine/article/file?id=10.1371/journal.pmed.0020124&type=printable',
    );
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.id).toBe('artTitle');
    expect(anchors?.authors[0]?.textContent?.trim()).toBe('John P. A. Ioannidis');
    expect(anchors?.fields.abstract?.textContent).toMatch(/^There is increasing concern/);
    expect(anchors?.fields.date?.textContent).toBe('Published: August 30, 2005');
    expect(anchors?.fields.doi?.textContent).toContain('10.1371/journal.pmed.0020124');
    expect(anchors?.fields.pdfUrl?.textContent).toBe('Download PDF');
  });

  it('reads names without the trailing commas, and no abstract where the article has none', () => {
    const { doc, url } = loadSiteFixture('plos', 'no-abstract');
    const [paper] = plos.read(doc, url);
    const m = paper?.metadata;
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Geir Kjetil Sandve',
      'Anton Nekrutenko',
      'James Taylor',
      'Eivind Hovig',
    ]);
    expect(m?.authors[1]?.affiliations[0]).toMatch(/^Department of Biochemistry/);
    expect(m?.abstract).toBeNull();
    expect(m?.date).toBe('2013-10-24');
    expect(paper?.anchors.authors).toHaveLength(4);
  });

  it('gives no paper on the search page', () => {
    const { doc, url } = loadSiteFixture('plos', 'search');
    expect(plos.detect(doc, url)).toBeNull();
    expect(plos.read(doc, url)).toEqual([]);
  });
});
