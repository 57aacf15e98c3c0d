// Test pages: a fixture or inline HTML parsed as a document at an address (scripts never run).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../../fixtures/extract');

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** Parses HTML as a page at `url`, so relative links resolve as they would in the browser. */
export function page(html: string, url = 'https://journal.example.org/articles/1'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

export function fixture(name: string, url?: string): Document {
  return page(fixtureHtml(name), url);
}

/**
 * Times a call in CPU time of this process, for printing only: tests never assert a time
 * (it depends on the machine); `npm run bench` measures in Chromium.
 */
export function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}
