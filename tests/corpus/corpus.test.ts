// Runs every real saved page of the shared corpus (/work/shared/corpus, outside the project:
// other sites' pages are never copied in) through detectPapers and compares with what a reader
// sees on it. Prints a per-field accuracy table, every failure and the median extraction time;
// fails below the accuracy thresholds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageKind } from '../../lib/extract/types';
import type { PaperMetadata } from '../../lib/schema/paper';
import { detectPapers } from '../../lib/sites/detect';
import { parseSavedPage } from '../../scripts/extract';
import { type ComparedField, comparePaper, type ExpectedPage, type FieldResult, isNegative, looseKey } from './compare';

/**
 * Least accuracy per field: a floor raised to what the generic readers and the site adapters
 * reach together (every page right). Raise, never lower, when a change lets a number rise.
 */
const THRESHOLDS: Record<ComparedField | 'list' | 'negative', number> = {
  title: 1,
  authors: 1,
  year: 1,
  doi: 1,
  abstract: 1,
  pdf: 1,
  list: 1,
  negative: 1,
};

const CORPUS = resolve(__dirname, '../../../shared/corpus');

interface PageRun {
  name: string;
  expected: ExpectedPage;
  kind: PageKind | null;
  papers: PaperMetadata[];
  ms: number;
}

function corpusPages(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(CORPUS, dir.name))
        .filter((file) => file.endsWith('.expected.json'))
        .map((file) => `${dir.name}/${file.replace(/\.expected\.json$/, '')}`),
    )
    .sort();
}

async function runPage(name: string): Promise<PageRun> {
  const expected = JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as ExpectedPage;
  const page = parseSavedPage(readFileSync(join(CORPUS, `${name}.html`), 'utf8'), expected.url);
  const url = new URL(expected.url);
  detectPapers(page.document, url); // warm-up: the first call pays for compiling selectors
  // CPU time, not wall time: the machine is shared, and a busy neighbour is not our slowness.
  const start = process.cpuUsage();
  const { kind, papers } = detectPapers(page.document, url);
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  await page.close();
  return { name, expected, kind, papers: papers.map((p) => p.metadata), ms };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const present = existsSync(CORPUS);
if (!present)
  console.log(`Corpus test skipped: ${CORPUS} does not exist (the shared corpus lives outside the project).`);

describe('real-page corpus', () => {
  // 53 pages parsed by happy-dom take about 20 s on a busy 2-core machine: more than the default limit.
  it.skipIf(!present)(
    'reads the saved pages as a person does',
    async () => {
      const runs: PageRun[] = [];
      for (const name of corpusPages()) runs.push(await runPage(name));
      const tally = new Map<string, { ok: number; total: number }>();
      const count = (field: string, ok: boolean) => {
        const entry = tally.get(field) ?? { ok: 0, total: 0 };
        entry.total++;
        if (ok) entry.ok++;
        tally.set(field, entry);
      };
      const failures: string[] = [];
      for (const run of runs) {
        if (run.expected.kind === 'list') {
          const first = run.expected.entries?.[0]?.title;
          const ok = run.kind === 'list' && looseKey(run.papers[0]?.title) === looseKey(first);
          count('list', ok);
          if (!ok)
            failures.push(
              `${run.name} list: expected ${run.expected.entryCount} entries ("${first}"…), got kind ${run.kind} with ${run.papers.length}`,
            );
        } else if (isNegative(run.expected)) {
          const ok = run.papers.length === 0 || run.kind === 'list';
          count('negative', ok);
          if (!ok) failures.push(`${run.name} negative: expected no paper, got "${run.papers[0]?.title}"`);
        } else {
          const results: FieldResult[] = comparePaper(run.expected, run.papers[0]);
          for (const result of results) {
            count(result.field, result.ok);
            if (!result.ok)
              failures.push(
                `${run.name} ${result.field}:\n    expected ${result.expected}\n    got      ${result.got}`,
              );
          }
        }
      }
      const rows = [...tally].map(([field, { ok, total }]) => ({
        field,
        ok,
        total,
        accuracy: Number((ok / total).toFixed(3)),
      }));
      const medianMs = median(runs.map((r) => r.ms));
      // Printed, never asserted: timings depend on the machine (`npm run bench` measures in Chromium).
      console.log(`Corpus: ${runs.length} pages from ${CORPUS}; median extraction ${medianMs.toFixed(2)} ms`);
      console.table(rows);
      console.log(`Failures (${failures.length}):\n${failures.join('\n')}`);
      for (const { field, accuracy } of rows) {
        expect(accuracy, `${field} accuracy`).toBeGreaterThanOrEqual(THRESHOLDS[field as keyof typeof THRESHOLDS]);
      }
    },
    120_000,
  );
});
