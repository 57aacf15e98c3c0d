// The user's secrets (the endpoint token, their name and email) and their form drafts, in the
// extension origin's own IndexedDB. Only the worker and extension pages run in that origin: a
// content script's indexedDB is the web page's, so no content script can open this database in
// any browser. (storage.local was closed to content scripts only by setAccessLevel, which exists
// from Chrome 140 and never in Firefox.) Worker only: the framed form's IndexedDB is partitioned
// by the page it sits in, so extension pages reach these records by message, never directly.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { FormDraft } from '../drafts';
import type { Settings } from '../schema/settings';

export const PRIVATE_DB_NAME = 'erratum-private';

export interface PrivateDbSchema extends DBSchema {
  /** One record, under SETTINGS_KEY. */
  settings: { key: string; value: Settings };
  /** Keyed by paperKey(). */
  drafts: { key: string; value: FormDraft };
  /** Bookkeeping, e.g. that storage.local was migrated. */
  meta: { key: string; value: unknown };
}

export type PrivateDb = IDBPDatabase<PrivateDbSchema>;

export const SETTINGS_KEY = 'settings';

type UpgradeStep = (db: IDBPDatabase) => void;

/** Step i upgrades the database from version i to i + 1. Append only: never drop a store. */
const UPGRADE_STEPS: readonly UpgradeStep[] = [
  (db) => {
    db.createObjectStore('settings');
    db.createObjectStore('drafts');
    db.createObjectStore('meta');
  },
];

let opening: Promise<PrivateDb> | undefined;

export function openPrivateDb(): Promise<PrivateDb> {
  opening ??= openDB<PrivateDbSchema>(PRIVATE_DB_NAME, UPGRADE_STEPS.length, {
    upgrade(db, oldVersion) {
      for (let version = oldVersion; version < UPGRADE_STEPS.length; version++)
        UPGRADE_STEPS[version]?.(db as unknown as IDBPDatabase);
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
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
export async function closePrivateDb(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}
