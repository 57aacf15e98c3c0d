// Issue #3: what loads before a click stays under 20 KB gzipped. Each page loads one content
// script (the generic one or its site's) and nothing else until the user opens the form, so
// every built content script must stay under the budget on its own. Deterministic: it reads the
// build output, gzip -9 as `npm run bench -- --only size` measures it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const BUDGET = 20 * 1024;
const SCRIPTS = join(EXTENSION_DIR, 'content-scripts');

const scripts = readdirSync(SCRIPTS).filter((file) => file.endsWith('.js'));
const code = (file: string) => readFileSync(join(SCRIPTS, file));
const gzipped = (file: string) => gzipSync(code(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

describe('what loads before a click (built content scripts, gzip -9)', () => {
  it('is the generic script and one script per site', () => {
    expect(scripts).toContain('content.js');
    expect(scripts.filter((file) => file.startsWith('site-')).length).toBeGreaterThan(0);
  });

  it('stays under 20 KB for pages without an adapter (content.js)', () => {
    const size = gzipped('content.js');
    expect(size, kb(size)).toBeLessThan(BUDGET);
  });

  it("stays under 20 KB for every site's own script", () => {
    const over = scripts
      .filter((file) => file.startsWith('site-'))
      .map((file) => ({ file, size: gzipped(file) }))
      .filter(({ size }) => size >= BUDGET)
      .map(({ file, size }) => `${file}: ${kb(size)}`);
    expect(over).toEqual([]);
  });

  it('carries neither webextension-polyfill nor the site host table', () => {
    for (const file of scripts) {
      const text = code(file).toString('utf8');
      expect(text, file).not.toContain('minArgs'); // the polyfill's API metadata
      expect(text, file).not.toContain('*://'); // match patterns: the manifest holds them
    }
  });
});
