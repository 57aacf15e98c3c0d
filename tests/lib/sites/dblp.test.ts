import { describe, expect, it } from 'vitest';
import { dblp } from '../../../lib/sites/dblp';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('dblp', name);

const BERT = 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding';

describe('dblp adapter', () => {
  it('matches dblp and its mirrors and no other site', () => {
    for (const name of ['pid-toutanova', 'rec-DevlinCLT19', 'toc-naacl2019-1'])
      expect(dblp.matches(load(name).url)).toBe(true);
    expect(dblp.matches(new URL('https://dblp.uni-trier.de/pid/25/1520.html'))).toBe(true);
    for (const other of ['https://aclanthology.org/N19-1423/', 'https://scholar.google.com/citations?user=abc']) {
      expect(dblp.matches(new URL(other))).toBe(false);
    }
  });

  it('reads a person page as one record per entry, leaving out edited volumes', () => {
    const { doc, url } = load('pid-toutanova');
    expect(dblp.detect(doc, url)).toBe('list');
    const papers = dblp.read(doc, url);
    expect(papers).toHaveLength(2);
    const [conference, preprint] = papers;
    expect(conference?.metadata.title).toBe(BERT);
    expect(conference?.metadata.authors.map((a) => a.name)).toEqual([
      'Jacob Devlin',
      'Ming-Wei Chang',
      'Kenton Lee',
      'Kristina Toutanova',
    ]);
    expect(conference?.metadata.venue).toBe('NAACL-HLT (1)');
    expect(conference?.metadata.year).toBe(2019);
    expect(conference?.metadata.doi).toBe('10.18653/v1/n19-1423');
    expect(preprint?.metadata.venue).toBe('CoRR');
    expect(preprint?.metadata.year).toBe(2018);
    expect(preprint?.metadata.arxivId).toBe('1810.04805');
    for (const paper of papers) {
      expect(paper.entry?.matches('li.entry')).toBe(true);
      expect(paper.anchors.fields.title?.textContent).toContain('BERT');
      expect(paper.anchors.authors).toHaveLength(4);
      expect(paper.anchors.authors.every((a) => a && paper.entry?.contains(a))).toBe(true);
    }
  });

  it('reads a single record page as a paper', () => {
    const { doc, url } = load('rec-DevlinCLT19');
    expect(dblp.detect(doc, url)).toBe('paper');
    const [paper] = dblp.read(doc, url);
    expect(paper?.metadata.title).toBe(BERT);
    expect(paper?.metadata.authors).toHaveLength(4);
    expect(paper?.anchors.fields.year?.textContent).toBe('2019');
  });

  it('takes venue and year from a table of contents heading', () => {
    const { doc, url } = load('toc-naacl2019-1');
    expect(dblp.detect(doc, url)).toBe('list');
    const papers = dblp.read(doc, url);
    expect(papers.map((p) => p.metadata.title)).toEqual([BERT, 'Is a Question Worth a Thousand Words?']);
    expect(papers[0]?.metadata.venue).toBe('NAACL-HLT 2019');
    expect(papers[0]?.metadata.year).toBe(2019);
    expect(papers[1]?.metadata.authors.map((a) => a.name)).toEqual(['Kenton Lee']);
  });

  it('finds nothing on search pages without entries', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><div id="completesearch-publs"></div></body></html>',
      'text/html',
    );
    expect(dblp.detect(doc, new URL('https://dblp.org/search?q=bert'))).toBeNull();
  });
});
