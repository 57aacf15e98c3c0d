// What a reader feels on a page (issue #15), side by side in one run: each page opened in three
// browsers, alternating: no extension, the empty-content-script extension (the floor any
// extension pays) and Erratum. Added main-thread time (CDP ScriptDuration) on paper pages and on
// pages that are no paper, the page's own load event and largest contentful paint, the wait from
// the load event to the pencils, and long tasks after load.
import type { BrowserContext, Page } from 'playwright-core';
import { launchFloor, launchPlain, launchWithExtension, servePages } from './browsers';
import { benchPages, generatedNegatives, median, ms, type Row, type SavedPage } from './common';

/** After the load event and the last pencil, this long without a new pencil counts as settled. */
const QUIET_MS = 400;

// Runs in the page's own world before its first byte is parsed: records when our controls
// appear, the largest contentful paint and long tasks. Passed as source text: tsx would wrap
// named inner functions in a helper the page lacks.
const PROBE = `(() => {
  const probe = (window.__probe = { pencils: [], longTasks: [], lcp: 0 });
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeName === 'ERRATUM-CONTROL') probe.pencils.push(performance.now());
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.startTime);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    if (entries.length) probe.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();`;

const SETTLED = `new Promise((resolve) => {
  const check = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const loaded = nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : 0;
    const last = Math.max(loaded, ...window.__probe.pencils);
    if (loaded && performance.now() - last >= ${QUIET_MS}) {
      const p = window.__probe;
      resolve({
        load: nav.loadEventStart,
        lcp: p.lcp,
        firstPencil: p.pencils.length ? p.pencils[0] - nav.loadEventEnd : null,
        lastPencil: p.pencils.length ? p.pencils[p.pencils.length - 1] - nav.loadEventEnd : null,
        longTasksAfterLoad: p.longTasks.filter((start) => start >= nav.loadEventStart).length,
      });
    } else setTimeout(check, 25);
  };
  check();
})`;

interface Visit {
  /** CDP ScriptDuration, ms. */
  script: number;
  load: number;
  lcp: number;
  firstPencil: number | null;
  lastPencil: number | null;
  longTasksAfterLoad: number;
}

