import { authorChanges, proposedAuthors } from './form/author-changes';
import { fieldSuggestion } from './form/field-suggestion';
import type { FormState } from './form/state';
import type { Correction, PdfAttachment } from './schema/correction';
import { SCALAR_FIELDS } from './schema/fields';
import type { PaperMetadata } from './schema/paper';

export interface CorrectionMeta {
  id: string;
  /** The revision this one replaces (an edit after sending). */
  supersedes?: string;
  /** ISO 8601 time the correction was first made (kept when an edited correction is resent). */
  createdAt: string;
  paper: PaperMetadata;
  pdf?: PdfAttachment;
}

/**
 * The correction the form's state describes. Selected fields whose suggestion is empty, the same
 * as the current value, or invalid are not changes; the form does not submit while any is
 * invalid, and says beside the others that they will not be sent.
 */
export function buildCorrection(state: FormState, meta: CorrectionMeta): Correction {
  const { paper } = meta;
  const changes: Correction['changes'] = [];
  for (const field of SCALAR_FIELDS) {
    if (!state.selected.includes(field)) continue;
    const suggestion = fieldSuggestion(paper, field, state.suggestions[field]);
    if (suggestion.kind === 'change') changes.push({ field, from: suggestion.from, to: suggestion.to });
  }
  const authors = authorChanges(paper.authors, state.authors);
  const comment = state.comment.trim();
  const evidenceUrl = state.evidenceUrl.trim();
  return {
    id: meta.id,
    ...(meta.supersedes ? { supersedes: meta.supersedes } : {}),
    createdAt: meta.createdAt,
    pageUrl: paper.url,
    paper: { title: paper.title, doi: paper.doi, arxivId: paper.arxivId, pmid: paper.pmid, url: paper.url },
    detected: paper,
    changes,
    authorChanges: authors,
    ...(authors.length > 0 ? { proposedAuthors: proposedAuthors(state.authors) } : {}),
    ...(meta.pdf ? { pdf: meta.pdf } : {}),
    ...(comment ? { comment } : {}),
    ...(evidenceUrl ? { evidenceUrl } : {}),
    submitter: { name: state.name.trim(), email: state.email.trim() },
    // An unticked declaration yields `false`, which CorrectionSchema refuses before anything is sent.
    declaration: state.declaration as true,
  };
}
