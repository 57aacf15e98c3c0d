// `npm run bench`: what Erratum costs, measured side by side in one run. Prints a table and keeps
// the last results in docs/benchmarks.md. Never fails on timing: a missed target is said plainly.
// `npm run bench -- --only size,extraction` runs a subset.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, ROOT, type Row } from './common';
import { measureDelivery } from './delivery';
import { measureExtraction } from './extraction';
import { measureInbox } from './inbox';
import { measureMemory } from './memory';
import { measurePageCost } from './page-cost';
import { measureQueueScale } from './queue-scale';
import { measureSize } from './size';

const MEASURES: Record<string, () => Row[] | Promise<Row[]>> = {
  'page-cost': () => measurePageCost(),
  extraction: measureExtraction,
  size: measureSize,
  delivery: measureDelivery,
  'queue-scale': measureQueueScale,
  memory: measureMemory,
  inbox: measureInbox,
};

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : Object.keys(MEASURES);

const started = Date.now();
console.log(`Machine: ${machine()}`);
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
const rows: Row[] = [];
for (const name of only) {
  const measure = MEASURES[name];
  if (!measure) throw new Error(`Unknown measure "${name}"; known: ${Object.keys(MEASURES).join(', ')}`);
  process.stdout.write(`Measuring ${name}… `);
  const result = await measure();
  rows.push(...result);
  console.log('done');
}

const verdict = (row: Row) => (row.met === undefined ? '' : row.met ? 'met' : 'MISSED');
const table = [
  '| Measure | Result | Target | |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.measure} | ${row.value} | ${row.target ?? ''} | ${verdict(row)} |`),
].join('\n');
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\n${table}\n\nTook ${seconds} s.`);
const missed = rows.filter((row) => row.met === false);
if (missed.length) console.log(`Targets missed: ${missed.map((row) => row.measure).join('; ')}`);

if (only.length === Object.keys(MEASURES).length)
  writeFileSync(
    join(ROOT, 'docs', 'benchmarks.md'),
    `# Benchmarks\n\nThe last full run of \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${seconds} s).\n\nMachine: ${machine()}\n\n${table}\n\n` +
      `How each is measured (scripts/bench/):\n\n` +
      `- **Cost to the page**: every corpus page (and three generated pages that are no paper: a long article, an app shell, 5,000 links) served at its real URL with its scripts made inert, opened in three browsers in rotating order each round: no extension, an extension whose only content script is \`void 0\` at document_idle (the floor any extension pays, built in a temporary folder), and Erratum. Added main-thread time is CDP \`Performance.getMetrics\` ScriptDuration with minus without, per page the median over rounds, then median and worst over pages; "paper pages" are the corpus pages whose expected.json shows a paper or a list, "no paper" the rest. Load event (\`loadEventStart\`) and largest contentful paint (buffered PerformanceObserver) as Erratum / floor. The wait for pencils is from \`loadEventEnd\` to the first and last \`<erratum-control>\` added (a MutationObserver in the page), the page counted settled 400 ms after its load and last pencil. Long tasks: PerformanceObserver \`longtask\` entries starting after the load event, with Erratum minus the floor.\n` +
      `- **Extraction**: \`detectPapers\` bundled with esbuild and run in Chromium on each page, median of 5 runs per page after a warm-up; the median over pages. Each run is timed on its own, to 5 µs: the pages are served cross-origin isolated (COOP/COEP headers; http:// origins treated as secure), where Chromium does not coarsen \`performance.now()\` to 100 µs as it does on other pages. Same pages, runs and work as before; only the clock is finer.\n` +
      `- **Size**: the built gates (every page parses one: content.js, or its site's site-<id>.js), the readers they load on a page that could carry a paper (reader.js, reader-<id>.js), gzip -9; the form's JS and CSS, loaded on the first click.\n` +
      `- **Delivery**: 1,000 corrections queued with no endpoint set, then the endpoint set and "retry now"; until the reference endpoint stored all. Against the extension's worker posting the same kind of bodies with plain fetch, 4 at a time (the scheduler's concurrency). Rounds alternate loop, outbox, outbox, loop, each against a fresh endpoint, so a slower stretch of the run weighs on both sides.\n` +
      `- **Queue scale**: 10,000 outbox items written to IndexedDB, then the popup opened: first-contentful-paint. A 10 MB PDF staged as the form does; the profile's IndexedDB folder before and after.\n` +
      `- **Memory**: the page renderer's JS heap (content scripts live in it) after a forced GC, with Erratum minus with the empty-content-script extension, median of 3.\n` +
      `- **Inbox**: 100,000 corrections seeded into PGlite with INSERT … SELECT, then the inbox's first page fetched over HTTP with the curator token (whole body), median of 15 after a first fetch, unfiltered, by state and by title search. Throughput: 300 corrections POSTed 4 at a time to a fresh receiver, corrections per second, with the database's durable commit and with \`synchronous_commit = off\`, rounds ordered on, off, off, on; on PGlite and on a PostgreSQL server with fsync on when one is installed. PGlite 0.6 starts PostgreSQL with \`-F\` (fsync off), so its "durable" commit never waits for the disk: expect a ratio near 1 there.\n` +
      (missed.length ? `\nTargets missed in this run: ${missed.map((row) => row.measure).join('; ')}.\n` : ''),
  );
