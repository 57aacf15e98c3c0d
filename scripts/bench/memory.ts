import type { BrowserContext } from 'playwright-core';
import { launchFloor, launchWithExtension, servePages } from './browsers';
import { benchPages, generatedNegatives, kb, MANY_AUTHORS_URL, manyAuthorsPage, median, type Row } from './common';

async function heapAfterSettling(context: BrowserContext, url: string, waitForControls: boolean): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (waitForControls) await page.locator('erratum-control').first().waitFor({ state: 'attached' });
  // The gate answers in an idle moment after load (100 ms at the latest); give it that and more.
  else await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  await page.close();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/**
 * The renderer's JS heap (content scripts live in it) after a forced GC, with Erratum minus with
 * the empty-content-script extension: what Erratum keeps over the floor any extension pays.
 */
export async function measureMemory(): Promise<Row[]> {
  const { pages } = benchPages();
  const typical = pages.find((page) => page.name.startsWith('arxiv/')) ?? pages[0]!;
  const big = { url: MANY_AUTHORS_URL, html: manyAuthorsPage(3000) };
  const article = generatedNegatives()[0]!;
  const erratum = await launchWithExtension();
  const floor = await launchFloor();
  for (const context of [erratum.context, floor.context]) await servePages(context, [typical, big, article]);
  const rows: Row[] = [];
  const cases = [
    { label: `typical paper page (${typical.name})`, url: typical.url, paper: true, target: 250 },
    { label: '3,000-author page', url: big.url, paper: true, target: undefined },
    { label: 'page that is no paper (generated long article)', url: article.url, paper: false, target: 40 },
  ];
  for (const { label, url, paper, target } of cases) {
    const deltas: number[] = [];
    for (let run = 0; run < 3; run++)
      deltas.push(
        (await heapAfterSettling(erratum.context, url, paper)) - (await heapAfterSettling(floor.context, url, false)),
      );
    const over = median(deltas);
    rows.push({
      measure: `JS heap over the empty-script floor, ${label} (Erratum − floor after GC, median of 3)`,
      value: kb(over),
      ...(target === undefined ? {} : { target: `≤ ${target} KB`, met: over <= target * 1024 }),
    });
  }
  await erratum.close({ dispose: true });
  await floor.close();
  return rows;
}
