import type { PrivateDb } from './background/private-db';
import { privateDb } from './background/private-store';
import { FormStateSchema } from './form/state';
import { CorrectionIdSchema } from './schema/correction';
import type { PaperMetadata } from './schema/paper';
import { z } from './schema/zod';

// The form saves everything the user typed as they type, so closing the panel or the tab, or a
// browser crash, loses nothing. Drafts hold the user's name and email, so they are kept in the
// worker's private IndexedDB (lib/background/private-db.ts), out of every content script's reach;
// the form, whose own IndexedDB is partitioned by the page it is framed in, saves them by message
// (draft/load, draft/save, draft/clear). The functions below run in the worker.

export const FormDraftSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  /** A PDF cannot be kept in storage; remembering that there was one lets the form say so. */
  hadPdf: z.boolean(),
  /**
   * The correction's id from the draft's first Send: sent again, the draft is the same correction
   * (the first hand-over may have been stored with its answer lost), never a second one.
   */
  correctionId: CorrectionIdSchema.optional(),
  state: FormStateSchema,
});
export type FormDraft = z.infer<typeof FormDraftSchema>;

/** FNV-1a: short, stable and synchronous; the key only needs to tell papers apart. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(16).padStart(8, '0');
}

/**
 * Names a paper the same way wherever it is read: by DOI, else arXiv id (without version),
 * else PubMed id, else a hash of its page address and title.
 */
export function paperKey(paper: Pick<PaperMetadata, 'doi' | 'arxivId' | 'pmid' | 'url' | 'title'>): string {
  if (paper.doi) return `doi:${paper.doi.toLowerCase()}`;
  if (paper.arxivId) return `arxiv:${paper.arxivId.replace(/v\d+$/, '')}`;
  if (paper.pmid) return `pmid:${paper.pmid}`;
  return `page:${hash(`${paper.url.replace(/#.*$/, '')}#${paper.title ?? ''}`)}`;
}

type Db = () => Promise<PrivateDb>;

/** The saved draft, or null when there is none or it no longer fits the form (an older version). */
export async function loadDraft(key: string, db: Db = privateDb): Promise<FormDraft | null> {
  const stored: unknown = await (await db()).get('drafts', key);
  if (stored === undefined) return null;
  const parsed = FormDraftSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function saveDraft(key: string, draft: FormDraft, db: Db = privateDb): Promise<void> {
  await (await db()).put('drafts', draft, key);
}

export async function clearDraft(key: string, db: Db = privateDb): Promise<void> {
  await (await db()).delete('drafts', key);
}
