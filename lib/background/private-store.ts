import { type LegacyArea, migrateLegacyStorage } from './legacy-storage';
import { openPrivateDb, type PrivateDb } from './private-db';

const migrations = new WeakMap<PrivateDb, Promise<void>>();

/**
 * The private database, once storage.local's old settings and drafts are in it: the first read
 * after an update already sees them, whether or not the start-up migration has finished.
 */
export async function privateDb(area?: LegacyArea): Promise<PrivateDb> {
  const db = await openPrivateDb();
  let migrated = migrations.get(db);
  if (!migrated) {
    migrated = migrateLegacyStorage(db, area);
    migrations.set(db, migrated);
    // A failed migration (storage.local unavailable) is tried again by the next read.
    migrated.catch(() => migrations.delete(db));
  }
  await migrated;
  return db;
}