/** undefined when the page never fires load (a saved page waiting on a resource that never comes). */
async function visit(context: BrowserContext, url: string): Promise<Visit | undefined> {
  const page: Page = await context.newPage();
  // Metrics count from Performance.enable, so it is on before the page starts.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    const loaded = await page.goto(url, { waitUntil: 'load', timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (!loaded) return undefined;
    const settled = await page.evaluate<Omit<Visit, 'script'>>(SETTLED);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
    return { script, ...settled };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

type Side = 'plain' | 'floor' | 'erratum';
type PageVisits = Record<Side, Visit[]>;

const worst = (values: number[]) => (values.length ? Math.max(...values) : Number.NaN);
const medianWorst = (values: number[]) => `${ms(median(values))} median, ${ms(worst(values))} worst`;

/** Per page, the median over rounds of `pick` (pages with no value left out). */
function perPage(visits: PageVisits[], pick: (v: PageVisits) => number[]): number[] {
  return visits
    .map((v) => median(pick(v).filter((value) => Number.isFinite(value))))
    .filter((value) => Number.isFinite(value));
}

const scriptOf = (visits: Visit[]) => visits.map((v) => v.script);
/** with − without, round by round. */
const added = (v: PageVisits, side: 'floor' | 'erratum') =>
  scriptOf(v[side]).map((script, i) => script - (v.plain[i]?.script ?? Number.NaN));

export async function measurePageCost(rounds = Number(process.env.BENCH_ROUNDS ?? 2)): Promise<Row[]> {
  const corpus = benchPages();
  // BENCH_PAGES=<part>,<part>: only the pages whose name contains one (for a short run by hand).
  const only = process.env.BENCH_PAGES?.split(',');
  const pages: SavedPage[] = [...corpus.pages, ...generatedNegatives()].filter(
    (page) => !only || only.some((part) => page.name.includes(part)),
  );
  const erratum = await launchWithExtension();
  const floor = await launchFloor();
  const plain = await launchPlain();
  const contexts: Record<Side, BrowserContext> = { plain, floor: floor.context, erratum: erratum.context };
  for (const context of Object.values(contexts)) {
    await context.addInitScript(PROBE);
    await servePages(context, pages);
  }
  const results = new Map<SavedPage, PageVisits>(pages.map((page) => [page, { plain: [], floor: [], erratum: [] }]));
  const skipped = new Set<string>();
  const orders: Side[][] = [
    ['plain', 'floor', 'erratum'],
    ['erratum', 'floor', 'plain'],
    ['floor', 'erratum', 'plain'],
  ];
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      // Rotate which goes first, so none always meets a warm cache.
      const order = orders[round % orders.length]!;
      const round_: Partial<Record<Side, Visit>> = {};
      for (const side of order) round_[side] = await visit(contexts[side], page.url);
      if (!round_.plain || !round_.floor || !round_.erratum) {
        skipped.add(page.name);
        continue;
      }
      const entry = results.get(page)!;
      for (const side of order) entry[side].push(round_[side]!);
    }
  }
  await erratum.close({ dispose: true });
  await floor.close();
  await plain.close();

  const measured = [...results].filter(([page]) => !skipped.has(page.name));
  // BENCH_VERBOSE=1: each page's median ScriptDuration over no extension, and the two added times.
  if (process.env.BENCH_VERBOSE)
    for (const [page, v] of measured)
      console.log(
        `${page.name.padEnd(60)} ${page.negative ? 'no paper' : 'paper   '} plain ${ms(median(scriptOf(v.plain)))}  floor +${ms(median(added(v, 'floor')))}  erratum +${ms(median(added(v, 'erratum')))}`,
      );
  const papers = measured.filter(([page]) => !page.negative).map(([, v]) => v);
  const negatives = measured.filter(([page]) => page.negative).map(([, v]) => v);
  const note = `${rounds} round${rounds > 1 ? 's' : ''}${skipped.size ? `; ${skipped.size} never fired load, left out: ${[...skipped].join(', ')}` : ''}`;

  const mainThread = (label: string, group: PageVisits[], target: number): Row => {
    const withErratum = perPage(group, (v) => added(v, 'erratum'));
    const withFloor = perPage(group, (v) => added(v, 'floor'));
    const over = perPage(group, (v) => added(v, 'erratum').map((a, i) => a - (added(v, 'floor')[i] ?? Number.NaN)));
    return {
      measure: `Added main-thread time per page (CDP ScriptDuration, with − without), ${label}: Erratum | empty-script floor`,
      value: `${medianWorst(withErratum)} | ${medianWorst(withFloor)} (Erratum over the floor: ${ms(median(over))} median)`,
      target: `≤ ${target} ms over the floor, median`,
      met: median(over) <= target,
    };
  };
  const ratio = (pick: (v: Visit) => number) =>
    median(
      perPage(
        measured.map(([, v]) => v),
        (v) => v.erratum.map((e, i) => pick(e) / pick(v.floor[i]!)),
      ),
    );
  const plainRatio = (pick: (v: Visit) => number) =>
    median(
      perPage(
        measured.map(([, v]) => v),
        (v) => v.plain.map((p, i) => pick(v.floor[i]!) / pick(p)),
      ),
    );
  const firstPencil = perPage(papers, (v) => v.erratum.map((e) => e.firstPencil ?? Number.NaN));
  const lastPencil = perPage(papers, (v) => v.erratum.map((e) => e.lastPencil ?? Number.NaN));
  const longTasks = (side: Side) =>
    measured.reduce((sum, [, v]) => sum + v[side].reduce((n, visit) => n + visit.longTasksAfterLoad, 0), 0);
  const loadRatio = ratio((v) => v.load);
  const lcpRatio = ratio((v) => v.lcp);
  const erratumLongTasks = longTasks('erratum') - longTasks('floor');

  return [
    mainThread(`paper pages (${corpus.source.replace(/ \(.*/, '')}: ${papers.length} pages; ${note})`, papers, 6),
    mainThread(
      `pages that are no paper (${negatives.length}: the corpus's negatives, a long article, an app shell, 5,000 links)`,
      negatives,
      0.3,
    ),
    {
      measure: `Page's load event, Erratum / floor, median over pages (floor / no extension: ${plainRatio((v) => v.load).toFixed(3)}×)`,
      value: `${loadRatio.toFixed(3)}×`,
      target: '≤ 1.02×',
      met: loadRatio <= 1.02,
    },
    {
      measure: `Largest contentful paint, Erratum / floor, median over pages (floor / no extension: ${plainRatio((v) => v.lcp).toFixed(3)}×)`,
      value: `${lcpRatio.toFixed(3)}×`,
      target: '≤ 1.02×',
      met: lcpRatio <= 1.02,
    },
    {
      measure: `Load event → first pencil, paper pages with pencils (${firstPencil.length})`,
      value: medianWorst(firstPencil),
      target: '≤ 100 ms median',
      met: median(firstPencil) <= 100,
    },
    { measure: 'Load event → last pencil (the reader’s wait), paper pages', value: medianWorst(lastPencil) },
    {
      measure: `Long tasks (≥ 50 ms) after the load event caused by Erratum, every page and round (Erratum ${longTasks('erratum')}, floor ${longTasks('floor')})`,
      value: String(Math.max(0, erratumLongTasks)),
      target: '0',
      met: erratumLongTasks <= 0,
    },
  ];
}
