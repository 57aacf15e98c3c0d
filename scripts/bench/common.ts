import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');

export interface Row {
  measure: string;
  value: string;
  target?: string;
  /** undefined: no target; true/false: met or missed. */
  met?: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function machine(): string {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  return `${cpus()[0]?.model ?? 'unknown CPU'} · ${cpus().length} cores · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${chromium}`;
}

/** Saved pages keep their markup but not their behaviour: their scripts become inert text. */
export function inertScripts(html: string): string {
  return html.replace(/<script\b([^>]*)>/gi, (tag, attributes: string) =>
    /type\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)
      ? tag
      : `<script type="text/x-inert"${attributes.replace(/\btype\s*=\s*("[^"]*"|'[^']*'|\S+)/i, '')}>`,
  );
}

export interface SavedPage {
  name: string;
  url: string;
  html: string;
  /** The page shows no paper and no list of papers (a blog, a news story, a bot challenge). */
  negative?: boolean;
}

/** The shared corpus when present, else the project's own site fixtures. */
export function benchPages(): { pages: SavedPage[]; source: string } {
  if (existsSync(CORPUS)) {
    const pages = readdirSync(CORPUS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(CORPUS, dir.name))
          .filter((file) => file.endsWith('.expected.json'))
          .map((file) => {
            const name = `${dir.name}/${file.replace(/\.expected\.json$/, '')}`;
            const expected = JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as {
              url: string;
              title?: string | null;
              kind?: string;
            };
            const negative = expected.title == null && expected.kind !== 'list';
            return {
              name,
              url: expected.url,
              html: inertScripts(readFileSync(join(CORPUS, `${name}.html`), 'utf8')),
              negative,
            };
          }),
      )
      .filter((page) => /^https?:\/\//.test(page.url));
    return { pages, source: `../shared/corpus (${pages.length} pages)` };
  }
  const fixtures = join(ROOT, 'tests', 'fixtures', 'sites');
  const pages = readdirSync(fixtures).flatMap((site) =>
    readdirSync(join(fixtures, site))
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({
        name: `${site}/${file}`,
        url: readFileSync(join(fixtures, site, file.replace(/\.html$/, '.url')), 'utf8').trim(),
        html: inertScripts(readFileSync(join(fixtures, site, file), 'utf8')),
      })),
  );
  return { pages, source: `../shared/corpus absent: the project's site fixtures (${pages.length} pages)` };
}

/** A generated page of `count` authors, as big collaborations publish. */
export function manyAuthorsPage(count: number): string {
  const letters = (n: number) => n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + Number.parseInt(d, 26)));
  const names = Array.from({ length: count }, (_, i) => `Author ${letters(i)}ski`);
  return `<!doctype html><html><head><meta charset="utf-8">
<meta name="citation_title" content="Observation of a Rare Decay by a Large Collaboration">
${names.map((name) => `<meta name="citation_author" content="${name}">`).join('\n')}
<meta name="citation_publication_date" content="2024/05/01"><meta name="citation_doi" content="10.5555/big.2024.1">
</head><body><h1>Observation of a Rare Decay by a Large Collaboration</h1>
<ul class="authors">${names.map((name) => `<li>${name}</li>`).join('')}</ul></body></html>`;
}

/**
 * Generated pages that are no paper, the kinds most of the web is made of: a long article
 * (a blog post with og:type article and BlogPosting JSON-LD), a web app's shell, a page of
 * 5,000 links. Their addresses carry no identifier.
 */
export function generatedNegatives(): SavedPage[] {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of a long post about running services at scale, with <a href="/posts/${i}">a link</a> and <a href="https://example.net/${i}">another</a>.</p>`;
  return [
    {
      name: 'generated/long-article',
      url: 'https://blog.example.com/2024/03/lessons-from-a-decade-of-on-call',
      negative: true,
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lessons from a decade of on-call</title>
<meta property="og:type" content="article"><meta property="og:title" content="Lessons from a decade of on-call">
<meta name="description" content="What we learned."><meta name="author" content="Sam Writer">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Lessons from a decade of on-call","datePublished":"2024-03-01"}</script>
</head><body><header><nav>${Array.from({ length: 200 }, (_, i) => `<a href="/tag/${i}">tag ${i}</a>`).join(' ')}</nav></header>
<main><article><h1>Lessons from a decade of on-call</h1><p class="byline">By Sam Writer · March 1, 2024</p>
${Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n')}</article></main></body></html>`,
    },
    {
      name: 'generated/app-shell',
      url: 'https://app.example.com/dashboard',
      negative: true,
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.ico">
<script type="text/x-inert" src="/assets/index-3f2a9c.js"></script></head>
<body><div id="root"><div class="spinner" role="status">Loading…</div></div>
<noscript>You need to enable JavaScript to run this app.</noscript></body></html>`,
    },
    {
      name: 'generated/5000-links',
      url: 'https://www.example.com/sitemap',
      negative: true,
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Site map</title><meta property="og:type" content="website"></head>
<body><h1>Site map</h1><ul>${Array.from({ length: 5000 }, (_, i) => `<li><a href="/page/${i}">Page ${i}</a></li>`).join('')}</ul></body></html>`,
    },
  ];
}

export const MANY_AUTHORS_URL = 'https://collab.example.org/papers/big';

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
