import { browser } from 'wxt/browser';
import type { FormPanel } from '@/components/inline/form-panel';

// The panel that holds the correction form (components/inline/form-panel.ts, with the page dock)
// is needed only once the reader clicks a pencil, so it is not in the content script that every
// paper page parses: it is a script of its own (entrypoints/form-panel.ts, built to
// /form-panel.js), imported on the first click. import() of an extension file from a content
// script runs it in the content script's own world (never the page's), needs no permission and
// no worker, and works the same in Chrome MV3 and Firefox MV2. The file is web-accessible (so
// the import may load it): in Chrome only at the per-session dynamic origin that runtime.getURL
// gives (use_dynamic_url), so a page cannot probe for it; Firefox's origin is random per install.
//
// An IIFE script exports nothing, so it hands its class over through a property of this world's
// global object, which the page's own script cannot see.

export const FORM_PANEL_GLOBAL = '__erratumFormPanel';
export const FORM_PANEL_SCRIPT = '/form-panel.js';

type FormPanelClass = typeof FormPanel;

let loading: Promise<FormPanelClass> | undefined;

/** The FormPanel class, loading its script on first use; a failed load is tried again next time. */
export function loadFormPanel(): Promise<FormPanelClass> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(FORM_PANEL_SCRIPT)).then(() => {
    const panel = (globalThis as Record<string, unknown>)[FORM_PANEL_GLOBAL] as FormPanelClass | undefined;
    if (!panel) throw new Error('The correction panel did not load.');
    return panel;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
