import type { IDBPTransaction, StoreNames } from 'idb';
import type { QueueItem } from '../schema/queue';
import type { QueueDb, QueueDbSchema } from './db';
import { asQueueError } from './errors';

type Stores = ArrayLike<StoreNames<QueueDbSchema>>;
export type WriteTransaction<Names extends Stores> = IDBPTransaction<QueueDbSchema, Names, 'readwrite'>;

/**
 * Runs `work` in one read-write transaction and resolves once it has committed. `strict`
 * durability by default: a correction counts as queued only when it is on disk, not in an OS
 * cache. Delivery bookkeeping passes `relaxed`: should the OS lose such a write, the item is
 * only sent again under the same Idempotency-Key, which the endpoint recognises. If
 * `work` throws, the transaction is aborted so none of its writes land; a quota failure becomes
 * QueueStorageFullError. `work` must await only this transaction's requests (never a fetch):
 * IndexedDB commits a transaction as soon as it has no pending request.
 */
export async function writeTransaction<Names extends Stores, T>(
  db: QueueDb,
  stores: Names,
  work: (tx: WriteTransaction<Names>) => Promise<T>,
  durability: IDBTransactionDurability = 'strict',
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite', { durability });
  const done = tx.done;
  // Observed here so that an abort never surfaces as an unhandled rejection; awaited below.
  done.catch(() => undefined);
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted by the failing request.
    }
    throw asQueueError(error);
  }
}

/**
 * Reads one correction, lets `change` decide its next state (null: leave it as it is; throw: refuse
 * with a message), and writes it in the same transaction. A PDF is deleted here and only here,
 * when its correction becomes sent or discarded.
 */
export async function updateItem(
  db: QueueDb,
  id: string,
  change: (item: QueueItem) => QueueItem | null,
  durability: IDBTransactionDurability = 'strict',
): Promise<QueueItem | null> {
  return writeTransaction(
    db,
    ['corrections', 'pdfs'],
    async (tx) => {
      const corrections = tx.objectStore('corrections');
      const item = await corrections.get(id);
      const next = item ? change(item) : null;
      if (!next) return null;
      await corrections.put(next);
      if (next.status === 'sent' || next.status === 'discarded') await tx.objectStore('pdfs').delete(id);
      return next;
    },
    durability,
  );
}
