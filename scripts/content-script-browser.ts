import { join } from 'node:path';
import type { WxtHooks } from 'wxt';

/** The module content scripts get for `wxt/browser` (why: see its header). */
export const NATIVE_BROWSER = join(import.meta.dirname, '..', 'lib', 'native-browser.ts');

/**
 * The scripts that run in a content script's world: the gates the manifest runs ('content',
 * 'site-<id>'), the readers they import ('reader', 'reader-<id>'; scripts/site-entrypoints.ts) and
 * the panel a reader imports on the first click ('form-panel', lib/page/load-form-panel.ts). All
 * are unlisted scripts to WXT.
 */
const CONTENT_WORLD_SCRIPT = /^(content|site-[\w-]+|reader(-[\w-]+)?|form-panel)$/;

/**
 * WXT builds each content script on its own (IIFE, one Vite build per script), so a resolve rule
 * added to those builds reaches the content scripts only, WXT's own ContentScriptContext
 * included, and the unlisted scripts of that world; every other build keeps the polyfill.
 */
export const nativeBrowserForContentScripts: WxtHooks['vite:build:extendConfig'] = (entrypoints, config) => {
  const inContentWorld = (entry: { type: string; name: string }) =>
    entry.type === 'content-script' || (entry.type === 'unlisted-script' && CONTENT_WORLD_SCRIPT.test(entry.name));
  if (entrypoints.length === 0 || !entrypoints.every(inContentWorld)) return;
  // What every paper page parses before a click has a size budget (tests/e2e/bundle-size.e2e.ts):
  // terser's two passes make the readers about 1.7 % smaller gzipped than Vite's default (oxc)
  // minifier, measured on reader-ieee.js (20,535 -> 20,190 bytes).
  config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
  config.resolve ??= {};
  const alias = config.resolve.alias ?? {};
  // Array aliases apply the first match; in an object the key set last wins.
  config.resolve.alias = Array.isArray(alias)
    ? [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...alias]
    : { ...alias, 'wxt/browser': NATIVE_BROWSER };
};
