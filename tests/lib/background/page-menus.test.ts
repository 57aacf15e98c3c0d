import { describe, expect, it } from 'vitest';
import { MENU_CORRECT_PAGE, menuRequest, pageMenuItems } from '@/lib/background/page-menus';
import { SCALAR_FIELDS } from '@/lib/schema/fields';
import { CorrectPageRequestSchema } from '@/lib/schema/messages';
import { readLocaleCatalogs } from '../../../scripts/locales';

const catalogs = readLocaleCatalogs();
const t = (key: string) => catalogs.en?.[key] ?? `MISSING:${key}`;

describe('the context menu', () => {
  it('offers "Correct with Erratum" on the page and, on a selection, every field by its form label', () => {
    const items = pageMenuItems(t);
    expect(items[0]).toMatchObject({ title: 'Correct with Erratum', contexts: expect.arrayContaining(['page']) });
    const fields = items.filter((item) => item.parentId);
    expect(fields.map((item) => item.title)).toEqual(
      expect.arrayContaining(['Title', 'Abstract', 'DOI', 'arXiv ID', 'Publication date', 'PDF link']),
    );
    expect(fields).toHaveLength(SCALAR_FIELDS.length);
    expect(items.every((item) => !item.title.startsWith('MISSING'))).toBe(true);
  });

  it('has every label in Japanese too', () => {
    const ja = (key: string) => catalogs.ja?.[key] ?? `MISSING:${key}`;
    const items = pageMenuItems(ja);
    expect(items.filter((item) => item.title.startsWith('MISSING'))).toEqual([]);
    expect(items[0]?.title).toContain('訂正');
  });

  it('turns a click into the request the popup would send, the selection as the suggestion', () => {
    expect(menuRequest({ menuItemId: MENU_CORRECT_PAGE })).toEqual({});
    const picked = pageMenuItems(t).find((item) => item.title === 'DOI');
    const request = menuRequest({ menuItemId: picked?.id ?? '', selectionText: '  10.1000/xyz123 ' });
    expect(request).toEqual({ field: 'doi', suggestion: '10.1000/xyz123' });
    expect(CorrectPageRequestSchema.safeParse(request).success).toBe(true);
  });

  it('ignores items that are not ours, and fields that do not exist', () => {
    expect(menuRequest({ menuItemId: 'someone-else' })).toBeNull();
    expect(menuRequest({ menuItemId: 'erratum-correct-selection:password' })).toBeNull();
  });
});
