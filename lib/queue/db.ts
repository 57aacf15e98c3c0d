// The only code that opens IndexedDB. Schema changes are a list of upgrade steps applied in order
// from the version a browser has, so an extension update never drops queued corrections (Workbox
// deletes its store on upgrade; we must not). To change the schema, append a step: never edit one.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { QueueStatus } from '../schema/fields';
import type { QueueItem } from '../schema/queue';

export const QUEUE_DB_NAME = 'erratum';

/** A PDF staged by the form page before its correction is queued. Kept as a Blob, never base64. */
export interface StagedPdf {
  blob: Blob;
  size: number;
  /** Lower-case hex SHA-256 of the bytes; must equal the correction's `pdf.sha256`. */
  sha256: string;
  stagedAt: number;
}

export interface QueueDbSchema extends DBSchema {
  corrections: {
    key: string;
    value: QueueItem;
    indexes: {
      /**
       * [status, nextAttemptAt]: the due items of one status, oldest first, without walking the
       * thousands of sent ones (for a `sending` item nextAttemptAt is its lease end); and, over
       * the whole range of a status, the counts per status for the popup and the badge.
       */
      'status-nextAttemptAt': [QueueStatus, number];
      /** Newest-first listing. */
      createdAt: number;
    };
  };
  pdfs: { key: string; value: StagedPdf };
}

export type QueueDb = IDBPDatabase<QueueDbSchema>;

/** The `status-nextAttemptAt` keys of the items in `status` due by `until` (all of them by default). */
export const statusRange = (status: QueueStatus, until = Infinity) =>
  IDBKeyRange.bound([status, -Infinity], [status, until]);

// Steps are typed without the schema: each describes the database as it was at its version,
// not as QueueDbSchema says it is now.
type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;
type UpgradeStep = (db: IDBPDatabase, tx: UpgradeTransaction) => void;

/** Step i upgrades a database from version i to i + 1. Append only. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // 1: the outbox and the staged PDFs.
  (db) => {
    const corrections = db.createObjectStore('corrections', { keyPath: 'id' });
    corrections.createIndex('status', 'status');
    corrections.createIndex('status-nextAttemptAt', ['status', 'nextAttemptAt']);
    corrections.createIndex('createdAt', 'createdAt');
    db.createObjectStore('pdfs');
  },
  // 2: no `status` index. Every record is also in `status-nextAttemptAt`, which counts and lists
  // a status as well; one index fewer to keep up at every delivery write.
  (_db, tx) => {
    tx.objectStore('corrections').deleteIndex('status');
  },
];

export const QUEUE_DB_VERSION = UPGRADE_STEPS.length;

let opening: Promise<QueueDb> | undefined;

/** Opens (once per worker) the outbox database, upgrading it step by step. */
export function openQueueDb(): Promise<QueueDb> {
  opening ??= openDB<QueueDbSchema>(QUEUE_DB_NAME, QUEUE_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < UPGRADE_STEPS.length; version++)
        UPGRADE_STEPS[version]?.(db as unknown as IDBPDatabase, tx as unknown as UpgradeTransaction);
    },
    // A newer extension version (an update installed while this worker runs) wants to upgrade:
    // let it, and open again next time instead of holding the old connection.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
    // The browser closed the connection (storage cleared, disk error): reopen next time.
    terminated() {
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Closes and forgets the cached connection: tests call it between fresh databases. */
export async function closeQueueDb(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}
