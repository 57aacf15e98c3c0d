import type { Correction } from '../schema/correction';
import { authorDisplayName } from './author-changes';
import { type AuthorDraft, authorDraftFrom, authorKey, type FormState, initialFormState } from './state';

/**
 * The author rows a stored correction describes, so that editing it shows what was proposed:
 * proposedAuthors in order, each matched back to its detected index, and removed authors
 * struck through near where they were.
 */
function authorRows(correction: Correction): { rows: AuthorDraft[]; nextAuthorKey: number } {
  const detected = correction.detected.authors;
  if (correction.authorChanges.length === 0 || !correction.proposedAuthors)
    return { rows: detected.map((a, i) => authorDraftFrom(a, i, authorKey(i))), nextAuthorKey: 0 };

  const removed = new Set<number>();
  const edited = new Map<number, string>();
  const added = new Set<number>();
  for (const change of correction.authorChanges) {
    if (change.kind === 'remove') removed.add(change.index);
    if (change.kind === 'edit') edited.set(change.index, change.to.name);
    if (change.kind === 'add') added.add(change.position);
  }
  const survivors = detected.map((_, i) => i).filter((i) => !removed.has(i));
  const used = new Set<number>();
  let nextAuthorKey = 0;
  const rows = correction.proposedAuthors.map((author, position): AuthorDraft => {
    if (added.has(position)) return authorDraftFrom(author, null, `n${nextAuthorKey++}`);
    // Match by proposed name first (a reorder moves names), else take the next unused survivor.
    const byName = survivors.find(
      (i) =>
        !used.has(i) &&
        (edited.get(i) ?? detected[i]?.name) === authorDisplayName({ ...author, given: '', family: '' }),
    );
    const origin = byName ?? survivors.find((i) => !used.has(i)) ?? null;
    if (origin === null) return authorDraftFrom(author, null, `n${nextAuthorKey++}`);
    used.add(origin);
    return authorDraftFrom(author, origin, authorKey(origin));
  });
  for (const index of [...removed].sort((a, b) => a - b)) {
    const author = detected[index];
    if (!author) continue;
    const row = { ...authorDraftFrom(author, index, authorKey(index)), removed: true };
    rows.splice(Math.min(index, rows.length), 0, row);
  }
  return { rows, nextAuthorKey };
}

/** The form state that would build this correction again (edit mode, from the popup). */
export function formStateFromCorrection(correction: Correction): FormState {
  const base = initialFormState(correction.detected, correction.submitter);
  const { rows, nextAuthorKey } = authorRows(correction);
  return {
    ...base,
    selected: correction.changes.map((change) => change.field),
    suggestions: Object.fromEntries(correction.changes.map((change) => [change.field, String(change.to)])),
    authors: rows,
    nextAuthorKey,
    comment: correction.comment ?? '',
    evidenceUrl: correction.evidenceUrl ?? '',
    declaration: correction.declaration,
  };
}
