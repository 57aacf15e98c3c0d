import { join } from 'node:path';
import type { Database } from './database';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseOptions {
  /** A PostgreSQL server (DATABASE_URL). Without it, PGlite keeps the data under `dataDir`. */
  databaseUrl?: string;
  /** The receiver's data folder; PGlite's files go in its `pglite/` subfolder. */
  dataDir: string;
}

/** The folder PGlite uses inside a receiver's data folder. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(pgliteDir(options.dataDir));
  try {
    await migrate(db);
    // A server's autovacuum keeps the planner's statistics current; PGlite runs no background
    // workers, so without this the planner never learns how many corrections there are and walks
    // the newest-first index for a rare title match instead of using the trigram index
    // (100,000 stored: 212 ms without, see `npm run bench -- --only inbox`).
    if (db.kind === 'pglite') await db.query('ANALYZE corrections');
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
