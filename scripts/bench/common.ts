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
            const { url } = JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as { url: string };
            return { name, url, html: inertScripts(readFileSync(join(CORPUS, `${name}.html`), 'utf8')) };
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

export const MANY_AUTHORS_URL = 'https://collab.example.org/papers/big';

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
