// Soak: 500 corrections, ten of them with PDFs of 1–10 MB, submitted while the endpoint fails at
// random (a 503 or a dropped connection on 30% of requests) and the worker is stopped three
// times mid-delivery. Ends when the popup counts every one as sent, and prints one line:
// `submitted N, delivered N, duplicates 0, lost 0`.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '../../lib/schema/correction';
import { MAX_PDF_BYTES } from '../../lib/schema/fields';
import type { QueueCounts } from '../../lib/schema/queue';
import { configureEndpoint, type ExtensionBrowser, eventually, launchExtension, stopServiceWorker } from './harness';
import {
  correctionTitled,
  openExtensionPage,
  pdfBytes,
  request,
  sha256Hex,
  stagePdf,
  submitCorrections,
  TestEndpoint,
  tallyDeliveries,
} from './queue-helpers';

const TOTAL = 500;
const PDF_COUNT = 10;
const WAVES = 5;
/** The worker is stopped after each of these waves, while it delivers them. */
const STOP_AFTER_WAVES = new Set([0, 1, 2]);
/** An impatient user presses "Retry all now" this often; the alarms do their part meanwhile. */
const RETRY_EVERY_MS = 3_000;
const DELIVERY_DEADLINE_MS = 150_000;

describe('soak: 500 corrections through random failures and worker stops', () => {
  let browser: ExtensionBrowser;
  let endpoint: TestEndpoint;

  beforeAll(async () => {
    endpoint = new TestEndpoint();
    await endpoint.start();
    browser = await launchExtension();
    await configureEndpoint(browser, { endpointUrl: endpoint.endpoint });
  });

  afterAll(async () => {
    await browser?.close({ dispose: true });
    await endpoint?.dispose();
  });

  it('delivers every correction exactly once', { timeout: 180_000 }, async () => {
    const { receiver } = endpoint;
    receiver.faults.set({ random: { seed: 42, probability: 0.3 } });

    // PDFs of 1 MB to 10 MB (the largest allowed), spread evenly over the run.
    const pdfs = new Map<string, Buffer>();
    const corrections: Correction[] = Array.from({ length: TOTAL }, (_, i) => correctionTitled(`Soak paper ${i + 1}.`));
    const pdfEvery = TOTAL / PDF_COUNT;
    for (let n = 0; n < PDF_COUNT; n++)
      pdfs.set(corrections[n * pdfEvery + 7]!.id, pdfBytes(((n + 1) * MAX_PDF_BYTES) / 10));

    // A plain extension page submits; the popup is opened at the end, as a user would check.
    const page: Page = await openExtensionPage(browser, 'form.html');
    const waveSize = TOTAL / WAVES;
    for (let wave = 0; wave < WAVES; wave++) {
      const batch = corrections.slice(wave * waveSize, (wave + 1) * waveSize);
      for (const correction of batch) {
        const bytes = pdfs.get(correction.id);
        if (bytes) correction.pdf = await stagePdf(page, correction.id, bytes);
      }
      const requestsBefore = receiver.stats().requests;
      await submitCorrections(page, batch);
      if (STOP_AFTER_WAVES.has(wave)) {
        // Stopped while this wave is going out; the next wave's messages wake it again.
        await eventually(
          async () => receiver.stats().requests,
          (requests) => requests > requestsBefore,
        );
        await stopServiceWorker(browser);
      }
    }

    let lastRetry = 0;
    let timedOut: Error | undefined;
    const counts = await eventually(
      async (): Promise<QueueCounts> => {
        if (Date.now() - lastRetry >= RETRY_EVERY_MS) {
          lastRetry = Date.now();
          await request(page, 'queue/retry', {});
        }
        return (await request(page, 'queue/list', { limit: 1 })).counts;
      },
      (current) => current.sent === TOTAL,
      DELIVERY_DEADLINE_MS,
    ).catch((error: Error) => {
      timedOut = error;
      return undefined;
    });

    const records = await receiver.records();
    const tally = tallyDeliveries(
      corrections.map((c) => c.id),
      records,
      endpoint.totals().accepted,
    );
    console.log(
      `submitted ${tally.submitted}, delivered ${tally.delivered}, duplicates ${tally.duplicates}, lost ${tally.lost.length}`,
    );
    if (timedOut)
      throw new Error(
        `Not everything was delivered within ${DELIVERY_DEADLINE_MS / 1000} s: the endpoint stored ${tally.delivered} of ${TOTAL}. ${timedOut.message}`,
      );
    expect(counts?.sent).toBe(TOTAL);
    // The run did meet failures: about 30% of requests were refused or cut off.
    expect(receiver.stats().faulted).toBeGreaterThan(0);
    expect(tally).toEqual({ submitted: TOTAL, delivered: TOTAL, duplicates: 0, lost: [], unexpected: [] });

    // Each PDF arrived whole, with the correction that describes it.
    const withPdf = records.filter((record) => record.hasPdf);
    expect(withPdf.map((record) => record.id).sort()).toEqual([...pdfs.keys()].sort());
    for (const record of withPdf)
      expect(sha256Hex((await receiver.pdf(record.id)) ?? new Uint8Array())).toBe(sha256Hex(pdfs.get(record.id)!));

    // What the user sees: everything sent, nothing waiting or needing attention.
    const popup = await openExtensionPage(browser);
    await popup.getByText(`${TOTAL} sent`).waitFor();
    await popup.getByText('0 waiting').waitFor();
    await popup.getByText('0 need attention').waitFor();
  });
});
