import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Each UI area keeps its strings in locales/<lang>/<area>.json as { key: "text" } so that
// areas can be edited independently; the build merges them into the browser's
// _locales/<lang>/messages.json format. "$1".."$9" are substitutions (browser.i18n.getMessage).
const localesDir = join(import.meta.dirname, '..', 'locales');

export function readLocaleCatalogs(): Record<string, Record<string, string>> {
  const catalogs: Record<string, Record<string, string>> = {};
  for (const lang of readdirSync(localesDir)) {
    const merged: Record<string, string> = {};
    for (const file of readdirSync(join(localesDir, lang)).sort()) {
      if (!file.endsWith('.json')) continue;
      const entries = JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')) as Record<string, string>;
      for (const [key, text] of Object.entries(entries)) {
        if (key in merged) throw new Error(`locales/${lang}/${file}: key "${key}" is defined twice`);
        merged[key] = text;
      }
    }
    catalogs[lang] = merged;
  }
  return catalogs;
}

export function mergedLocaleFiles(): { relativeDest: string; contents: string }[] {
  return Object.entries(readLocaleCatalogs()).map(([lang, entries]) => ({
    relativeDest: `_locales/${lang}/messages.json`,
    contents: JSON.stringify(
      Object.fromEntries(Object.entries(entries).map(([key, message]) => [key, { message }])),
      null,
      1,
    ),
  }));
}
