import { describe, expect, it } from 'vitest';
import { readLocaleCatalogs } from '../../scripts/locales';

// Issue 18: one word for "correction" in each language, across the form, the pencils, the popup
// and the options page. Japanese says 訂正; 修正 (the other common word) must not appear.
describe('the word for a correction', () => {
  const catalogs = readLocaleCatalogs();

  it('is 訂正 everywhere in Japanese', () => {
    const mixed = Object.entries(catalogs.ja ?? {}).filter(([, text]) => text.includes('修正'));
    expect(mixed).toEqual([]);
    expect(Object.values(catalogs.ja ?? {}).filter((text) => text.includes('訂正')).length).toBeGreaterThan(20);
  });

  it('is "correction" in English, never "fix" or "erratum" as a noun for it', () => {
    const other = Object.entries(catalogs.en ?? {}).filter(([, text]) =>
      /\b(a|the|your|this) (fix|erratum)\b/i.test(text),
    );
    expect(other).toEqual([]);
  });
});
