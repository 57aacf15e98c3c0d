import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/e2e/chromium-path';
import { type ExtensionBrowser, HEADLESS_ARGS, launchExtension } from '../../tests/e2e/harness';

/** The same Chromium without the extension, for side-by-side measures. */
export async function launchPlain(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'erratum-bench-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: HEADLESS_ARGS,
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
  return context;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  return launchExtension();
}

/** Serves every page at its real URL in a context. */
export async function servePages(context: BrowserContext, pages: { url: string; html: string }[]): Promise<void> {
  for (const { url, html } of pages)
    await context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
}
