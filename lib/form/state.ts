import { SCALAR_FIELDS, type ScalarField } from '../schema/fields';
import type { Author, PaperMetadata } from '../schema/paper';
import { z } from '../schema/zod';

/** One row of the author list as the user edits it; `origin` is its index in the detected list. */
export const AuthorDraftSchema = z.object({
  key: z.string().max(100),
  origin: z.number().int().min(0).nullable(),
  name: z.string(),
  given: z.string(),
  family: z.string(),
  affiliations: z.array(z.string()),
  orcid: z.string(),
  removed: z.boolean(),
});
export type AuthorDraft = z.infer<typeof AuthorDraftSchema>;

/**
 * Everything the user has entered, as typed (strings, not parsed values), so that a draft
 * restores exactly what was on screen. The PDF is not here: a File cannot be kept in storage.
 */
export const FormStateSchema = z.object({
  selected: z.array(z.enum(SCALAR_FIELDS)),
  suggestions: z.partialRecord(z.enum(SCALAR_FIELDS), z.string()),
  /** In the proposed order, removed authors included (shown struck through). */
  authors: z.array(AuthorDraftSchema),
  expanded: z.array(z.string()),
  nextAuthorKey: z.number().int().min(0),
  comment: z.string(),
  evidenceUrl: z.string(),
  name: z.string(),
  email: z.string(),
  declaration: z.boolean(),
  /** Controls the user has left once: their errors show from then on. */
  touched: z.array(z.string()),
});
export type FormState = z.infer<typeof FormStateSchema>;

/** Where the user clicked on the page: that field is selected, that author expanded. */
export interface OpenAt {
  field?: string;
  authorIndex?: number;
  /** Text the reader selected on the page ("Correct with Erratum"): the field's suggested value. */
  suggestion?: string;
}

export function authorKey(index: number): string {
  return `a${index}`;
}

export function authorDraftFrom(author: Author, origin: number | null, key: string): AuthorDraft {
  return {
    key,
    origin,
    name: author.name,
    given: author.given ?? '',
    family: author.family ?? '',
    affiliations: [...author.affiliations],
    orcid: author.orcid ?? '',
    removed: false,
  };
}

function isScalarField(field: string | undefined): field is ScalarField {
  return (SCALAR_FIELDS as readonly string[]).includes(field ?? '');
}

/** Applies the click that opened the form to a state (fresh or restored from a draft). */
export function openAtSelection(state: FormState, openAt: OpenAt = {}): FormState {
  const { field, authorIndex, suggestion } = openAt;
  if (isScalarField(field)) {
    const selected = state.selected.includes(field) ? state.selected : [...state.selected, field];
    // The selection is what the reader just asked for: it wins over a draft's older suggestion.
    const suggestions = suggestion ? { ...state.suggestions, [field]: suggestion } : state.suggestions;
    return selected === state.selected && suggestions === state.suggestions
      ? state
      : { ...state, selected, suggestions };
  }
  if ((field === 'author' || field === 'authors') && authorIndex !== undefined) {
    const row = state.authors.find((author) => author.origin === authorIndex);
    if (row && !state.expanded.includes(row.key)) return { ...state, expanded: [...state.expanded, row.key] };
  }
  return state;
}

export function initialFormState(
  paper: PaperMetadata,
  submitter: { name: string; email: string },
  openAt: OpenAt = {},
): FormState {
  const state: FormState = {
    selected: [],
    suggestions: {},
    authors: paper.authors.map((author, index) => authorDraftFrom(author, index, authorKey(index))),
    expanded: [],
    nextAuthorKey: 0,
    comment: '',
    evidenceUrl: '',
    name: submitter.name,
    email: submitter.email,
    declaration: false,
    touched: [],
  };
  return openAtSelection(state, openAt);
}

/** The detected value of a field as text, or null when the page did not give one. */
export function currentValueText(paper: PaperMetadata, field: ScalarField): string | null {
  const value = paper[field];
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}
