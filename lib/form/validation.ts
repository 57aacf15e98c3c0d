import { isHttpUrl, isValidOrcid, normaliseOrcid } from '../identifiers';
import { SubmitterSchema } from '../schema/correction';
import { SCALAR_FIELDS, type ScalarField } from '../schema/fields';
import type { PaperMetadata } from '../schema/paper';
import { authorChanges, authorDisplayName } from './author-changes';
import { fieldSuggestion } from './field-suggestion';
import type { AuthorDraft, FormState } from './state';

/** A translatable text: a key of locales/<lang>/form.json and its substitutions. */
export interface Message {
  key: string;
  args?: string[];
}

/** One thing that keeps the form from being sent, tied to the control it concerns. */
export interface Problem {
  /** The id of the control, for aria-describedby; '' when no single control is at fault. */
  target: string;
  message: Message;
  /** What the problem is about, when the message alone does not say ("DOI", "Ada Lovelace"). */
  subject?: Message;
}

export const NOTHING_SELECTED = 'formReasonNothingSelected';

export function fieldControlId(field: ScalarField): string {
  return `field-${field}`;
}

export function authorControlId(author: AuthorDraft, part: 'name' | 'orcid'): string {
  return `author-${author.key}-${part}`;
}

export function fieldLabelKey(field: ScalarField): string {
  return `formField${field[0]!.toUpperCase()}${field.slice(1)}`;
}

/** The ORCID message for a typed value, or null when it is fine (or empty). */
export function orcidProblem(value: string): Message | null {
  const trimmed = value.trim();
  if (trimmed === '' || isValidOrcid(trimmed)) return null;
  const id = normaliseOrcid(trimmed);
  // Well-formed but failing the checksum is nearly always a mistyped digit: say so.
  if (/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id)) return { key: 'formErrorOrcidChecksum' };
  return { key: 'formErrorOrcidFormat' };
}

export function emailProblem(value: string): Message | null {
  if (value.trim() === '') return { key: 'formErrorEmailMissing' };
  return SubmitterSchema.shape.email.safeParse(value.trim()).success ? null : { key: 'formErrorEmail' };
}

export function urlProblem(value: string): Message | null {
  return value.trim() === '' || isHttpUrl(value.trim()) ? null : { key: 'formErrorUrl' };
}

function fieldProblems(state: FormState, paper: PaperMetadata): Problem[] {
  return SCALAR_FIELDS.flatMap((field) => {
    if (!state.selected.includes(field)) return [];
    const suggestion = fieldSuggestion(paper, field, state.suggestions[field]);
    if (suggestion.kind !== 'invalid') return [];
    return [
      {
        target: fieldControlId(field),
        message: { key: suggestion.messageKey },
        subject: { key: fieldLabelKey(field) },
      },
    ];
  });
}

function authorProblems(state: FormState): Problem[] {
  return state.authors.flatMap((author, index) => {
    if (author.removed) return [];
    const subject: Message = authorDisplayName(author)
      ? { key: 'formAuthorSubject', args: [authorDisplayName(author)] }
      : { key: 'formAuthorSubjectNumber', args: [String(index + 1)] };
    const problems: Problem[] = [];
    const touchedNew =
      author.origin === null && (author.given || author.family || author.orcid || author.affiliations.some(Boolean));
    if (authorDisplayName(author) === '' && (author.origin !== null || touchedNew))
      problems.push({ target: authorControlId(author, 'name'), message: { key: 'formErrorAuthorName' }, subject });
    const orcid = orcidProblem(author.orcid);
    if (orcid) problems.push({ target: authorControlId(author, 'orcid'), message: orcid, subject });
    return problems;
  });
}

/** True when the state holds at least one change that would be sent. */
export function hasRealChange(state: FormState, paper: PaperMetadata): boolean {
  const fieldChange = state.selected.some(
    (field) => fieldSuggestion(paper, field, state.suggestions[field]).kind === 'change',
  );
  return fieldChange || authorChanges(paper.authors, state.authors).length > 0;
}

/**
 * Everything that keeps the form from being sent, in the order the user should fix it: invalid
 * entries in page order and something to correct at all, then the evidence link, the submitter
 * and the declaration. The submit bar shows the first one in words.
 */
export function formProblems(state: FormState, paper: PaperMetadata): Problem[] {
  const entries = [...fieldProblems(state, paper), ...authorProblems(state)];
  const problems: Problem[] = [];
  if (!hasRealChange(state, paper)) {
    // An open author editor counts as a selection: the user is on their way to a change.
    const anySelected = state.selected.length > 0 || state.expanded.length > 0;
    const reason: Problem = { target: '', message: { key: anySelected ? 'formReasonNoRealChange' : NOTHING_SELECTED } };
    // A mistyped value is the better thing to point at than "nothing to send" (which it causes).
    if (entries.length > 0) problems.push(...entries, reason);
    else problems.push(reason);
  } else {
    problems.push(...entries);
  }
  const evidence = urlProblem(state.evidenceUrl);
  if (evidence) problems.push({ target: 'evidence-url', message: evidence, subject: { key: 'formEvidenceUrl' } });
  if (state.name.trim() === '') problems.push({ target: 'submitter-name', message: { key: 'formErrorNameMissing' } });
  const email = emailProblem(state.email);
  if (email) problems.push({ target: 'submitter-email', message: email });
  if (!state.declaration) problems.push({ target: 'declaration', message: { key: 'formErrorDeclaration' } });
  return problems;
}

export function problemFor(problems: Problem[], target: string): Problem | undefined {
  return problems.find((problem) => problem.target === target);
}
