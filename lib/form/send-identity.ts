// Which correction a Send makes: its id, the revision it supersedes and its creation time. A
// second Send of the same thing must be the same correction (same id, same body), so that a
// correction stored with its answer lost is recognised, never doubled; an edit is a new revision.

export interface SendIdentity {
  id: string;
  supersedes?: string;
}

/** The time a UUIDv7 (RFC 9562) was made, from its first 48 bits: the same for every Send. */
export function createdAtOf(id: string): string {
  const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  return new Date(ms).toISOString();
}

export interface IdentityInput {
  /** A new id, used unless the draft's earlier Send is repeated unchanged. */
  freshId: string;
  /** Edit mode: the correction the form was opened to fix. */
  editingId?: string;
  /** The id a restored draft was sent under, and whether the form still holds what was sent. */
  restored?: { correctionId?: string; unchanged: boolean };
}

/**
 * A restored draft sent again unchanged is the correction it was (its hand-over may have gone
 * through); changed, it is a new revision of it. Otherwise a fresh id, superseding the edited
 * correction in edit mode.
 */
export function chooseIdentity({ freshId, editingId, restored }: IdentityInput): SendIdentity {
  const earlier = restored?.correctionId;
  if (earlier && restored.unchanged) return { id: earlier, ...(editingId ? { supersedes: editingId } : {}) };
  const supersedes = earlier ?? editingId;
  return { id: freshId, ...(supersedes ? { supersedes } : {}) };
}
