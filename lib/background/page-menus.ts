import { SCALAR_FIELDS, type ScalarField } from '../schema/fields';
import type { CorrectPageRequest } from '../schema/messages';
import { MAX_SUGGESTION_CHARS } from '../schema/messages';
import type { Translate } from './toolbar-state';

// "Correct with Erratum" in the page's context menu. On the page: the same as the popup's
// "Correct this page". On selected text: a submenu of the fields, and the form opens at the one
// the reader picks with the selection as its suggested value.

export const MENU_CORRECT_PAGE = 'erratum-correct-page';
export const MENU_CORRECT_SELECTION = 'erratum-correct-selection';
const FIELD_ITEM_PREFIX = `${MENU_CORRECT_SELECTION}:`;

type MenuContext = 'page' | 'frame' | 'link' | 'image' | 'selection';

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
  parentId?: string;
}

export function fieldLabelKey(field: ScalarField): string {
  return `formField${field[0]?.toUpperCase()}${field.slice(1)}`;
}

export function pageMenuItems(t: Translate): MenuItem[] {
  return [
    { id: MENU_CORRECT_PAGE, title: t('menuCorrectPage'), contexts: ['page', 'frame', 'link', 'image'] },
    { id: MENU_CORRECT_SELECTION, title: t('menuCorrectSelection'), contexts: ['selection'] },
    ...SCALAR_FIELDS.map((field) => ({
      id: FIELD_ITEM_PREFIX + field,
      parentId: MENU_CORRECT_SELECTION,
      title: t(fieldLabelKey(field)),
      contexts: ['selection'] as [MenuContext],
    })),
  ];
}

/** What a click on one of our items asks for; null for an item that is not ours. */
export function menuRequest(info: { menuItemId: string | number; selectionText?: string }): CorrectPageRequest | null {
  const id = String(info.menuItemId);
  if (id === MENU_CORRECT_PAGE) return {};
  if (!id.startsWith(FIELD_ITEM_PREFIX)) return null;
  const field = id.slice(FIELD_ITEM_PREFIX.length) as ScalarField;
  if (!SCALAR_FIELDS.includes(field)) return null;
  // The browser hands over the selection with its line breaks folded; keep what is left as is.
  const suggestion = info.selectionText?.trim().slice(0, MAX_SUGGESTION_CHARS);
  return suggestion ? { field, suggestion } : { field };
}
