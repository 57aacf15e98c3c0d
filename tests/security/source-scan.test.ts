import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Page text is hostile: our sources never hand a string to an API that parses it as HTML or code.
// Preact renders text nodes and attribute values, which is what keeps the form, the popup, the
// options page and the inline controls safe (tests/e2e/security.e2e.ts drives payloads through).

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['components', 'lib', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

const FILES = SCANNED.flatMap((dir) => sources(join(ROOT, dir))).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

/** What turns a string into markup or code, each with why it is banned. */
const SINKS: [RegExp, string][] = [
  [/\.innerHTML\s*[+]?=/, 'innerHTML parses its string as HTML'],
  [/\.outerHTML\s*[+]?=/, 'outerHTML parses its string as HTML'],
  [/insertAdjacentHTML\s*\(/, 'insertAdjacentHTML parses its string as HTML'],
  [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML bypasses Preact escaping'],
  [/document\.write(ln)?\s*\(/, 'document.write parses its string as HTML'],
  [/createContextualFragment\s*\(/, 'createContextualFragment parses its string as HTML'],
  [/\bsrcdoc\b/, 'srcdoc makes a document from a string'],
  [/(^|[^\w.])eval\s*\(/, 'eval runs a string as code'],
  [/new\s+Function\s*\(|(^|[^\w.])Function\s*\(\s*['"`]/, 'Function compiles a string'],
  [/set(Timeout|Interval)\s*\(\s*['"`]/, 'a string timer handler is compiled like eval'],
  [/\.setAttribute\s*\(\s*['"`]on\w+/, 'an inline event handler attribute is code'],
  [/href\s*=\s*\{?\s*['"`]\s*javascript:/i, 'a javascript: link is code'],
  [/import\s*\(\s*['"`]https?:/, 'remote code'],
];

describe('our sources have no HTML or code sinks', () => {
  it(`scans ${SCANNED.join(', ')} (and finds the files it means to)`, () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES.some((f) => f.path.startsWith('components/form/'))).toBe(true);
  });

  for (const [pattern, why] of SINKS) {
    it(`no ${pattern.source}: ${why}`, () => {
      const hits = FILES.flatMap(({ path, text }) =>
        text
          .split('\n')
          .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
          .filter(({ line }) => pattern.test(line) && !/^\s*(\/\/|\*)/.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
      expect(hits).toEqual([]);
    });
  }

  it('the scan would catch a sink (the patterns are not dead)', () => {
    const samples = [
      'el.innerHTML = title;',
      'node.insertAdjacentHTML("beforeend", x)',
      '<div dangerouslySetInnerHTML={{ __html: t }} />',
      'eval(code)',
      'new Function("a", body)',
      "setTimeout('run()', 10)",
      "el.setAttribute('onclick', x)",
    ];
    for (const sample of samples)
      expect(
        SINKS.some(([pattern]) => pattern.test(sample)),
        sample,
      ).toBe(true);
  });
});

describe('zod runs jitless everywhere', () => {
  it('every module that builds schemas takes z from lib/schema/zod.ts, which sets jitless first', () => {
    const direct = FILES.filter(
      ({ path, text }) =>
        path !== 'lib/schema/zod.ts' && /^import\s+(?!type\b)[^;]*from\s+['"]zod(\/[\w/-]+)?['"]/m.test(text),
    ).map(({ path }) => path);
    expect(direct).toEqual([]);
    const setup = FILES.find(({ path }) => path === 'lib/schema/zod.ts')?.text ?? '';
    expect(setup).toMatch(/z\.config\(\{\s*jitless:\s*true\s*\}\)/);
  });

  it('has zod in jitless mode once a schema module is loaded', async () => {
    await import('@/lib/schema/messages');
    const { globalConfig } = await import('zod/v4/core');
    expect(globalConfig.jitless).toBe(true);
  });
});
