// Issue #16, case 6: a Send that meets a stopping service worker. Chromium then loses the
// message or its answer ("Receiving end does not exist", "message channel closed before a
// response was received"); the form must send again under the same id until the worker answers,
// say "queued" exactly once, and the endpoint must store each correction exactly once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePage, openFormAt, useFormSession } from './form-helpers';
import { type ExtensionBrowser, eventually, openPage, queueItems, wakeServiceWorker } from './harness';

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE = fixturePage('journal-article');
const SENDS = 12;
/** Stops per Send: the first hand-over and the first retries meet a worker that is stopping. */
const STOPS_PER_SEND = 3;

/**
 * Stops the extension's worker now and then each time it starts running again, `times` times in
 * all: the message that woke it (the Send, or its retry) is lost while being handled, or its
 * answer is. Returns the way to stop interfering.
 */
async function stopWorkerAsItWakes(browser: ExtensionBrowser, page: Page, times: number): Promise<() => Promise<void>> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  let left = times;
  const stop = () => {
    left--;
    return cdp.send('ServiceWorker.stopAllWorkers');
  };
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (left > 0 && ours.some((v) => v.runningStatus === 'running')) void stop().catch(() => undefined);
  });
  await stop();
  return async () => {
    left = 0;
    await cdp.detach();
  };
}

describe('a Send while the service worker is being stopped', () => {
  const session = useFormSession();

  it('is acknowledged once per Send, and each correction is stored once', async () => {
    const { browser, receiver } = session;
    const page = await openPage(browser.context, ARTICLE_URL, ARTICLE);
    const titles = Array.from({ length: SENDS }, (_, i) => `A Corrected Title, Take ${i + 1}`);

    for (const title of titles) {
      const form = await openFormAt(page, 'title');
      await form.getByLabel('Suggested correction (Title)').fill(title);
      await form.getByLabel(/I am an author of this paper/).check();
      await form.getByRole('button', { name: 'Review correction' }).click();
      // The worker stops as the Send goes out, and again each time the hand-over wakes it.
      const stopInterfering = await stopWorkerAsItWakes(browser, page, STOPS_PER_SEND);
      await form.getByRole('button', { name: 'Send correction' }).click();
      await form.getByRole('heading', { name: 'Saved in your outbox' }).waitFor({ timeout: 30_000 });
      await stopInterfering();
      // What the reader saw: queued, and no error.
      await expect(form.getByRole('alert').count()).resolves.toBe(0);
      await expect(form.getByRole('heading', { name: 'Saved in your outbox' }).count()).resolves.toBe(1);
      await form.getByRole('button', { name: 'Close' }).first().click();
      await page.locator('erratum-panel').waitFor({ state: 'detached' });
    }

    // Left stopped by the last Send, the worker delivers once something wakes it: the popup.
    await wakeServiceWorker(browser);
    const records = await eventually(
      () => receiver.records(),
      (list) => list.length >= SENDS,
      60_000,
    );
    const stored = records.map((record) => record.correction.changes.find((c) => c.field === 'title')?.to);
    expect(stored.sort()).toEqual([...titles].sort());
    expect(new Set(records.map((record) => record.id)).size).toBe(SENDS);
    // The outbox holds one item per Send, each sent: nothing doubled, nothing left behind.
    const items = await queueItems(browser);
    expect(items).toHaveLength(SENDS);
    expect(items.every((item) => item.status === 'sent')).toBe(true);
  });
});
