import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, ROOT, type Row } from './common';

const OUT = join(ROOT, '.output', 'chrome-mv3');
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * What every page parses (its gate: content.js or site-<id>.js), what a page that could carry a
 * paper loads next (its reader: reader.js or reader-<id>.js), and what loads with the form.
 */
export function measureSize(): Row[] {
  const scripts = join(OUT, 'content-scripts');
  const sizes = readdirSync(scripts)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, raw: readFileSync(join(scripts, file)).length, gz: gz(join(scripts, file)) }))
    .sort((a, b) => b.gz - a.gz);
  const named = (file: string) => sizes.find((s) => s.file === file)!;
  const largest = (prefix: string) => sizes.find((s) => s.file.startsWith(prefix))!;
  const formHtml = readFileSync(join(OUT, 'form.html'), 'utf8');
  const formAssets = [...formHtml.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => join(OUT, m[1]!));
  const formRaw = formAssets.reduce((sum, path) => sum + readFileSync(path).length, 0);
  const formGz = formAssets.reduce((sum, path) => sum + gz(path), 0);
  const row = (measure: string, s: { raw: number; gz: number }, budget: number): Row => ({
    measure,
    value: `${kb(s.raw)} raw, ${kb(s.gz)} gz`,
    target: `≤ ${budget / 1024} KB gz`,
    met: s.gz <= budget,
  });
  const site = largest('site-');
  const reader = largest('reader-');
  return [
    row('Gate parsed on every page without an adapter (content.js)', named('content.js'), 4 * 1024),
    row(`Gate parsed on every page of an adapted site, largest (${site.file})`, site, 4 * 1024),
    row('Reader loaded where the gate says yes, pages without an adapter (reader.js)', named('reader.js'), 20 * 1024),
    row(`Reader loaded where the gate says yes, largest site reader (${reader.file})`, reader, 20 * 1024),
    { measure: 'Form, loaded on first click (JS + CSS)', value: `${kb(formRaw)} raw, ${kb(formGz)} gz` },
  ];
}
