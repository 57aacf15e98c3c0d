import type { Author } from '../../../lib/schema/paper';

// The authors before and after a correction, each marked with what happened to it, matched by
// name: the reader's form may edit, add, remove and reorder in one go, and the curator wants to
// see the result as two lists, not a log of operations.

export type AuthorMark =
  | { kind: 'same' }
  | { kind: 'moved'; from: number }
  | { kind: 'added' }
  | { kind: 'removed' }
  | { kind: 'edited' };

export interface AuthorLine {
  name: string;
  mark: AuthorMark;
}

export function authorMoves(
  before: readonly Author[],
  after: readonly Author[],
  editedIndexes: ReadonlySet<number> = new Set(),
): { before: AuthorLine[]; after: AuthorLine[] } {
  const beforeNames = before.map((a) => a.name);
  const used = new Set<number>();
  const afterLines = after.map((author, position): AuthorLine => {
    const index = beforeNames.findIndex((name, i) => name === author.name && !used.has(i));
    if (index === -1) return { name: author.name, mark: { kind: 'added' } };
    used.add(index);
    if (index !== position) return { name: author.name, mark: { kind: 'moved', from: index + 1 } };
    return { name: author.name, mark: { kind: editedIndexes.has(index) ? 'edited' : 'same' } };
  });
  const beforeLines = before.map(
    (author, i): AuthorLine => ({ name: author.name, mark: used.has(i) ? { kind: 'same' } : { kind: 'removed' } }),
  );
  return { before: beforeLines, after: afterLines };
}
