// `npm start`: build the extension, start the local reference endpoint and the demo pages, and
// open Chromium with the extension loaded and its endpoint preset to the local one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo/server';
import { sitePages } from './demo/site-pages';
import { startReceiver } from './receiver/server';

const root = join(import.meta.dirname, '..');
const extensionDir = join(root, '.output', 'chrome-mv3');
const dataDir = join(root, '.data');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
mkdirSync(dataDir, { recursive: true });
const receiver = await startReceiver({ port: 8787, dataDir: join(dataDir, 'receiver'), log: true });
const demo = await startDemoServer(8788);
console.log(
  `\nReference endpoint: ${receiver.endpoint}\nWhat arrived:       ${receiver.url}\nDemo pages:         ${demo.url}\n`,
);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(chromePath)) {
  console.log(
    [
      hasDisplay
        ? `No Chromium at ${chromePath} (install Debian's: apt-get install chromium, or set CHROME_PATH).`
        : 'No display: not opening a browser.',
      'Load the extension by hand: open chrome://extensions, switch on Developer mode, "Load unpacked",',
      `and pick ${extensionDir}. Then in Erratum's options set the endpoint to ${receiver.endpoint}`,
      `and open ${demo.url}. The servers keep running until you press Ctrl+C.`,
    ].join('\n'),
  );
} else {
  const context = await chromium.launchPersistentContext(join(dataDir, 'profile'), {
    executablePath: chromePath,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-first-run'],
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Settings live in the worker's private database: ask it as the options page does, and point
  // an unconfigured profile at the local endpoint (an endpoint the user chose is kept).
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate(async (endpoint) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome.runtime;
    const current = (await runtime.sendMessage({ type: 'settings/get', payload: {} })) as {
      ok: boolean;
      value?: { endpointUrl: string };
    };
    if (!current.ok || !current.value || current.value.endpointUrl) return;
    await runtime.sendMessage({
      type: 'settings/save',
      payload: { settings: { ...current.value, endpointUrl: endpoint } },
    });
  }, receiver.endpoint);
  await options.close();
  for (const { url, html } of sitePages())
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demo.url);
  console.log('Chromium is open with Erratum loaded. Close it or press Ctrl+C to stop.');
  context.on('close', () => process.exit(0));
}

process.on('SIGINT', async () => {
  await receiver.close();
  demo.server.close();
  process.exit(0);
});
