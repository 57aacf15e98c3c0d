import { describe, expect, it } from 'vitest';
import { googleScholar } from '../../../lib/sites/google-scholar';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('google-scholar', name);

describe('google-scholar adapter', () => {
  it('matches Scholar on every country domain and no other site', () => {
    expect(googleScholar.matches(load('search-deep-learning').url)).toBe(true);
    expect(googleScholar.matches(load('profile-lecun').url)).toBe(true);
    for (const host of ['scholar.google.co.jp', 'scholar.google.de', 'scholar.google.com.au']) {
      expect(googleScholar.matches(new URL(`https://${host}/scholar?cluster=1`))).toBe(true);
    }
    for (const other of [
      'https://www.google.com/search?q=deep+learning',
      'https://www.semanticscholar.org/search?q=x',
    ]) {
      expect(googleScholar.matches(new URL(other))).toBe(false);
    }
  });

  it('reads each search result as an entry: title without tags, authors, venue, year, PDF', () => {
    const { doc, url } = load('search-deep-learning');
    expect(googleScholar.detect(doc, url)).toBe('list');
    const papers = googleScholar.read(doc, url);
    expect(papers).toHaveLength(3);
    const [article, book, citation] = papers;
    expect(article?.metadata).toMatchObject({ title: 'Deep learning', venue: 'nature', year: 2015 });
    expect(article?.metadata.authors.map((a) => a.name)).toEqual(['Y LeCun', 'Y Bengio', 'G Hinton']);
    expect(article?.metadata.pdfUrl).toBe('https://www.cs.toronto.edu/~hinton/absps/NatureDeepReview.pdf');
    expect(article?.metadata.abstract).toBeNull();
    expect(article?.anchors.authors.map((a) => a?.textContent)).toEqual(['Y LeCun', 'Y Bengio', 'G Hinton']);
    expect(book?.metadata.title).toBe('Deep learning');
    expect(book?.metadata.venue).toBeNull();
    expect(book?.metadata.year).toBe(2016);
    // "A Courville" has no profile link: no control of their own, but still an author.
    expect(book?.metadata.authors.map((a) => a.name)).toEqual(['I Goodfellow', 'Y Bengio', 'A Courville', 'Y Bengio']);
    expect(book?.anchors.authors[2]).toBeUndefined();
    expect(book?.anchors.authors[3]).toBeUndefined();
    expect(citation?.metadata.title).toBe('Gradient-based learning applied to document recognition');
    expect(citation?.metadata.authors.map((a) => a.name)).toEqual(['Y LeCun', 'L Bottou', 'Y Bengio', 'P Haffner']);
    expect(citation?.metadata.venue).toBe('Proceedings of the IEEE');
    expect(citation?.metadata.year).toBe(1998);
    for (const paper of papers) {
      expect(paper.entry?.contains(paper.anchors.fields.title ?? null)).toBe(true);
    }
  });

  it('reads a profile as one entry per row', () => {
    const { doc, url } = load('profile-lecun');
    expect(googleScholar.detect(doc, url)).toBe('list');
    const papers = googleScholar.read(doc, url);
    expect(papers.map((p) => p.metadata.title)).toEqual([
      'Deep learning',
      'Gradient-based learning applied to document recognition',
      'Backpropagation applied to handwritten zip code recognition',
    ]);
    expect(papers.map((p) => p.metadata.venue)).toEqual(['nature', 'Proceedings of the IEEE', 'Neural computation']);
    expect(papers.map((p) => p.metadata.year)).toEqual([2015, 1998, 1989]);
    // The cut list ends with "..." which is not a person.
    expect(papers[2]?.metadata.authors.map((a) => a.name)).toEqual([
      'Y LeCun',
      'B Boser',
      'JS Denker',
      'D Henderson',
      'RE Howard',
      'W Hubbard',
    ]);
    expect(papers[0]?.entry?.tagName).toBe('TR');
    expect(papers[0]?.anchors.fields.year?.textContent).toBe('2015');
  });

  it('finds nothing on the home page, an empty result page or a single citation view', () => {
    const empty = new DOMParser().parseFromString(
      '<html><body><div id="gs_res_ccl_mid"></div></body></html>',
      'text/html',
    );
    expect(googleScholar.detect(empty, new URL('https://scholar.google.com/'))).toBeNull();
    expect(googleScholar.detect(empty, new URL('https://scholar.google.com/scholar?q=zzzzqqq'))).toBeNull();
    const { doc } = load('profile-lecun');
    expect(
      googleScholar.detect(
        doc,
        new URL('https://scholar.google.com/citations?view_op=view_citation&user=WLN3QrAAAAAJ&citation_for_view=x'),
      ),
    ).toBeNull();
  });
});
