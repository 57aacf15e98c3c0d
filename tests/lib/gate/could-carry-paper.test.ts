// The gate's question, the part an address answers: a DOI or an arXiv id in it is a yes before
// the document is looked at, and the address is read from document.URL as the WHATWG URL parser
// reads it. The document's part (meta tags, COinS, JSON-LD through XPath) is asked in real
// browsers: tests/e2e/gate-question.e2e.ts.
import { describe, expect, it } from 'vitest';
import { addressNamesPaper, addressOf } from '../../../lib/gate/could-carry-paper';
import { NO_PAGES } from './gate-cases';

describe('could this address carry a paper?', () => {
  it.each([
    ['a DOI in the path', 'https://publisher.example.com/doi/10.1016/j.cell.2020.01.001'],
    ['an encoded DOI in the query', 'https://repo.example.edu/handle?doi=10.5555%2Fabc.123'],
    ['an arXiv id (new)', 'https://export.arxiv.org/abs/1706.03762v5'],
    ['an arXiv id (old)', 'https://arxiv.org/abs/hep-th/9711200'],
  ])('yes: %s', (_, url) => {
    expect(addressNamesPaper(addressOf(url))).toBe(true);
  });

  it.each([
    ...NO_PAGES.map(([label, , url]) => [label, url]),
    ['a version number in the path', 'https://example.com/releases/10.2/notes'],
    ['arxiv in a path elsewhere', 'https://blog.example.com/arxiv/abs/1706.03762'],
    ['an arXiv listing', 'https://arxiv.org/list/cs.CL/recent'],
  ])('no: %s', (_, url) => {
    expect(addressNamesPaper(addressOf(url))).toBe(false);
  });
});

describe('the address as the gate reads it from document.URL', () => {
  it.each([
    'https://journal.example.org/articles/1',
    'https://journal.example.org/',
    'https://user:secret@journal.example.org:8443/a/b?x=1&y=%2F#frag',
    'https://journal.example.org/search?',
    'https://journal.example.org/a?q=#top',
    'http://[2001:db8::1]:8080/doi/10.1000/182?x',
    'https://xn--bcher-kva.example/%E2%9C%93/?doi=10.5555%2Fabc',
    'http://127.0.0.1:5173/paper#',
  ])('%s: hostname, pathname and search as URL gives them', (href) => {
    const { hostname, pathname, search } = new URL(href);
    expect(addressOf(new URL(href).href)).toEqual({ hostname, pathname, search });
  });
});
