import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/e2e/chromium-path';
import { type ExtensionBrowser, HEADLESS_ARGS, launchExtension } from '../../tests/e2e/harness';

/** The same Chromium without the extension, for side-by-side measures; `args` adds switches. */
export async function launchPlain(args: string[] = []): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'erratum-bench-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: [...HEADLESS_ARGS, ...args],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
  return context;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  return launchExtension();
}

/**
 * The floor any extension pays: an extension whose only content script is `void 0`, run at
 * document_idle on every http(s) page, built in a temporary folder. What Erratum adds is
 * measured over this, not over a browser with no extension at all.
 */
export async function launchFloor(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'erratum-floor-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script',
      version: '1.0',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'content.js'), 'void 0;\n');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'erratum-bench-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...HEADLESS_ARGS],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves every page at its real URL in a context, with `headers` added to each response. */
export async function servePages(
  context: BrowserContext,
  pages: { url: string; html: string }[],
  headers: Record<string, string> = {},
): Promise<void> {
  for (const { url, html } of pages)
    await context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers }),
    );
}

/**
 * Switches and response headers that make pages served at their real URLs cross-origin
 * isolated, where performance.now() steps by 5 µs instead of 100 µs (Chromium coarsens the
 * clock of pages that are not). Nothing in the page changes: its subresources are refused
 * either way. Isolation needs a secure context, so the http:// pages' origins count as secure.
 */
export function crossOriginIsolation(pages: { url: string }[]): { args: string[]; headers: Record<string, string> } {
  const insecure = [...new Set(pages.filter((p) => p.url.startsWith('http:')).map((p) => new URL(p.url).origin))];
  return {
    args: insecure.length > 0 ? [`--unsafely-treat-insecure-origin-as-secure=${insecure.join(',')}`] : [],
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  };
}
