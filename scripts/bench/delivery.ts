import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureEndpoint, type ExtensionBrowser } from '../../tests/e2e/harness';
import { openExtensionPage, request, submitCorrections } from '../../tests/e2e/queue-helpers';
import { sampleCorrection } from '../../tests/receiver/sample-correction';
import { startReceiver } from '../receiver/server';
import { launchWithExtension } from './browsers';
import type { Row } from './common';

const COUNT = 1000;
const CONCURRENCY = 4; // the delivery scheduler's

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The extension's outbox against a bare fetch loop with the same payloads, same browser, same run. */
export async function measureDelivery(): Promise<Row[]> {
  const browser: ExtensionBrowser = await launchWithExtension();
  const viaQueue = await startReceiver({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'erratum-bench-q-')) });
  const viaLoop = await startReceiver({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'erratum-bench-l-')) });
  const corrections = Array.from({ length: COUNT }, () => sampleCorrection());
  const page = await openExtensionPage(browser);
  await configureEndpoint(browser, { endpointUrl: '' });
  await submitCorrections(page, corrections, 50);

  await configureEndpoint(browser, { endpointUrl: viaQueue.endpoint });
  const queueStart = performance.now();
  await request(page, 'queue/retry', {});
  await until(() => viaQueue.stats().stored >= COUNT);
  const queueMs = performance.now() - queueStart;

  // The same bodies and headers, posted by the extension's worker with plain fetch.
  const bodies = corrections.map((correction) => ({ id: correction.id, body: JSON.stringify(correction) }));
  // Passed as source text (tsx would wrap named inner functions in a helper the worker lacks).
  const loopMs = await browser.worker.evaluate<number>(`(async () => {
    const endpoint = ${JSON.stringify(viaLoop.endpoint)};
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
  const stored = viaLoop.stats().stored;
  await browser.close({ dispose: true });
  await viaQueue.close();
  await viaLoop.close();
  const ratio = queueMs / loopMs;
  return [
    {
      measure: `Delivery of ${COUNT} queued corrections: outbox ${(queueMs / 1000).toFixed(2)} s vs bare fetch loop ${(loopMs / 1000).toFixed(2)} s (${stored} stored)`,
      value: `${ratio.toFixed(2)}×`,
      target: '≤ 1.3×',
      met: ratio <= 1.3,
    },
  ];
}
