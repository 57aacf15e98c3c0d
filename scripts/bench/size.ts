import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, ROOT, type Row } from './common';

const OUT = join(ROOT, '.output', 'chrome-mv3');
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** What loads before a click (the content script of a page) and what loads with the form. */
export function measureSize(): Row[] {
  const scripts = join(OUT, 'content-scripts');
  const files = readdirSync(scripts).filter((file) => file.endsWith('.js'));
  const sizes = files.map((file) => ({
    file,
    raw: readFileSync(join(scripts, file)).length,
    gz: gz(join(scripts, file)),
  }));
  const generic = sizes.find((s) => s.file === 'content.js')!;
  const sites = sizes.filter((s) => s.file !== 'content.js').sort((a, b) => b.gz - a.gz);
  const largest = sites[0]!;
  const formHtml = readFileSync(join(OUT, 'form.html'), 'utf8');
  const formAssets = [...formHtml.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => join(OUT, m[1]!));
  const formRaw = formAssets.reduce((sum, path) => sum + readFileSync(path).length, 0);
  const formGz = formAssets.reduce((sum, path) => sum + gz(path), 0);
  const budget = 20 * 1024;
  return [
    {
      measure: 'Content script, pages without an adapter (content.js)',
      value: `${kb(generic.raw)} raw, ${kb(generic.gz)} gz`,
      target: '< 20 KB gz',
      met: generic.gz < budget,
    },
    {
      measure: `Content script, largest site script (${largest.file})`,
      value: `${kb(largest.raw)} raw, ${kb(largest.gz)} gz`,
      target: '< 20 KB gz',
      met: largest.gz < budget,
    },
    { measure: 'Form, loaded on first click (JS + CSS)', value: `${kb(formRaw)} raw, ${kb(formGz)} gz` },
  ];
}
