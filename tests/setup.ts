import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closePrivateDb } from '../lib/background/private-db';
import { readLocaleCatalogs } from '../scripts/locales';

// Components call browser.i18n.getMessage, which fakeBrowser leaves unmocked: answer from the
// real catalogs, in English unless a test sets `globalThis.__testLocale = 'ja'`.
const catalogs = readLocaleCatalogs();
declare global {
  var __testLocale: string | undefined;
}

function getMessage(key: string, substitutions?: string | string[]): string {
  const catalog = catalogs[globalThis.__testLocale ?? 'en'] ?? {};
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const text = catalog[key] ?? '';
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(async () => {
  fakeBrowser.reset();
  // The settings and drafts database is opened once per worker: each test opens its own.
  await closePrivateDb();
  globalThis.indexedDB = new IDBFactory();
  globalThis.__testLocale = undefined;
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => globalThis.__testLocale ?? 'en';
});
