// Delivery in a real Firefox: the outbox survives an endpoint that is down and a background that
// restarts (the add-on reloaded mid-queue, as an update or about:debugging's Reload does), and the
// endpoint stores every correction exactly once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '../../../lib/schema/correction';
import { eventually } from '../harness';
import { correctionTitled, TestEndpoint, tallyDeliveries } from '../queue-helpers';
import { backgroundErrors, configureEndpoint, queueItems, request, watchBackground } from './extension-pages';
import { button, queueBadgeIs, showsText } from './finders';
import { type Context, FirefoxExtension } from './harness';

/** Backoff after a few failures is 2–8 s each, plus the alarm's own lateness. */
const DELIVERY_TIMEOUT_MS = 45_000;
const PROBE_URL = 'https://journal.example.org/articles/probe';
const PROBE_PAGE =
  '<!doctype html><meta name="citation_title" content="A Probe Paper"><meta name="citation_doi" content="10.5555/probe.1"><h1>A Probe Paper</h1>';

describe('Firefox: queued corrections are delivered once, whatever happens in between', () => {
  let browser: FirefoxExtension;
  let endpoint: TestEndpoint;

  beforeAll(async () => {
    browser = await FirefoxExtension.launch();
    endpoint = new TestEndpoint();
    await endpoint.start();
    await configureEndpoint(browser, { endpointUrl: endpoint.endpoint });
  });

  afterEach(async () => {
    const tabs = await browser.tree();
    for (const tab of tabs.slice(1)) await browser.closeTab(tab.context);
  });

  afterAll(async () => {
    await browser?.close();
    await endpoint?.dispose();
  });

  async function submit(popup: Context, corrections: Correction[]): Promise<void> {
    for (const correction of corrections) await request(browser, popup, 'correction/submit', { correction });
  }

  /** Leaves a mark on the running background page, to tell a restarted one from it. */
  async function markBackground(page: Context): Promise<void> {
    await browser.evaluate(page, async () => {
      const runtime = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<object> } } })
        .browser.runtime;
      Object.assign(await runtime.getBackgroundPage(), { __erratumTestMark: true });
    });
  }

  /**
   * Waits until the reloaded add-on runs again: its content script puts a pencil on a fresh paper
   * page only while the add-on is installed and running (extension pages opened earlier would
   * fail to load, and Firefox logs that).
   */
  async function waitForAddonBack(): Promise<void> {
    browser.route(PROBE_URL, PROBE_PAGE);
    await eventually(
      async () => {
        try {
          const tab = await browser.newTab(PROBE_URL);
          const back = await browser
            .waitFor(tab, () => document.querySelector('erratum-control'))
            .then(() => true)
            .catch(() => false);
          await browser.closeTab(tab);
          return back;
        } catch {
          return false; // a tab of the add-on's former life was discarded under us: look again
        }
      },
      (back) => back,
      60_000,
    );
  }

  /** True when the running background page is a new one, without the mark. */
  async function backgroundIsNew(page: Context): Promise<boolean> {
    return browser.evaluate(page, async () => {
      const runtime = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<object> } } })
        .browser.runtime;
      const background = (await runtime.getBackgroundPage()) as { __erratumTestMark?: boolean } | null;
      return background !== null && background.__erratumTestMark !== true;
    });
  }

  async function expectStoredOnce(ids: string[]): Promise<void> {
    const records = await eventually(
      () => endpoint.receiver.records(),
      (list) => ids.every((id) => list.some((record) => record.id === id)),
      DELIVERY_TIMEOUT_MS,
    );
    const tally = tallyDeliveries(ids, records, endpoint.totals().accepted);
    expect(tally).toMatchObject({ submitted: ids.length, delivered: ids.length, duplicates: 0, lost: [] });
  }

  it('the options page tests the connection and says what the endpoint answered', async () => {
    const options = await browser.openExtensionPage('options.html');
    await browser.waitFor(options, button, 'Test connection');
    await browser.click(options, button, 'Test connection');
    await browser.waitFor(options, showsText, 'The endpoint answered with status');
    const said = await browser.evaluate(options, () => document.body.textContent ?? '');
    expect(said).toMatch(/The endpoint answered with status 2\d\d/);
  });

  it('endpoint down: the popup shows them retrying; back up: each is delivered once and shown as sent', async () => {
    await endpoint.stop();
    const corrections = ['Firefox Down Alpha', 'Firefox Down Beta'].map((title) => correctionTitled(title));
    const popup = await browser.openExtensionPage('popup.html');
    await submit(popup, corrections);
    for (const { paper } of corrections) await browser.waitFor(popup, queueBadgeIs, paper.title ?? '', 'Retrying');
    await endpoint.start();
    await expectStoredOnce(corrections.map((c) => c.id));
    for (const { paper } of corrections) await browser.waitFor(popup, queueBadgeIs, paper.title ?? '', 'Sent');
  });

  it('the add-on reloaded mid-queue: nothing is lost, nothing is sent twice', { timeout: 150_000 }, async () => {
    await endpoint.stop();
    const corrections = ['Firefox Reload One', 'Firefox Reload Two', 'Firefox Reload Three'].map((title) =>
      correctionTitled(title),
    );
    const popup = await browser.openExtensionPage('popup.html');
    await submit(popup, corrections);
    expect((await queueItems(browser, popup)).filter((item) => corrections.some((c) => c.id === item.id))).toHaveLength(
      3,
    );
    // The background page goes away, then starts again from the outbox.
    await markBackground(popup);
    await browser.evaluate(popup, () => {
      setTimeout(() =>
        (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
      );
    });
    await waitForAddonBack();
    await endpoint.start();
    const after = await browser.openExtensionPage('popup.html');
    expect(await backgroundIsNew(after)).toBe(true);
    await watchBackground(browser, after);
    await expectStoredOnce(corrections.map((c) => c.id));
    expect(await backgroundErrors(browser, after)).toEqual([]);
  });
  it('leaves no error in the console of the page, the content script, the form or the background', async () => {
    expect(browser.consoleErrors().map((entry) => entry.text)).toEqual([]);
  });
});
