import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { configureEndpoint, type ExtensionBrowser } from '../../tests/e2e/harness';
import { openExtensionPage, request, submitCorrections } from '../../tests/e2e/queue-helpers';
import { sampleCorrection } from '../../tests/receiver/sample-correction';
import { startReceiver } from '../receiver/server';
import { launchWithExtension } from './browsers';
import type { Row } from './common';

const COUNT = 1000;
const CONCURRENCY = 4; // the delivery scheduler's
/** Rounds in the order loop, outbox, outbox, loop: a slower stretch of the run weighs on both alike. */
const ORDER = ['loop', 'outbox', 'outbox', 'loop'] as const;

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const freshReceiver = () => startReceiver({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'erratum-bench-')) });

/** COUNT corrections queued with no endpoint set, then the endpoint set and "retry now": until all are stored. */
async function viaOutbox(browser: ExtensionBrowser, page: Page): Promise<{ ms: number; stored: number }> {
  const receiver = await freshReceiver();
  await configureEndpoint(browser, { endpointUrl: '' });
  await submitCorrections(
    page,
    Array.from({ length: COUNT }, () => sampleCorrection()),
    50,
  );
  await configureEndpoint(browser, { endpointUrl: receiver.endpoint });
  const start = performance.now();
  await request(page, 'queue/retry', {});
  await until(() => receiver.stats().stored >= COUNT);
  const ms = performance.now() - start;
  const { stored } = receiver.stats();
  await receiver.close();
  return { ms, stored };
}

/** The same kind of bodies and headers, posted by the extension's worker with plain fetch. */
async function viaFetchLoop(browser: ExtensionBrowser): Promise<{ ms: number; stored: number }> {
  const receiver = await freshReceiver();
  const bodies = Array.from({ length: COUNT }, () => {
    const correction = sampleCorrection();
    return { id: correction.id, body: JSON.stringify(correction) };
  });
  // Passed as source text (tsx would wrap named inner functions in a helper the worker lacks).
  const ms = await browser.worker.evaluate<number>(`(async () => {
    const endpoint = ${JSON.stringify(receiver.endpoint)};
    const bodies = ${JSON.stringify(bodies)};
    const start = performance.now();
    let next = 0;
    const post = async () => {
      while (next < bodies.length) {
        const { id, body } = bodies[next++];
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
          body,
        });
        await response.text();
      }
    };
    await Promise.all(Array.from({ length: ${CONCURRENCY} }, post));
    return performance.now() - start;
  })()`);
  const { stored } = receiver.stats();
  await receiver.close();
  return { ms, stored };
}

/** The extension's outbox against a bare fetch loop with the same payloads, same browser, same run. */
export async function measureDelivery(): Promise<Row[]> {
  const browser: ExtensionBrowser = await launchWithExtension();
  const page = await openExtensionPage(browser);
  const totals = { outbox: 0, loop: 0 };
  const rounds: string[] = [];
  let allStored = true;
  for (const side of ORDER) {
    const { ms, stored } = side === 'outbox' ? await viaOutbox(browser, page) : await viaFetchLoop(browser);
    totals[side] += ms;
    allStored &&= stored === COUNT;
    rounds.push(`${side} ${(ms / 1000).toFixed(2)} s`);
  }
  await browser.close({ dispose: true });
  const ratio = totals.outbox / totals.loop;
  const outboxRounds = ORDER.filter((side) => side === 'outbox').length;
  const loopRounds = ORDER.length - outboxRounds;
  return [
    {
      measure:
        `Delivery of ${COUNT} queued corrections: outbox ${(totals.outbox / outboxRounds / 1000).toFixed(2)} s vs ` +
        `bare fetch loop ${(totals.loop / loopRounds / 1000).toFixed(2)} s, mean of ${outboxRounds} rounds each ` +
        `(${rounds.join(', ')}; ${allStored ? `all ${COUNT} stored every round` : 'NOT ALL STORED'})`,
      value: `${ratio.toFixed(2)}×`,
      target: '≤ 1.3×',
      met: allStored && ratio <= 1.3,
    },
  ];
}
