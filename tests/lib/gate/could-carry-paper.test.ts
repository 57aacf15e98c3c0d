// The gate's question on small pages written for it: yes on each kind of scholarly page the
// issue lists, no on the pages most of the web is made of. And over every page fixture in the
// project: the gate never turns away a page on which the generic readers find a paper (a "no"
// there would cost the reader their pencils).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { couldCarryPaper } from '../../../lib/gate/could-carry-paper';
import { readPage } from '../../../lib/sites/read-page';
import { page } from '../extract/page';

const ask = (html: string, url = 'https://journal.example.org/articles/1') =>
  couldCarryPaper(page(html, url), new URL(url));
const head = (tags: string) =>
  `<!doctype html><html><head><title>T</title>${tags}</head><body><h1>T</h1></body></html>`;
const jsonLd = (value: object) => head(`<script type="application/ld+json">${JSON.stringify(value)}</script>`);

describe('could this page carry a paper?', () => {
  it.each([
    ['Highwire citation_*', head('<meta name="citation_title" content="On Tides">')],
    ['Highwire, any citation_* tag', head('<meta name="citation_doi" content="10.1000/x">')],
    ['Dublin Core dc.*', head('<meta name="DC.title" content="On Tides">')],
    ['Dublin Core dcterms.*', head('<meta name="dcterms.creator" content="Ada Lovelace">')],
    ['PRISM prism.*', head('<meta name="prism.doi" content="10.1038/nature.2015.1">')],
    ['eprints.*', head('<meta name="eprints.title" content="On Tides">')],
    ['bepress_*', head('<meta name="bepress_citation_title" content="On Tides">')],
    [
      'JSON-LD ScholarlyArticle',
      jsonLd({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', name: 'On Tides' }),
    ],
    ['JSON-LD typed by URL', jsonLd({ '@type': ['http://schema.org/MedicalScholarlyArticle'], headline: 'On Tides' })],
    [
      'JSON-LD Chapter in a graph',
      jsonLd({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Chapter', name: 'Tides' }] }),
    ],
    ['JSON-LD Article carrying a DOI', jsonLd({ '@type': 'Article', sameAs: 'https://doi.org/10.1000/182' })],
    [
      'COinS span.Z3988',
      `<html><body><span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.atitle=On+Tides"></span></body></html>`,
    ],
  ])('yes: %s', (_, html) => {
    expect(ask(html)).toBe(true);
  });

  it.each([
    ['a DOI in the path', 'https://publisher.example.com/doi/10.1016/j.cell.2020.01.001'],
    ['an encoded DOI in the query', 'https://repo.example.edu/handle?doi=10.5555%2Fabc.123'],
    ['an arXiv id (new)', 'https://export.arxiv.org/abs/1706.03762v5'],
    ['an arXiv id (old)', 'https://arxiv.org/abs/hep-th/9711200'],
  ])('yes: %s', (_, url) => {
    expect(ask(head(''), url)).toBe(true);
  });

  const blog = `<!doctype html><html><head><title>Ten tips for remote teams</title>
    <meta property="og:type" content="article"><meta property="og:title" content="Ten tips for remote teams">
    <meta name="description" content="What we learned."><meta name="author" content="Sam Writer">
    <meta property="article:published_time" content="2024-03-01">
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Ten tips","datePublished":"2024-03-01"}</script>
    </head><body><article><h1>Ten tips for remote teams</h1>${'<p>Paragraph of running text with <a href="/x">a link</a>.</p>'.repeat(400)}</article></body></html>`;
  const appShell = `<!doctype html><html><head><title>Dashboard</title><meta name="viewport" content="width=device-width">
    <script type="module" src="/assets/index-3f2a.js"></script><link rel="stylesheet" href="/assets/index.css">
    </head><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`;
  const links = `<!doctype html><html><head><title>Site map</title><meta property="og:type" content="website"></head><body><ul>${Array.from(
    { length: 5000 },
    (_, i) => `<li><a href="/page/${i}">Page ${i}</a></li>`,
  ).join('')}</ul></body></html>`;
  const news = `<!doctype html><html><head><title>Scientists find water on the Moon</title>
    <meta property="og:type" content="article"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Water on the Moon","author":{"@type":"Person","name":"Reporter"}}</script>
    </head><body><h1>Scientists find water on the Moon</h1><p>Published in a journal last week.</p></body></html>`;

  it.each([
    ['a blog post (og:type article, BlogPosting)', blog, 'https://blog.example.com/2024/03/ten-tips'],
    ['a news story (NewsArticle)', news, 'https://news.example.com/science/moon-water'],
    ['a web app shell', appShell, 'https://app.example.com/dashboard'],
    ['a page of 5,000 links', links, 'https://www.example.com/sitemap'],
  ])('no: %s', (_, html, url) => {
    expect(ask(html, url)).toBe(false);
  });
});

describe('never turns away a paper the generic readers find', () => {
  const FIXTURES = resolve(__dirname, '../../fixtures');
  const pages = ['extract', 'pages', 'hostile']
    .flatMap((dir) =>
      readdirSync(join(FIXTURES, dir))
        .filter((file) => file.endsWith('.html'))
        .map((file) => join(FIXTURES, dir, file)),
    )
    .concat(
      readdirSync(join(FIXTURES, 'sites')).flatMap((site) =>
        readdirSync(join(FIXTURES, 'sites', site))
          .filter((file) => file.endsWith('.html'))
          .map((file) => join(FIXTURES, 'sites', site, file)),
      ),
    );

  it('on every project fixture the generic readers find a paper on', () => {
    const read = pages.map((path) => {
      let url = 'https://journal.example.org/articles/1';
      try {
        url = readFileSync(path.replace(/\.html$/, '.url'), 'utf8').trim();
      } catch {}
      const html = readFileSync(path, 'utf8');
      const name = path.slice(FIXTURES.length + 1);
      return {
        name,
        paper: readPage(page(html, url), new URL(url), []).papers.length > 0,
        gate: couldCarryPaper(page(html, url), new URL(url)),
      };
    });
    expect(read.filter((r) => r.paper).length).toBeGreaterThan(20);
    expect(read.filter((r) => r.paper && !r.gate).map((r) => r.name)).toEqual([]);
  });
});
