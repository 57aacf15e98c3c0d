import { join } from 'node:path';
import type { WxtHooks } from 'wxt';

/** The module content scripts get for `wxt/browser` (why: see its header). */
export const NATIVE_BROWSER = join(import.meta.dirname, '..', 'lib', 'native-browser.ts');

/**
 * WXT builds each content script on its own (IIFE, one Vite build per script), so a resolve rule
 * added to those builds reaches the content scripts only, WXT's own ContentScriptContext
 * included; every other build keeps the polyfill.
 */
export const nativeBrowserForContentScripts: WxtHooks['vite:build:extendConfig'] = (entrypoints, config) => {
  if (entrypoints.length === 0 || !entrypoints.every((entry) => entry.type === 'content-script')) return;
  config.resolve ??= {};
  const alias = config.resolve.alias ?? {};
  // Array aliases apply the first match; in an object the key set last wins.
  config.resolve.alias = Array.isArray(alias)
    ? [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...alias]
    : { ...alias, 'wxt/browser': NATIVE_BROWSER };
};
