import type { Correction } from '../schema/correction';
import { QueueError } from './errors';
import type { WriteTransaction } from './transaction';

/**
 * Checks, inside the transaction that queues `correction`, that the PDF it promises is the one
 * staged under its id (same size and hash). A correction without a PDF takes away any file staged
 * for it earlier, so nothing unreferenced stays behind.
 */
export async function checkAttachment(tx: WriteTransaction<['corrections', 'pdfs']>, correction: Correction) {
  const pdfs = tx.objectStore('pdfs');
  const staged = await pdfs.get(correction.id);
  if (!correction.pdf) {
    if (staged) await pdfs.delete(correction.id);
    return;
  }
  if (!staged) throw new QueueError('The attached PDF is no longer available; attach it again.');
  if (staged.size !== correction.pdf.size || staged.sha256 !== correction.pdf.sha256)
    throw new QueueError('The attached PDF is not the file this correction describes; attach it again.');
}
