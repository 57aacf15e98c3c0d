import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const catalog = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'locales', lang, 'form.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('form strings', () => {
  const en = catalog('en');
  const ja = catalog('ja');

  it('exist in English and Japanese, with the same substitutions', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect([key, placeholders(ja[key]!)]).toEqual([key, placeholders(en[key]!)]);
  });

  it('cover every key the form code names', () => {
    const code = sources(join(root, 'components', 'form')) + sources(join(root, 'lib', 'form'));
    const named = new Set([...code.matchAll(/'(form[A-Z][A-Za-z]+)'/g)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(50);
    expect([...named].filter((key) => !(key in en))).toEqual([]);
  });
});
