import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEmbedded } from '../../../lib/extract/embedded';
import { page } from './page';

const PAPER_B_URL = new URL('https://spa.example.org/paper/b');

/** The SPA journal page after its in-app navigation: paper B on screen, paper A's tags in <head>. */
function afterNavigation(): Document {
  const html = readFileSync(resolve(__dirname, '../../fixtures/pages/spa-journal.html'), 'utf8');
  const doc = page(html, PAPER_B_URL.href);
  const app = doc.getElementById('app') as HTMLElement;
  app.replaceChildren();
  const h1 = doc.createElement('h1');
  h1.className = 'title';
  h1.textContent = 'Paper B: Glacier Retreat and Proglacial Lakes';
  const list = doc.createElement('ul');
  list.className = 'authors';
  for (const name of ['Maja Lindqvist', 'Chidi Okafor']) {
    const li = doc.createElement('li');
    li.textContent = name;
    list.append(li);
  }
  app.append(h1, list);
  return doc;
}

describe('stale meta tags after in-app navigation', () => {
  it('reads paper B from the page and nothing of paper A from its leftover tags', () => {
    const doc = afterNavigation();
    const paper = extractEmbedded(doc, PAPER_B_URL);
    expect(paper?.metadata).toMatchObject({
      title: 'Paper B: Glacier Retreat and Proglacial Lakes',
      doi: null,
      date: null,
      year: null,
    });
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual(['Maja Lindqvist', 'Chidi Okafor']);
    expect(paper?.metadata.conflicts).toContainEqual(
      expect.objectContaining({ field: 'title', other: 'Paper A: Sediment Transport in Braided Rivers' }),
    );
    expect(paper?.anchors.fields.title).toBe(doc.querySelector('h1'));
    expect(paper?.anchors.authors).toEqual([...doc.querySelectorAll('.authors li')]);
    expect(paper?.metadata.shown).toEqual(['title', 'authors']);
  });

  it('keeps what the visible page confirms of the tags', () => {
    const doc = page(
      `<meta name="citation_title" content="The previous paper">
      <meta name="citation_author" content="Lindqvist, Maja"><meta name="citation_author" content="Ito, Keiko">
      <meta name="citation_doi" content="10.5555/spa.b"><meta name="citation_abstract" content="An abstract of the previous paper.">
      <main><h1 class="title">The paper now on screen</h1><p class="by"><span>Maja Lindqvist</span></p>
      <p>DOI <a href="https://doi.org/10.5555/spa.b">10.5555/spa.b</a></p></main>`,
      PAPER_B_URL.href,
    );
    const paper = extractEmbedded(doc, PAPER_B_URL);
    expect(paper?.metadata.title).toBe('The paper now on screen');
    expect(paper?.metadata.authors.map((a) => a.name)).toEqual(['Maja Lindqvist']);
    expect(paper?.metadata.doi).toBe('10.5555/spa.b');
    expect(paper?.metadata.abstract).toBeNull();
  });

  it('leaves tags alone when the page shows their title', () => {
    const html = readFileSync(resolve(__dirname, '../../fixtures/pages/spa-journal.html'), 'utf8');
    const paper = extractEmbedded(page(html), new URL('https://spa.example.org/paper/a'));
    expect(paper?.metadata).toMatchObject({ doi: '10.5555/spa.2021.a', date: '2021-02-03' });
    expect(paper?.metadata.authors).toHaveLength(3);
  });
});
