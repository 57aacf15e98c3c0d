import { describe, expect, it } from 'vitest';
import { extractEmbedded } from '../../../lib/extract/embedded';
import { fixture, page, timed } from './page';

const ARTICLE_URL = new URL('https://journal.example.org/articles/1');

describe('extractEmbedded', () => {
  it('reads a Highwire article page, with an anchor for every field the page shows', () => {
    const doc = fixture('highwire-article.html');
    const paper = extractEmbedded(doc, ARTICLE_URL);
    expect(paper?.metadata).toMatchObject({
      title: 'Water splitting on H2O-rich surfaces',
      date: '2019-03-05',
      year: 2019,
      doi: '10.1234/example.2019.001',
      venue: 'Journal of Examples',
      pdfUrl: 'https://journal.example.org/articles/example-2019-001.pdf',
      url: ARTICLE_URL.href,
      site: 'generic',
      conflicts: [],
    });
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Charles Babbage', 'Mary Somerville']);
    expect(paper?.metadata.shown).toEqual(['title', 'abstract', 'date', 'venue', 'doi', 'pdfUrl', 'authors']);
    const { fields, authors } = paper!.anchors;
    expect(fields.title).toBe(doc.querySelector('h1'));
    expect(authors).toEqual([...doc.querySelectorAll('.author-name')]);
    expect(fields.authors).toBe(doc.querySelector('ul.authors'));
    expect(fields.abstract).toBe(doc.getElementById('abstract'));
    expect(fields.doi?.textContent).toBe('10.1234/example.2019.001');
    expect(fields.date).toBe(doc.querySelector('.pub-date'));
    expect(fields.pdfUrl).toBe(doc.querySelector('a.pdf'));
  });

  it('never anchors a field in <head>', () => {
    const doc = page(
      '<head><meta name="citation_title" content="Only in tags"><meta name="citation_doi" content="10.1/abc"></head><body><p>Nothing shown</p></body>',
    );
    const paper = extractEmbedded(doc, ARTICLE_URL);
    expect(paper?.metadata.title).toBe('Only in tags');
    expect(paper?.anchors.fields).toEqual({});
    expect(paper?.metadata.shown).toEqual([]);
  });

  it('prefers the title on screen over stale tags left by in-app navigation', () => {
    const doc = page(
      '<meta name="citation_title" content="The previous paper"><meta name="citation_doi" content="10.1/old"><main><h1>The paper now on screen</h1></main>',
    );
    const paper = extractEmbedded(doc, ARTICLE_URL);
    expect(paper?.metadata.title).toBe('The paper now on screen');
    expect(paper?.metadata.conflicts).toContainEqual(
      expect.objectContaining({ field: 'title', other: 'The previous paper' }),
    );
    expect(paper?.anchors.fields.title).toBe(doc.querySelector('h1'));
  });

  it('takes nothing from a COinS span that names another paper', () => {
    const doc = page(
      '<meta name="citation_title" content="Our paper"><main><h1>Our paper</h1><p>Cited: <span class="Z3988" title="rft.atitle=A cited paper&amp;rft_id=info:pmid/16980212&amp;rft.date=2006"></span></p></main>',
    );
    const paper = extractEmbedded(doc, ARTICLE_URL);
    expect(paper?.metadata).toMatchObject({ title: 'Our paper', pmid: null, date: null });
  });

  it('does not take a journal name in an h1 for the title when the page shows the tagged one', () => {
    const doc = page(
      '<meta name="citation_title" content="Phonon Magnetochiral Effect"><header><h1 class="journal-title">Physical Review Letters</h1></header><main><h2>Phonon Magnetochiral Effect</h2></main>',
    );
    expect(extractEmbedded(doc, ARTICLE_URL)?.metadata.title).toBe('Phonon Magnetochiral Effect');
  });

  it('takes the abstract the page shows over a teaser description', () => {
    const abstract =
      'The magnetochiral effect of phonons, a nonreciprocal acoustic propagation, is observed in a chiral magnet.';
    const doc = page(
      `<meta name="dc.title" content="Phonons"><meta name="dc.creator" content="T. Nomura"><meta property="og:description" content="A chiral material exposed to a magnetic field makes sound go one way more easily than the other, in a story told for everyone who likes physics news and might not read the abstract at all, however long the abstract might be.">
      <section class="abstract"><h2>Abstract</h2><p>${abstract}</p></section>`,
    );
    const paper = extractEmbedded(doc, ARTICLE_URL);
    expect(paper?.metadata.abstract).toBe(abstract);
    expect(paper?.metadata.sources.abstract).toBe('visible');
    expect(paper?.metadata.conflicts).toContainEqual(
      expect.objectContaining({ field: 'abstract', otherSource: 'open-graph' }),
    );
  });

  it('drops a description that is a citation string, not an abstract', () => {
    const doc = page(
      '<meta name="citation_title" content="How many data points is a prompt worth?"><meta name="citation_author" content="Le Scao, Teven"><meta property="og:description" content="Teven Le Scao, Alexander Rush. Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies. 2021.">',
    );
    expect(extractEmbedded(doc, ARTICLE_URL)?.metadata.abstract).toBeNull();
  });

  it('reads a page with JSON-LD only', () => {
    const paper = extractEmbedded(fixture('json-ld-graph.html'), ARTICLE_URL);
    expect(paper?.metadata).toMatchObject({
      title: 'On graphs & their friends',
      doi: '10.5555/graphs.2021',
      venue: 'Graph Letters',
    });
    expect(paper?.anchors.authors.map((el) => el?.textContent)).toEqual(['Émilie du Châtelet', 'Sophie Germain']);
  });

  it('reads identifiers from the address when tags give none', () => {
    const doc = page('<meta name="dc.title" content="Attention"><main><h1>Attention</h1></main>');
    const paper = extractEmbedded(doc, new URL('https://arxiv.org/abs/1706.03762v7'));
    expect(paper?.metadata).toMatchObject({ arxivId: '1706.03762' });
    expect(paper?.metadata.sources.arxivId).toBe('url');
    const doi = extractEmbedded(doc, new URL('https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full'));
    expect(doi?.metadata.doi).toBe('10.3389/fpsyg.2014.00781');
  });

  it('finds a DOI the page labels when no tag gives one', () => {
    const doc = page(
      '<meta name="dc.title" content="Old page"><h1>Old page</h1><p>Digital Object Identifier: 10.1109/28.793383</p><ol class="references"><li>doi:10.9999/other</li></ol>',
    );
    const paper = extractEmbedded(doc, ARTICLE_URL);
    expect(paper?.metadata.doi).toBe('10.1109/28.793383');
    expect(paper?.metadata.sources.doi).toBe('text');
  });

  describe('pages with no paper', () => {
    it.each([
      [
        'a bot-challenge page',
        'challenge.html',
        'https://www.example-publisher.com/doi/full/10.1080/00268976.2013.788745',
      ],
      ['a news story with og:type article', 'news-story.html', 'https://news.example.com/2024/05/bike-lanes'],
      ['a search-results page', 'search-results.html', 'https://scholar.example.org/scholar?q=PDMS'],
    ])('%s gives null', (_, name, url) => {
      expect(extractEmbedded(fixture(name, url), new URL(url))).toBeNull();
    });
  });

  describe('hostile pages', () => {
    it('reads a 1 MB abstract', () => {
      const abstract = `Start of a long abstract. ${'word '.repeat(200_000)}`;
      const doc = page(
        `<meta name="citation_title" content="Long"><meta name="citation_abstract" content="${abstract}"><h1>Long</h1><div class="abstract">${abstract}</div>`,
      );
      const { value, ms } = timed(() => extractEmbedded(doc, ARTICLE_URL));
      expect(value?.metadata.abstract?.startsWith('Start of a long abstract. word word')).toBe(true);
      expect(value?.anchors.fields.abstract).toBe(doc.querySelector('.abstract'));
      console.log(`1 MB abstract: ${ms.toFixed(1)} ms`);
    });

    // The budget is 50 ms in the browser, measured there by `npm run bench`; here the time is
    // printed, never asserted (it depends on the machine).
    it('reads a page of 3,000 authors, anchoring each', () => {
      const names = Array.from({ length: 3000 }, (_, i) => `Given${toLetters(i)} Family${toLetters(i)}`);
      const tags = names.map((n) => `<meta name="citation_author" content="${n}">`).join('');
      const spans = names.map((n) => `<li><span class="name">${n}</span><sup>1</sup></li>`).join('');
      const doc = page(
        `${tags}<meta name="citation_title" content="Big science"><main><h1>Big science</h1><ol class="authors">${spans}</ol></main>`,
      );
      extractEmbedded(doc, ARTICLE_URL);
      const runs = [1, 2, 3].map(() => timed(() => extractEmbedded(doc, ARTICLE_URL)));
      const { value } = runs[0]!;
      const ms = Math.min(...runs.map((run) => run.ms));
      expect(value?.metadata.authors).toHaveLength(3000);
      expect(value?.anchors.authors.filter(Boolean)).toHaveLength(3000);
      expect(value?.anchors.authors[2999]?.textContent).toBe(names[2999]);
      console.log(`3,000 authors, best of three: ${ms.toFixed(1)} ms`);
    });

    it('keeps right-to-left and mixed-script titles and anchors them', () => {
      const title = 'تحليل البيانات: a mixed 混合 title';
      const doc = page(`<meta name="citation_title" content="${title}"><h1 dir="auto">${title}</h1>`);
      const paper = extractEmbedded(doc, ARTICLE_URL);
      expect(paper?.metadata.title).toBe(title);
      expect(paper?.anchors.fields.title).toBe(doc.querySelector('h1'));
    });
  });
});

function toLetters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}
