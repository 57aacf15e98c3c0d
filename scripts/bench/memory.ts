import type { BrowserContext } from 'playwright-core';
import { launchPlain, launchWithExtension, servePages } from './browsers';
import { benchPages, kb, MANY_AUTHORS_URL, manyAuthorsPage, median, type Row } from './common';

async function heapAfterSettling(context: BrowserContext, url: string, waitForControls: boolean): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (waitForControls) await page.locator('erratum-control').first().waitFor({ state: 'attached' });
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

/** The renderer's JS heap with the extension minus without it (content scripts share the renderer). */
export async function measureMemory(): Promise<Row[]> {
  const { pages } = benchPages();
  const typical = pages.find((page) => page.name.startsWith('arxiv/')) ?? pages[0]!;
  const big = { url: MANY_AUTHORS_URL, html: manyAuthorsPage(3000) };
  const withExtension = await launchWithExtension();
  const without = await launchPlain();
  for (const context of [withExtension.context, without]) await servePages(context, [typical, big]);
  const rows: Row[] = [];
  for (const [label, url] of [
    [`typical page (${typical.name})`, typical.url],
    ['3,000-author page', big.url],
  ] as const) {
    const deltas: number[] = [];
    for (let run = 0; run < 3; run++)
      deltas.push(
        (await heapAfterSettling(withExtension.context, url, true)) - (await heapAfterSettling(without, url, false)),
      );
    rows.push({ measure: `Content script heap, ${label} (with − without, median of 3)`, value: kb(median(deltas)) });
  }
  await withExtension.close({ dispose: true });
  await without.close();
  return rows;
}
