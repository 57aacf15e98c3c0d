// Staged PDFs. The form hands the worker the file (pdf/stage) before it submits the correction;
// the correction then refers to it by id, size and hash.
// A PDF leaves the store only once its correction is sent or discarded, or as an orphan whose
// correction never arrived.

import { sha256Hex } from '../pdf';
import type { QueueStatus } from '../schema/fields';
import { MAX_PDF_BYTES } from '../schema/fields';
import type { QueueDb, StagedPdf } from './db';
import { QueueError } from './errors';
import { writeTransaction } from './transaction';

/** Statuses in which the user may still change a correction, and so its PDF. */
const EDITABLE_STATUSES: readonly QueueStatus[] = ['needs-attention', 'retrying'];

export { sha256Hex };

/**
 * Stores `blob` under the correction id it will travel with, replacing a PDF staged earlier for a
 * correction not yet queued (or being edited); the file a queued correction already has is
 * accepted again and changes nothing. The hash is checked here, before the transaction:
 * the endpoint receives it with the correction and may verify the bytes against it.
 */
export async function stagePdf(db: QueueDb, id: string, blob: Blob, sha256: string, now = Date.now()): Promise<void> {
  if (blob.size === 0) throw new QueueError('The PDF file is empty.');
  if (blob.size > MAX_PDF_BYTES)
    throw new QueueError(`The PDF is larger than ${MAX_PDF_BYTES / (1024 * 1024)} MB; attach a smaller file.`);
  const actual = await sha256Hex(blob);
  if (actual !== sha256.toLowerCase())
    throw new QueueError('The PDF changed while it was being read; attach it again.');
  await writeTransaction(db, ['corrections', 'pdfs'], async (tx) => {
    const item = await tx.objectStore('corrections').get(id);
    // The form stages again when it sends the same correction again (its first hand-over may have
    // gone through unanswered): the same file for a queued correction is nothing to do.
    if (item && item.correction.pdf?.sha256 === actual && !EDITABLE_STATUSES.includes(item.status)) return;
    if (item && !EDITABLE_STATUSES.includes(item.status))
      throw new QueueError('This correction is already in the outbox; its PDF can no longer be replaced.');
    const staged: StagedPdf = { blob, size: blob.size, sha256: actual, stagedAt: now };
    await tx.objectStore('pdfs').put(staged, id);
  });
}

export async function getPdf(db: QueueDb, id: string): Promise<StagedPdf | undefined> {
  return db.get('pdfs', id);
}

/**
 * Removes a staged PDF the user took back before submitting. A PDF that belongs to a correction
 * still on its way is kept: the correction would go out without the file it promises (to drop
 * the attachment of a correction being edited, resubmit it without `pdf`).
 */
export async function deletePdf(db: QueueDb, id: string): Promise<void> {
  await writeTransaction(db, ['corrections', 'pdfs'], async (tx) => {
    const item = await tx.objectStore('corrections').get(id);
    if (item && item.status !== 'sent' && item.status !== 'discarded')
      throw new QueueError('This PDF belongs to a correction that has not been sent yet.');
    await tx.objectStore('pdfs').delete(id);
  });
}

/**
 * Deletes PDFs staged more than `olderThanMs` ago whose correction never arrived (the form was
 * closed after choosing a file), and any left behind by a sent or discarded one. Returns how many.
 */
export async function sweepOrphanPdfs(db: QueueDb, olderThanMs: number, now = Date.now()): Promise<number> {
  return writeTransaction(db, ['corrections', 'pdfs'], async (tx) => {
    const corrections = tx.objectStore('corrections');
    let removed = 0;
    let cursor = await tx.objectStore('pdfs').openCursor();
    while (cursor) {
      const old = cursor.value.stagedAt <= now - olderThanMs;
      const item = old ? await corrections.get(cursor.key) : undefined;
      if (old && (!item || item.status === 'sent' || item.status === 'discarded')) {
        await cursor.delete();
        removed++;
      }
      cursor = await cursor.continue();
    }
    return removed;
  });
}
