// The outbox operations the user triggers (through the message router), answering with what the
// popup and the form show: QueueSummary. Nothing leaves the outbox before the server has
// acknowledged it: a discarded item stays, marked `discarded`.
import type { Correction } from '../schema/correction';
import type { QueueStatus } from '../schema/fields';
import type { QueueCounts, QueueItem, QueueSummary } from '../schema/queue';
import { checkAttachment } from './attachment';
import { type QueueDb, statusRange } from './db';
import { QueueError } from './errors';
import { withdrawSuperseded } from './revision';
import { sameCorrection } from './same-correction';
import { countByStatus, toSummary } from './summary';
import { updateItem, writeTransaction } from './transaction';

/** A correction the user can still change or send again: delivery stopped or is waiting. */
const RETRYABLE: readonly QueueStatus[] = ['retrying', 'needs-attention'];

/**
 * Stores a new correction as `queued`, due now. Its PDF, if it has one, must already be staged
 * (see pdf-store.ts), or kept from the revision it supersedes. Queuing the same correction twice
 * (a double click, a resent message, a second Send of the same draft) returns the item already
 * stored and writes nothing; the same id with other content is refused, never overwritten. A
 * revision (`supersedes`) withdraws the one it replaces if that one is still waiting.
 * The transaction is `strict` (writeTransaction's default): it resolves only once the browser has
 * flushed it to disk, so the form's "queued" survives a killed browser or a power cut; Chromium's
 * default, `relaxed`, may resolve while the write is still in an OS cache.
 */
export async function enqueue(db: QueueDb, correction: Correction, now = Date.now()): Promise<QueueSummary> {
  const stored = await writeTransaction(db, ['corrections', 'pdfs'], async (tx) => {
    const corrections = tx.objectStore('corrections');
    const existing = await corrections.get(correction.id);
    if (existing) {
      if (sameCorrection(existing.correction, correction)) return existing;
      throw new QueueError(ID_TAKEN_MESSAGE);
    }
    await withdrawSuperseded(tx, correction, now);
    await checkAttachment(tx, correction);
    const item: QueueItem = {
      id: correction.id,
      correction,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      hasPdf: correction.pdf !== undefined,
      createdAt: now,
      updatedAt: now,
    };
    await corrections.add(item);
    return item;
  });
  return toSummary(stored);
}

const ID_TAKEN_MESSAGE =
  'An earlier Send of this form queued a different version of this correction; change the form and send again to queue your changes as a new revision.';

export interface QueueListing {
  /** Newest first, at most `limit`. */
  items: QueueSummary[];
  counts: QueueCounts;
  total: number;
}

/** The popup's view: reads only `limit` records (newest first) and counts the rest on an index. */
export async function listSummaries(db: QueueDb, { limit }: { limit: number }): Promise<QueueListing> {
  const store = db.transaction('corrections').store;
  const items: QueueSummary[] = [];
  let cursor = limit > 0 ? await store.index('createdAt').openCursor(null, 'prev') : null;
  while (cursor) {
    items.push(toSummary(cursor.value));
    cursor = items.length < limit ? await cursor.continue() : null;
  }
  const counts = await countByStatus(store.index('status-nextAttemptAt'));
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { items, counts, total };
}

export async function getItem(db: QueueDb, id: string): Promise<QueueItem | null> {
  return (await db.get('corrections', id)) ?? null;
}

export async function getCounts(db: QueueDb): Promise<QueueCounts> {
  return countByStatus(db.transaction('corrections').store.index('status-nextAttemptAt'));
}

/**
 * Gives up on a correction: it stays listed as `discarded` and its PDF is deleted. A sent one
 * cannot be discarded (the server has it). Discarding one in flight is allowed; if that attempt
 * is then acknowledged, the item becomes `sent`, because the server did receive it (markSent).
 */
export async function discard(db: QueueDb, id: string, now = Date.now()): Promise<QueueSummary> {
  const item = await updateItem(db, id, (current) => {
    if (current.status === 'sent') throw new QueueError('This correction has already been delivered.');
    if (current.status === 'discarded') return current;
    return { ...current, status: 'discarded', leaseUntil: undefined, updatedAt: now };
  });
  if (!item) throw new QueueError('This correction is no longer in the outbox.');
  return toSummary(item);
}

/**
 * Queues the user's edit of a correction ("Fix and resend" in the popup) as a new revision: a new
 * id, `supersedes` naming the edited one (see revision.ts). Idempotent like enqueue.
 */
export async function resubmit(db: QueueDb, revision: Correction, now = Date.now()): Promise<QueueSummary> {
  if (!revision.supersedes) throw new QueueError('An edited correction must name the one it replaces.');
  if (!(await db.get('corrections', revision.supersedes)))
    throw new QueueError('The correction you edited is no longer in the outbox.');
  return enqueue(db, revision, now);
}

/** Puts `items` back in the queue, due now; their last error is history once they are queued. */
async function requeue(
  corrections: { put(item: QueueItem): Promise<unknown> },
  items: QueueItem[],
  now: number,
): Promise<number> {
  for (const item of items)
    await corrections.put({ ...item, status: 'queued', nextAttemptAt: now, lastError: undefined, updatedAt: now });
  return items.length;
}

/**
 * Queues for delivery now one item, or without an id every item, that is waiting to retry or
 * needs attention. Returns how many; an item in any other state is left alone.
 */
export async function retryNow(db: QueueDb, id?: string, now = Date.now()): Promise<number> {
  return writeTransaction(db, ['corrections'], async (tx) => {
    const corrections = tx.objectStore('corrections');
    const candidates =
      id === undefined
        ? (
            await Promise.all(
              RETRYABLE.map((status) => corrections.index('status-nextAttemptAt').getAll(statusRange(status))),
            )
          ).flat()
        : [await corrections.get(id)].filter((item) => item !== undefined);
    return requeue(
      corrections,
      candidates.filter((item) => RETRYABLE.includes(item.status)),
      now,
    );
  });
}

/**
 * After the user saves new settings: queues again the items that stopped only because of the
 * endpoint address or the token (not those the server refused for their content). Returns how many.
 */
export async function requeueSettingsProblems(db: QueueDb, now = Date.now()): Promise<number> {
  return writeTransaction(db, ['corrections'], async (tx) => {
    const corrections = tx.objectStore('corrections');
    const stuck = await corrections.index('status-nextAttemptAt').getAll(statusRange('needs-attention'));
    const kinds = ['credentials', 'config'];
    return requeue(
      corrections,
      stuck.filter((item) => kinds.includes(item.lastError?.kind ?? '')),
      now,
    );
  });
}

/** Every correction, oldest first, for the user to keep or inspect (PDFs are not included). */
export async function exportAll(db: QueueDb): Promise<QueueItem[]> {
  return db.getAllFromIndex('corrections', 'createdAt');
}
