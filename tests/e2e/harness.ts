import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  chromium,
  type FrameLocator,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
import { chromiumPath } from './chromium-path';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The extension's service worker (a handle that keeps working after the worker restarts). */
  worker: Worker;
  /** Closes the browser, keeping the profile (for reopen) unless `dispose` is true. */
  close(options?: { dispose?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /**
   * The browser's UI language (`ja`, `en-US`), which chrome.i18n and so the extension's strings
   * follow: passed as `--lang`, `LANGUAGE` and Playwright's locale.
   */
  locale?: string;
  /** prefers-color-scheme for every page, extension pages and the framed form included. */
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** More Chromium switches. */
  args?: string[];
}

/** Launches Debian's headless Chromium with the built extension on a (new or given) profile. */
/**
 * Chromium as root on a closed network: no sandbox, no GPU, and none of the background
 * connections this machine would refuse by the dozen at every start.
 */
export const HEADLESS_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchExtension(profileDir?: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'erratum-profile-'));
  const { locale, colorScheme, viewport, args = [] } = options;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    ...(locale ? { locale, env: { ...process.env, LANGUAGE: locale } } : {}),
    ...(colorScheme ? { colorScheme } : {}),
    ...(viewport ? { viewport } : {}),
    args: [
      ...(locale ? [`--lang=${locale}`] : []),
      ...args,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...HEADLESS_ARGS,
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  // Pages at real URLs are served from fixtures by routePage(); nothing else leaves the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir: dir,
    worker,
    async close({ dispose = false } = {}) {
      await context.close();
      if (dispose) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves `html` at a real URL (e.g. https://arxiv.org/abs/…) so site code runs as on the site. */
export async function routePage(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export async function openPage(context: BrowserContext, url: string, html: string): Promise<Page> {
  await routePage(context, url, html);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The inline control for a field (Playwright locators pierce our open shadow roots). */
export function control(page: Page, field: string, nth = 0): Locator {
  return page.locator(`erratum-control[data-erratum-field="${field}"] button`).nth(nth);
}

/**
 * The control of one author, by index in the paper's author list. On pages of thousands of
 * authors, controls beyond the first hundred are placed as the reader scrolls near them, so this
 * scrolls the author's control region into view first when asked to.
 */
export async function authorControl(page: Page, index: number, { scrollToEnd = false } = {}): Promise<Locator> {
  if (scrollToEnd) await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.locator(`erratum-control[data-erratum-field="author"][data-erratum-author="${index}"] button`);
}

/** The correction form inside the panel's iframe. */
export function formFrame(page: Page): FrameLocator {
  return page.frameLocator('erratum-panel iframe');
}

export function extensionUrl(browser: ExtensionBrowser, path: string): string {
  return `chrome-extension://${browser.extensionId}/${path.replace(/^\//, '')}`;
}

/** The slice of the `chrome` global an extension page uses to message the worker. */
interface ChromeGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Sends a request to the worker from an extension page (the options page), as the extension's
 * own pages do: through the router's zod schemas and sender check, to the real handlers. Opening
 * the page also wakes a stopped worker. Resolves to the reply's value; throws on a refusal.
 */
export async function requestFromExtensionPage<T = unknown>(
  browser: ExtensionBrowser,
  type: string,
  payload: unknown,
): Promise<T> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionUrl(browser, 'options.html'));
    const reply = (await page.evaluate(
      (message) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(message),
      { type, payload },
    )) as { ok: true; value: T } | { ok: false; error: string } | undefined;
    if (!reply?.ok) throw new Error(`${type} refused: ${reply ? reply.error : 'no answer'}`);
    return reply.value;
  } finally {
    await page.close();
  }
}

/**
 * Saves settings as the options page does (settings/save to the worker, which keeps them in its
 * private database): the same path, checks and change notifications as the user's save.
 */
export async function configureEndpoint(
  browser: ExtensionBrowser,
  settings: { endpointUrl: string; token?: string; name?: string; email?: string },
): Promise<void> {
  await requestFromExtensionPage(browser, 'settings/save', {
    settings: {
      endpointUrl: settings.endpointUrl,
      token: settings.token ?? '',
      submitter: { name: settings.name ?? 'Ada Lovelace', email: settings.email ?? 'ada@example.org' },
      disabledSites: [],
    },
  });
}

export interface StoredQueueItem {
  id: string;
  status: string;
  attempts: number;
  lastError?: { message: string };
  receipt?: { id?: string; url?: string };
}

/**
 * Reads the outbox straight from the extension's IndexedDB. Sent as source text into an extension
 * context (Chromium's worker, a Firefox extension page), so it stands alone.
 */
export function readOutbox(): Promise<StoredQueueItem[]> {
  return new Promise<StoredQueueItem[]>((resolve, reject) => {
    const open = indexedDB.open('erratum');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('corrections')) return resolve([]);
      const request = db.transaction('corrections').objectStore('corrections').getAll();
      request.onsuccess = () => {
        resolve(request.result as StoredQueueItem[]);
        db.close();
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** The outbox as the worker holds it. */
export async function queueItems(browser: ExtensionBrowser): Promise<StoredQueueItem[]> {
  return browser.worker.evaluate(readOutbox);
}

/** Polls a condition that has no event to await (IndexedDB in another context), bounded. */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`Condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

/**
 * Stops the extension's service worker as Chrome does when it is idle, and waits until it is
 * really stopped. Wake it with any extension event, e.g. by opening an extension page.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** Wakes the worker by opening an extension page that messages it (the popup). */
export async function wakeServiceWorker(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'popup.html'));
  return page;
}
