import { describe, expect, it } from 'vitest';
import { arxiv } from '../../../lib/sites/arxiv';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('arxiv', name);

describe('arxiv adapter', () => {
  it('matches arXiv addresses and no other site', () => {
    for (const name of ['abs-1810.04805v2', 'abs-hep-th-9711200', 'list-cs.CL-new', 'author-maldacena_j_1']) {
      expect(arxiv.matches(load(name).url)).toBe(true);
    }
    for (const other of [
      'https://www.biorxiv.org/content/10.1101/2022.07.20.500902v3',
      'https://huggingface.co/papers/1810.04805',
      'https://www.semanticscholar.org/arxiv/1810.04805',
      'https://arxiv.example.org/abs/1810.04805',
    ]) {
      expect(arxiv.matches(new URL(other))).toBe(false);
    }
  });

  it('reads an abstract page with the visible title, authors, abstract and v1 date', () => {
    const { doc, url } = load('abs-1810.04805v2');
    expect(arxiv.detect(doc, url)).toBe('paper');
    const [paper] = arxiv.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Jacob Devlin',
      'Ming-Wei Chang',
      'Kenton Lee',
      'Kristina Toutanova',
    ]);
    expect(m?.abstract).toMatch(/^We introduce a new language representation model called BERT/);
    expect(m?.abstract).toMatch(/architecture modifications\.$/);
    // The page shows v2 (24 May 2019); the work appeared with v1.
    expect(m?.date).toBe('2018-10-11');
    expect(m?.year).toBe(2018);
    expect(m?.arxivId).toBe('1810.04805');
    expect(m?.doi).toBe('10.48550/arxiv.1810.04805');
    expect(m?.pdfUrl).toBe('https://arxiv.org/pdf/1810.04805');
    expect(m?.site).toBe('arxiv');
    expect(paper?.anchors.fields.title?.textContent).toContain('BERT: Pre-training');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(m?.authors.map((a) => a.name));
    expect(paper?.anchors.fields.abstract?.tagName).toBe('BLOCKQUOTE');
    expect(paper?.anchors.fields.date?.textContent).toContain('Submitted on 11 Oct 2018');
    expect(paper?.anchors.fields.pdfUrl?.textContent).toBe('View PDF');
    expect(m?.shown).toEqual(expect.arrayContaining(['title', 'authors', 'abstract', 'date', 'doi', 'pdfUrl']));
  });

  it('reads an old-style id, the journal reference as venue and the journal DOI', () => {
    const { doc, url } = load('abs-hep-th-9711200');
    expect(arxiv.detect(doc, url)).toBe('paper');
    const [paper] = arxiv.read(doc, url);
    const m = paper?.metadata;
    expect(m?.arxivId).toBe('hep-th/9711200');
    expect(m?.authors).toHaveLength(1);
    expect(m?.authors[0]?.name).toBe('Juan M. Maldacena');
    expect(m?.venue).toBe('Adv.Theor.Math.Phys.2:231-252,1998');
    expect(m?.doi).toBe('10.1023/a:1026654312961');
    expect(m?.date).toBe('1997-11-27');
    expect(m?.pdfUrl).toBe('https://arxiv.org/pdf/hep-th/9711200');
    expect(paper?.anchors.fields.venue?.textContent).toContain('Adv.Theor.Math.Phys');
    expect(paper?.anchors.fields.doi?.getAttribute('href')).toContain('10.1023/A:1026654312961');
  });

  it('reads a listing as one entry per paper, anchored inside each entry', () => {
    const { doc, url } = load('list-cs.CL-new');
    expect(arxiv.detect(doc, url)).toBe('list');
    const papers = arxiv.read(doc, url);
    expect(papers).toHaveLength(2);
    const [first, second] = papers;
    expect(first?.metadata.title).toBe('Llama 2: Open Foundation and Fine-Tuned Chat Models');
    expect(first?.metadata.authors.map((a) => a.name)).toEqual(['Hugo Touvron', 'Louis Martin', 'Kevin Stone']);
    expect(first?.metadata.arxivId).toBe('2307.09288');
    expect(first?.metadata.year).toBe(2023);
    expect(first?.metadata.pdfUrl).toBe('https://arxiv.org/pdf/2307.09288');
    expect(first?.metadata.abstract).toMatch(/^In this work, we develop and release Llama 2/);
    expect(second?.metadata.title).toBe("How is ChatGPT's behavior changing over time?");
    for (const paper of papers) {
      expect(paper.entry?.tagName).toBe('DD');
      expect(paper.entry?.contains(paper.anchors.fields.title ?? null)).toBe(true);
      expect(paper.anchors.authors.every((a) => a && paper.entry?.contains(a))).toBe(true);
    }
  });

  it('reads an author page, including old-style ids and journal references', () => {
    const { doc, url } = load('author-maldacena_j_1');
    expect(arxiv.detect(doc, url)).toBe('list');
    const papers = arxiv.read(doc, url);
    expect(papers.map((p) => p.metadata.title)).toEqual([
      'A bound on chaos',
      'The Large N Limit of Superconformal Field Theories and Supergravity',
    ]);
    expect(papers[0]?.metadata.authors.map((a) => a.name)).toEqual([
      'Juan Maldacena',
      'Stephen H. Shenker',
      'Douglas Stanford',
    ]);
    expect(papers[0]?.metadata.venue).toBe('JHEP 1608 (2016) 106');
    expect(papers[1]?.metadata.arxivId).toBe('hep-th/9711200');
    expect(papers[1]?.metadata.year).toBe(1997);
  });

  it('finds no paper on search, help and home pages', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><h1>Search</h1><ol class="breathe-horizontal"><li class="arxiv-result"><p class="title is-5 mathjax">BERT</p></li></ol></body></html>',
      'text/html',
    );
    expect(arxiv.detect(doc, new URL('https://arxiv.org/search/?query=bert&searchtype=all'))).toBeNull();
    expect(arxiv.detect(doc, new URL('https://arxiv.org/help/api'))).toBeNull();
    expect(arxiv.detect(doc, new URL('https://arxiv.org/'))).toBeNull();
  });
});
