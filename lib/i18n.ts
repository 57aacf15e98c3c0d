import { browser } from 'wxt/browser';

/**
 * Every user-facing string goes through the browser's i18n (locales/<lang>/*.json, merged at
 * build time), so the UI follows the browser's language. Substitutions fill $1, $2, ….
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  // WXT types getMessage from public/_locales, which we generate at build time instead.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  const text = getMessage(key, substitutions.map(String));
  return text || key;
}

/** The UI language, for number and date formatting that matches the strings. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || 'en';
}
