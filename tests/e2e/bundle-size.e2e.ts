// Issue #15: what every page parses before it is known to carry a paper stays under 4 KB
// gzipped; issue #3: what loads before a click stays under 20 KB gzipped. Each page runs one
// gate (the generic content.js or its site's site-<id>.js); a gate that lets the page through
// loads one reader (reader.js or reader-<id>.js) and nothing else until the user opens the form;
// the first pencil click then imports the panel (form-panel.js) into the same world.
// Deterministic: it reads the build output, gzip -9 as `npm run bench -- --only size` measures it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const GATE_BUDGET = 4 * 1024;
const BUDGET = 20 * 1024;
const SCRIPTS = join(EXTENSION_DIR, 'content-scripts');

const scripts = readdirSync(SCRIPTS).filter((file) => file.endsWith('.js'));
const gates = scripts.filter((file) => file === 'content.js' || file.startsWith('site-'));
const readers = scripts.filter((file) => file.startsWith('reader'));
// The panel script the reader imports on the first click: a path from the build root.
const FORM_PANEL = '../form-panel.js';
const code = (file: string) => readFileSync(join(SCRIPTS, file));
const gzipped = (file: string) => gzipSync(code(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const over = (files: string[], budget: number) =>
  files
    .map((file) => ({ file, size: gzipped(file) }))
    .filter(({ size }) => size > budget)
    .map(({ file, size }) => `${file}: ${kb(size)}`);

interface Manifest {
  content_scripts: { js: string[] }[];
  web_accessible_resources: { resources: string[]; use_dynamic_url?: boolean }[];
  permissions?: string[];
  host_permissions?: string[];
}
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

describe('what loads before a click (built content scripts, gzip -9)', () => {
  it('is a gate and a reader for pages without an adapter and for each site', () => {
    expect(gates).toContain('content.js');
    expect(readers).toContain('reader.js');
    const sites = gates.filter((file) => file.startsWith('site-')).map((file) => file.slice('site-'.length));
    expect(sites.length).toBeGreaterThan(0);
    expect(readers.filter((file) => file !== 'reader.js').map((file) => file.slice('reader-'.length))).toEqual(sites);
  });

  it('runs only the gates from the manifest; the readers are loaded by them', () => {
    const declared = manifest.content_scripts.flatMap((script) => script.js.map((path) => path.split('/').pop()));
    expect(declared.sort()).toEqual([...gates].sort());
  });

  it('stays under 4 KB for every gate, the part parsed on every page', () => {
    expect(gzipped('content.js'), kb(gzipped('content.js'))).toBeLessThanOrEqual(GATE_BUDGET);
    expect(over(gates, GATE_BUDGET)).toEqual([]);
  });

  it('stays under 20 KB for every reader, loaded only where the gate says yes', () => {
    expect(over(readers, BUDGET)).toEqual([]);
  });

  it('carries neither webextension-polyfill nor the site host table, the click-loaded panel included', () => {
    for (const file of [...scripts, FORM_PANEL]) {
      const text = code(file).toString('utf8');
      expect(text, file).not.toContain('minArgs'); // the polyfill's API metadata
      expect(text, file).not.toContain('*://'); // match patterns: the manifest holds them
    }
  });

  it('exposes the readers and the panel to pages only at the per-session dynamic URL, and asks no new permission', () => {
    for (const name of ['reader', 'form-panel.js']) {
      const entry = manifest.web_accessible_resources.find((war) => war.resources.some((r) => r.includes(name)));
      expect(entry?.use_dynamic_url, name).toBe(true);
    }
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).not.toContain('scripting');
  });
});
