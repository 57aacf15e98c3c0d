import type { ScalarField } from '../schema/fields';
import { type AuthorDraft, type FormState, type OpenAt, openAtSelection } from './state';

export type TextSetting = 'comment' | 'evidenceUrl' | 'name' | 'email';
export type AuthorText = 'name' | 'given' | 'family' | 'orcid';

export type FormAction =
  | { type: 'toggleField'; field: ScalarField }
  | { type: 'suggest'; field: ScalarField; value: string }
  | { type: 'set'; key: TextSetting; value: string }
  | { type: 'declare'; value: boolean }
  | { type: 'touch'; target: string }
  | { type: 'toggleAuthor'; key: string }
  | { type: 'editAuthor'; key: string; part: AuthorText; value: string }
  | { type: 'setAffiliation'; key: string; index: number; value: string }
  | { type: 'addAffiliation'; key: string }
  | { type: 'removeAffiliation'; key: string; index: number }
  | { type: 'removeAuthor'; key: string }
  | { type: 'undoRemoveAuthor'; key: string }
  | { type: 'addAuthor' }
  | { type: 'moveAuthor'; key: string; to: number }
  | { type: 'replace'; state: FormState; openAt?: OpenAt };

function updateAuthor(state: FormState, key: string, update: (author: AuthorDraft) => AuthorDraft): FormState {
  return { ...state, authors: state.authors.map((author) => (author.key === key ? update(author) : author)) };
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Moves one row to a new index (clamped), keeping every other row in its order. */
export function moveRow<T>(rows: T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(rows.length - 1, to));
  if (from < 0 || from >= rows.length || from === target) return rows;
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(target, 0, row as T);
  return next;
}

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'toggleField':
      return { ...state, selected: toggle(state.selected, action.field) };
    case 'suggest':
      return { ...state, suggestions: { ...state.suggestions, [action.field]: action.value } };
    case 'set':
      return { ...state, [action.key]: action.value };
    case 'declare':
      return { ...state, declaration: action.value };
    case 'touch':
      return state.touched.includes(action.target) ? state : { ...state, touched: [...state.touched, action.target] };
    case 'toggleAuthor':
      return { ...state, expanded: toggle(state.expanded, action.key) };
    case 'editAuthor':
      return updateAuthor(state, action.key, (author) => ({ ...author, [action.part]: action.value }));
    case 'setAffiliation':
      return updateAuthor(state, action.key, (author) => ({
        ...author,
        affiliations: author.affiliations.map((line, i) => (i === action.index ? action.value : line)),
      }));
    case 'addAffiliation':
      return updateAuthor(state, action.key, (author) => ({ ...author, affiliations: [...author.affiliations, ''] }));
    case 'removeAffiliation':
      return updateAuthor(state, action.key, (author) => ({
        ...author,
        affiliations: author.affiliations.filter((_, i) => i !== action.index),
      }));
    case 'removeAuthor': {
      const author = state.authors.find((a) => a.key === action.key);
      // A row the user added is simply taken away; a detected author is marked for removal.
      if (author?.origin === null)
        return {
          ...state,
          authors: state.authors.filter((a) => a.key !== action.key),
          expanded: state.expanded.filter((k) => k !== action.key),
        };
      return {
        ...updateAuthor(state, action.key, (a) => ({ ...a, removed: true })),
        expanded: state.expanded.filter((k) => k !== action.key),
      };
    }
    case 'undoRemoveAuthor':
      return updateAuthor(state, action.key, (author) => ({ ...author, removed: false }));
    case 'addAuthor': {
      const key = `n${state.nextAuthorKey}`;
      const author: AuthorDraft = {
        key,
        origin: null,
        name: '',
        given: '',
        family: '',
        affiliations: [''],
        orcid: '',
        removed: false,
      };
      return {
        ...state,
        authors: [...state.authors, author],
        expanded: [...state.expanded, key],
        nextAuthorKey: state.nextAuthorKey + 1,
      };
    }
    case 'moveAuthor': {
      const from = state.authors.findIndex((author) => author.key === action.key);
      return { ...state, authors: moveRow(state.authors, from, action.to) };
    }
    case 'replace':
      return openAtSelection(action.state, action.openAt);
  }
}
