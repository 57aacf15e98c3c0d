import { describe, expect, it } from 'vitest';
import { aclAnthology } from '../../../lib/sites/acl-anthology';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('acl-anthology', name);

describe('acl-anthology adapter', () => {
  it('matches the Anthology and no other site', () => {
    expect(aclAnthology.matches(load('N19-1423').url)).toBe(true);
    expect(aclAnthology.matches(load('volume-2020.acl-main').url)).toBe(true);
    for (const other of [
      'https://www.aclweb.org/portal/',
      'https://openreview.net/forum?id=abc',
      'https://dblp.org/db/conf/acl/acl2020.html',
    ]) {
      expect(aclAnthology.matches(new URL(other))).toBe(false);
    }
  });

  it('reads a paper page with the names as shown, the volume as venue and month and year', () => {
    const { doc, url } = load('N19-1423');
    expect(aclAnthology.detect(doc, url)).toBe('paper');
    const [paper] = aclAnthology.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    // citation_author says "Kristina N. Toutanova"; the page says "Kristina Toutanova".
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Jacob Devlin',
      'Ming-Wei Chang',
      'Kenton Lee',
      'Kristina Toutanova',
    ]);
    expect(m?.abstract).toMatch(/^We introduce a new language representation model called BERT/);
    expect(m?.venue).toMatch(/^Proceedings of the 2019 Conference of the North American Chapter/);
    expect(m?.date).toBe('2019-06');
    expect(m?.year).toBe(2019);
    expect(m?.doi).toBe('10.18653/v1/n19-1423');
    expect(m?.pdfUrl).toBe('https://aclanthology.org/N19-1423.pdf');
    expect(paper?.anchors.fields.title?.id).toBe('title');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(m?.authors.map((a) => a.name));
    // Editors are names on the page too, but not authors.
    expect(paper?.anchors.authors.some((a) => a?.textContent === 'Jill Burstein')).toBe(false);
    expect(paper?.anchors.fields.year?.textContent).toBe('2019');
    expect(paper?.anchors.fields.doi?.textContent).toContain('10.18653/v1/N19-1423');
  });

  it('reads a volume listing as one entry per paper, skipping the front matter', () => {
    const { doc, url } = load('volume-2020.acl-main');
    expect(aclAnthology.detect(doc, url)).toBe('list');
    const papers = aclAnthology.read(doc, url);
    expect(papers.map((p) => p.metadata.title)).toEqual([
      'Learning to Understand Child-directed and Adult-directed Speech',
      'Predicting Depression in Screening Interviews from Latent Categorization of Interview Prompts',
    ]);
    const [first] = papers;
    expect(first?.metadata.authors.map((a) => a.name)).toEqual([
      'Lieke Gelderloos',
      'Grzegorz Chrupała',
      'Afra Alishahi',
    ]);
    expect(first?.metadata.year).toBe(2020);
    expect(first?.metadata.venue).toBe(
      'Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics',
    );
    expect(first?.metadata.abstract).toMatch(/^Speech directed to children/);
    expect(first?.metadata.pdfUrl).toBe('https://aclanthology.org/2020.acl-main.1.pdf');
    for (const paper of papers) {
      expect(paper.entry?.contains(paper.anchors.fields.title ?? null)).toBe(true);
      expect(paper.anchors.authors.every((a) => a && paper.entry?.contains(a))).toBe(true);
    }
  });

  it('finds no paper on people and search pages', () => {
    const doc = new DOMParser().parseFromString(
      '<html><body><section id="main"><h2 id="title">Kristina Toutanova</h2></section></body></html>',
      'text/html',
    );
    expect(aclAnthology.detect(doc, new URL('https://aclanthology.org/people/kristina-toutanova/'))).toBeNull();
    expect(aclAnthology.detect(doc, new URL('https://aclanthology.org/search/?q=bert'))).toBeNull();
  });
});
