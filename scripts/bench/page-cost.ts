import type { BrowserContext, Page } from 'playwright-core';
import { launchPlain, launchWithExtension, servePages } from './browsers';
import { benchPages, median, ms, type Row } from './common';

const QUIET_MS = 200;

// "Settled": the load event has fired and the DOM has not changed for 200 ms. The time is when
// the last change before that quiet happened (or load, if later): inserted controls count.
const SETTLE_PROBE = `(() => {
  window.__lastMutation = 0;
  new MutationObserver(() => { window.__lastMutation = performance.now(); })
    .observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

// Passed as source text: tsx would wrap named inner functions in a helper the page lacks.
const SETTLE_WAIT = `new Promise((resolve) => {
  const check = () => {
    const load = performance.getEntriesByType('navigation')[0];
    const loaded = load && load.loadEventEnd > 0 ? load.loadEventEnd : 0;
    if (loaded && performance.now() - Math.max(loaded, window.__lastMutation) >= ${QUIET_MS})
      resolve(Math.max(loaded, window.__lastMutation));
    else setTimeout(check, 25);
  };
  check();
})`;

async function settleTime(page: Page): Promise<number> {
  return page.evaluate<number>(SETTLE_WAIT);
}

/** undefined when the page never fires load (a saved page waiting on a resource that never comes). */
async function visit(context: BrowserContext, url: string): Promise<{ settle: number; script: number } | undefined> {
  const page = await context.newPage();
  // Metrics count from Performance.enable, so it is on before the page starts.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const loaded = await page.goto(url, { waitUntil: 'load', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!loaded) {
    await page.close();
    return undefined;
  }
  const settle = await settleTime(page);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
  await cdp.detach();
  await page.close();
  return { settle, script };
}

/** Each corpus page with and without the extension, alternating, over several rounds. */
export async function measurePageCost(rounds = 2): Promise<Row[]> {
  const { pages, source } = benchPages();
  const withExtension = await launchWithExtension();
  const without = await launchPlain();
  for (const context of [withExtension.context, without]) {
    await context.addInitScript(SETTLE_PROBE);
    await servePages(context, pages);
  }
  const ratios: number[] = [];
  const extraScriptMs: number[] = [];
  const skipped = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      // Alternate which goes first, so neither always meets a warm cache.
      const first = round % 2 === 0;
      const a = first ? await visit(withExtension.context, page.url) : undefined;
      const b = await visit(without, page.url);
      const w = first ? a : await visit(withExtension.context, page.url);
      if (!w || !b) {
        skipped.add(page.name);
        continue;
      }
      ratios.push(w.settle / b.settle);
      extraScriptMs.push(Math.max(0, (w.script - b.script) * 1000));
    }
  }
  await withExtension.close({ dispose: true });
  await without.close();
  const ratio = median(ratios);
  return [
    {
      measure: `Cost to the page: load-and-settle with / without, median (${source}, ${rounds} rounds${skipped.size ? `; ${skipped.size} never fired load, left out` : ''})`,
      value: `${ratio.toFixed(3)}×`,
      target: '≤ 1.02×',
      met: ratio <= 1.02,
    },
    {
      measure: "Extension's own script time per page, median (CDP ScriptDuration, with − without)",
      value: ms(median(extraScriptMs)),
    },
  ];
}
