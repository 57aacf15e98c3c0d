// The saved pages of the shared corpus (outside the project: other sites' pages are never copied
// in), read for browser tests that serve each one at its real URL.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inertScripts } from '../../scripts/bench/common';
import type { ExpectedPage } from '../corpus/compare';

// Saved pages keep their markup but not their behaviour, as the benchmarks serve them.
export { inertScripts };

export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const corpusPresent = existsSync(CORPUS);

export interface CorpusPage {
  /** "site/page", as the corpus folder names it. */
  name: string;
  url: string;
  html: string;
  expected: ExpectedPage;
}

/** Every corpus page saved with an http(s) address, by name. */
export function corpusPages(): CorpusPage[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(CORPUS, dir.name))
        .filter((file) => file.endsWith('.expected.json'))
        .map((file) => {
          const name = `${dir.name}/${file.replace(/\.expected\.json$/, '')}`;
          const expected = JSON.parse(readFileSync(join(CORPUS, dir.name, file), 'utf8')) as ExpectedPage;
          return { name, url: expected.url, html: readFileSync(join(CORPUS, `${name}.html`), 'utf8'), expected };
        }),
    )
    .filter((page) => /^https?:\/\//.test(page.url))
    .sort((a, b) => a.name.localeCompare(b.name));
}
