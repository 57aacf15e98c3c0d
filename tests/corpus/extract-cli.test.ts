// The extract CLI (scripts/extract.ts): what `npm run extract -- <page> --url <url>` prints.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const fixture = (name: string) => resolve(ROOT, 'tests/fixtures/extract', name);

function extract(...args: string[]) {
  const run = spawnSync(TSX, ['scripts/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run extract', () => {
  it('prints the detected papers as a JSON array and nothing else', () => {
    const run = extract(fixture('highwire-article.html'), '--url', 'https://journal.example.org/articles/1');
    expect(run.status).toBe(0);
    const papers = JSON.parse(run.stdout) as { title: string; pdfUrl: string; site: string }[];
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      title: 'Water splitting on H2O-rich surfaces',
      pdfUrl: 'https://journal.example.org/articles/example-2019-001.pdf',
      site: 'generic',
    });
  });

  it('prints an empty array for a page with no paper', () => {
    const run = extract('--url', 'https://www.example-publisher.com/doi/full/10.1080/1', fixture('challenge.html'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('explains its usage on stderr when the address is missing', () => {
    const run = extract(fixture('challenge.html'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--url/);
  });
});
