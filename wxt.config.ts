import { defineConfig } from 'wxt';
import { ENDPOINT_ORIGIN_PATTERNS } from './lib/schema/fields';
import { nativeBrowserForContentScripts } from './scripts/content-script-browser';
import { mergedLocaleFiles } from './scripts/locales';
import { registerGates, siteContentScripts } from './scripts/site-entrypoints';

// Chrome MV3 and Firefox builds from one config. The manifest asks for as little as it can:
// content scripts run on every page (any page may carry citation_* metadata), but network access
// is requested per endpoint origin at the moment the user saves it (optional_host_permissions).
const ENDPOINT_ORIGINS = ENDPOINT_ORIGIN_PATTERNS;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: "Correct with Erratum" on the page and on selected text (Firefox calls it menus
    // and accepts this name too). activeTab: after the reader's click on the button or the menu,
    // the address of a page no content script reaches (a PDF), for the form in a tab of its own.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'contextMenus', 'activeTab'],
    // Firefox's MV2 build has no optional_host_permissions: the same origins go in optional_permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ENDPOINT_ORIGINS }
      : { optional_permissions: ENDPOINT_ORIGINS }),
    // `icons` comes from public/icon/<size>.png (WXT); the button's grey icon from the popup's
    // manifest.default_icon, which WXT puts in either build's action.
    action: { default_title: '__MSG_extName__' },
    web_accessible_resources: [
      // The correction form is an extension page framed over the paper page: page script can
      // neither read nor style it, and it talks to the worker directly.
      // use_dynamic_url (Chrome): the form is reachable only at an address that changes every
      // session, so a page cannot frame it from a URL it guessed or kept. Firefox MV2 has no such
      // key (its moz-extension:// host is already random per install); there the worker's frame
      // check (lib/background/form-frames.ts) is what closes the form to other frames.
      {
        resources: ['form.html'],
        matches: ['<all_urls>'],
        ...(manifestVersion === 3 ? { use_dynamic_url: true } : {}),
      },
      // The panel that frames the form, imported by the content script on the first click
      // (lib/page/load-form-panel.ts); at the dynamic origin too, so a page cannot probe for it.
      {
        resources: ['form-panel.js'],
        matches: ['<all_urls>'],
        ...(manifestVersion === 3 ? { use_dynamic_url: true } : {}),
      },
      // The readers, imported by the gate content script once a page could carry a paper
      // (lib/gate/load-reader.ts); at the dynamic origin too, so a page cannot probe for them.
      {
        resources: ['content-scripts/reader*.js'],
        matches: ['<all_urls>'],
        ...(manifestVersion === 3 ? { use_dynamic_url: true } : {}),
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'",
    },
    browser_specific_settings: {
      gecko: {
        id: 'erratum@erratum.dev',
        strict_min_version: '115.0',
        // What leaves the browser: the submitter's name and email and the corrected page's
        // metadata, to the endpoint the user configured.
        data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
      },
    },
  }),
  hooks: {
    // The gates (one on every page, one per adapted site) and the readers they load: generated
    // (scripts/site-entrypoints.ts), the gates registered in the manifest from there.
    'entrypoints:resolved': (wxt, entrypoints) => {
      entrypoints.push(...siteContentScripts(wxt.config.outDir));
    },
    'build:manifestGenerated': (_wxt, manifest) => registerGates(manifest),
    // Content scripts use the browser's own promise-based API, not the polyfill (lib/native-browser.ts).
    'vite:build:extendConfig': nativeBrowserForContentScripts,
    'build:publicAssets': (_wxt, files) => {
      files.push(...mergedLocaleFiles());
    },
  },
});
