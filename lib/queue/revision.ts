// A revision: an edited correction travels under a new id and names the one it replaces in
// `supersedes` (protocol 1.1). Resending an edit under the old id would be refused by an endpoint
// that had stored the first version but whose answer was lost, and the edit would never arrive.
import type { Correction } from '../schema/correction';
import type { QueueStatus } from '../schema/fields';
import type { WriteTransaction } from './transaction';

/** States in which the old revision has not left: it is withdrawn, the new one goes instead. */
const WITHDRAWABLE: readonly QueueStatus[] = ['queued', 'retrying', 'needs-attention'];

/**
 * Inside the transaction that queues `revision`: gives it the old revision's staged PDF when it
 * keeps the same file (the form cannot stage what it never read back), and withdraws the old
 * revision if it is still waiting (discarded, its PDF deleted). One in flight or already sent is
 * left as it is: the endpoint may have it, and `supersedes` tells it which one is current.
 */
export async function withdrawSuperseded(
  tx: WriteTransaction<['corrections', 'pdfs']>,
  revision: Correction,
  now: number,
): Promise<void> {
  const oldId = revision.supersedes;
  if (!oldId) return;
  const corrections = tx.objectStore('corrections');
  const pdfs = tx.objectStore('pdfs');
  if (revision.pdf && !(await pdfs.get(revision.id))) {
    const kept = await pdfs.get(oldId);
    if (kept && kept.sha256 === revision.pdf.sha256) await pdfs.put({ ...kept, stagedAt: now }, revision.id);
  }
  const old = await corrections.get(oldId);
  if (!old || !WITHDRAWABLE.includes(old.status)) return;
  await corrections.put({ ...old, status: 'discarded', leaseUntil: undefined, updatedAt: now });
  await pdfs.delete(oldId);
}
