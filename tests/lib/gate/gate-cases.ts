// The pages the gate's question is asked about (lib/gate/could-carry-paper.ts), written for it:
// yes on each kind of scholarly page issue #15 lists, no on the pages most of the web is made of.
// Shared by the unit test (the address) and the browser test (the document, which the question
// reads through XPath: happy-dom has none, so it is asked in Chromium and Firefox).

export const head = (tags: string) =>
  `<!doctype html><html><head><title>T</title>${tags}</head><body><h1>T</h1></body></html>`;
const jsonLd = (value: object) => head(`<script type="application/ld+json">${JSON.stringify(value)}</script>`);

/** Pages that could carry a paper, by what says so. */
export const YES_PAGES: [string, string][] = [
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
  ['JSON-LD Chapter in a graph', jsonLd({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Chapter', name: 'Tides' }] })],
  ['JSON-LD Article carrying a DOI', jsonLd({ '@type': 'Article', sameAs: 'https://doi.org/10.1000/182' })],
  [
    'COinS span.Z3988',
    `<html><body><span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.atitle=On+Tides"></span></body></html>`,
  ],
  [
    'JSON-LD whose type is written in capitals',
    head('<script type="Application/LD+JSON">{"@type":"ScholarlyArticle","name":"On Tides"}</script>'),
  ],
];

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

/** Pages that are no paper, with their addresses. */
export const NO_PAGES: [string, string, string][] = [
  ['a blog post (og:type article, BlogPosting)', blog, 'https://blog.example.com/2024/03/ten-tips'],
  ['a news story (NewsArticle)', news, 'https://news.example.com/science/moon-water'],
  ['a web app shell', appShell, 'https://app.example.com/dashboard'],
  ['a page of 5,000 links', links, 'https://www.example.com/sitemap'],
];
