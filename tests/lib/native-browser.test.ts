import { afterEach, describe, expect, it, vi } from 'vitest';
import { NATIVE_BROWSER, nativeBrowserForContentScripts } from '../../scripts/content-script-browser';

// lib/native-browser.ts picks the API once, at import: each case imports it afresh.
async function importFresh() {
  vi.resetModules();
  return (await import('../../lib/native-browser')).browser;
}

describe("content scripts' extension API (lib/native-browser.ts)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is Firefox's native, promise-based `browser` where it exists", async () => {
    const firefox = { runtime: { id: 'erratum@erratum.dev' } };
    vi.stubGlobal('browser', firefox);
    vi.stubGlobal('chrome', { runtime: { id: 'erratum@erratum.dev' } });
    expect(await importFresh()).toBe(firefox);
  });

  it('is `chrome` in Chrome, whose MV3 runtime.sendMessage returns a promise', async () => {
    const chrome = { runtime: { id: 'abcdefghijklmnop' } };
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', chrome);
    expect(await importFresh()).toBe(chrome);
  });

  it('is `chrome` when a `browser` global without an extension id is about (a page-defined one)', async () => {
    const chrome = { runtime: { id: 'abcdefghijklmnop' } };
    vi.stubGlobal('browser', { runtime: {} });
    vi.stubGlobal('chrome', chrome);
    expect(await importFresh()).toBe(chrome);
  });
});

describe('the build rule that gives content scripts that API', () => {
  const POLYFILL = { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' };
  const contentScript = { type: 'content-script' } as never;
  const page = { type: 'unlisted-page' } as never;

  it('replaces the polyfill alias in a content-script build', () => {
    const config = { resolve: { alias: { ...POLYFILL, '@': '/root' } } };
    nativeBrowserForContentScripts([contentScript], config);
    expect(config.resolve.alias).toEqual({ 'wxt/browser': NATIVE_BROWSER, '@': '/root' });
  });

  it('goes first among array aliases, where the first match applies', () => {
    const config = { resolve: { alias: [{ find: 'wxt/browser', replacement: 'polyfill' }] } };
    nativeBrowserForContentScripts([contentScript], config);
    expect(config.resolve.alias[0]?.replacement).toBe(NATIVE_BROWSER);
  });

  it('leaves every other build (worker, pages) with the polyfill', () => {
    for (const group of [[page], [page, contentScript], []]) {
      const config = { resolve: { alias: { ...POLYFILL } } };
      nativeBrowserForContentScripts(group, config);
      expect(config.resolve.alias).toEqual(POLYFILL);
    }
  });
});
