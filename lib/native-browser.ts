// The extension API as content scripts get it: the browser's own, without webextension-polyfill.
//
// Background, popup, options and form use webextension-polyfill (the @wxt-dev/webextension-polyfill
// module aliases `wxt/browser` to it). Content scripts run on every page before any click and must
// stay small (issue #3: < 20 KB gzipped), and the polyfill alone is about 2.8 KB gzipped of that.
// They need none of it: they call runtime.sendMessage, runtime.getURL, runtime.id and
// i18n.getMessage, and both targets already give those promise-based: Firefox has `browser`
// natively, and Chrome MV3's `chrome.runtime.sendMessage` returns a promise when given no callback.
// wxt.config.ts aliases `wxt/browser` to this file in content-script builds only
// (scripts/content-script-browser.ts); it is the same choice as WXT's own `wxt/browser`.
import type { browser as PolyfilledBrowser } from 'wxt/browser';

type Browser = typeof PolyfilledBrowser;

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Browser;
