import { normaliseOrcid } from '../identifiers';
import type { AuthorChange } from '../schema/correction';
import type { Author } from '../schema/paper';
import { type AuthorDraft, authorDraftFrom } from './state';

/** The name a row stands for: the display name, else given + family. */
export function authorDisplayName(draft: Pick<AuthorDraft, 'name' | 'given' | 'family'>): string {
  return draft.name.trim() || [draft.given.trim(), draft.family.trim()].filter(Boolean).join(' ');
}

/** The author a row proposes, trimmed and without empty parts. */
export function authorFromDraft(draft: AuthorDraft): Author {
  const author: Author = {
    name: authorDisplayName(draft),
    affiliations: draft.affiliations.map((line) => line.trim()).filter(Boolean),
  };
  if (draft.given.trim()) author.given = draft.given.trim();
  if (draft.family.trim()) author.family = draft.family.trim();
  if (draft.orcid.trim()) author.orcid = normaliseOrcid(draft.orcid);
  return author;
}

function sameAuthor(a: Author, b: Author): boolean {
  return (
    a.name === b.name &&
    a.given === b.given &&
    a.family === b.family &&
    a.orcid === b.orcid &&
    a.affiliations.length === b.affiliations.length &&
    a.affiliations.every((line, i) => line === b.affiliations[i])
  );
}

/** True when the user changed anything about a detected author (whitespace aside). */
export function isAuthorEdited(draft: AuthorDraft, detected: Author): boolean {
  const untouched = authorFromDraft(authorDraftFrom(detected, draft.origin, draft.key));
  return !sameAuthor(authorFromDraft(draft), untouched);
}

/** The author list as proposed: removed rows left out, added rows with a name kept. */
export function proposedAuthors(drafts: AuthorDraft[]): Author[] {
  return drafts.filter((draft) => !draft.removed && authorDisplayName(draft) !== '').map(authorFromDraft);
}

/**
 * The author changes, by index in the detected list: edits and removals in detected order,
 * additions at their position in the proposed list, and one reorder when the detected authors
 * that remain are no longer in their detected order.
 */
export function authorChanges(detected: Author[], drafts: AuthorDraft[]): AuthorChange[] {
  const changes: AuthorChange[] = [];
  const byOrigin = [...drafts].filter((d) => d.origin !== null).sort((a, b) => (a.origin ?? 0) - (b.origin ?? 0));
  for (const draft of byOrigin) {
    const index = draft.origin ?? 0;
    const from = detected[index];
    if (!from) continue;
    if (draft.removed) changes.push({ kind: 'remove', index, author: from });
    else if (isAuthorEdited(draft, from)) changes.push({ kind: 'edit', index, from, to: authorFromDraft(draft) });
  }
  const kept = drafts.filter((draft) => !draft.removed && authorDisplayName(draft) !== '');
  kept.forEach((draft, position) => {
    if (draft.origin === null) changes.push({ kind: 'add', position, author: authorFromDraft(draft) });
  });
  const keptOrigins = kept.flatMap((draft) => (draft.origin === null ? [] : [draft.origin]));
  const reordered = keptOrigins.some((origin, i) => i > 0 && origin < (keptOrigins[i - 1] ?? 0));
  if (reordered)
    changes.push({ kind: 'reorder', from: detected.map((a) => a.name), to: kept.map((d) => authorDisplayName(d)) });
  return changes;
}
