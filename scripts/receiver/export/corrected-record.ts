import type { Correction } from '../../../lib/schema/correction';
import type { Author, PaperMetadata } from '../../../lib/schema/paper';

// The paper as it should be: the record detected on the page with the reader's corrections
// applied. Every export that describes "the corrected paper" (CSL-JSON) starts from here, so
// two formats never disagree on what the correction meant.

export function correctedRecord(correction: Correction): PaperMetadata {
  const record: PaperMetadata = { ...correction.detected };
  for (const change of correction.changes) Object.assign(record, { [change.field]: change.to });
  // The proposed list is the whole author list after every edit, removal, addition and move.
  if (correction.authorChanges.length > 0 && correction.proposedAuthors) record.authors = correction.proposedAuthors;
  return record;
}

/** Given and family names of an author: as the page gave them, or split at the last space. */
export function nameParts(author: Author): { given: string; family: string } {
  const name = author.name.replace(/\s+/g, ' ').trim();
  if (author.family?.trim())
    return {
      given: (author.given ?? '').replace(/\s+/g, ' ').trim(),
      family: author.family.replace(/\s+/g, ' ').trim(),
    };
  const cut = name.lastIndexOf(' ');
  return cut === -1 ? { given: '', family: name } : { given: name.slice(0, cut), family: name.slice(cut + 1) };
}
