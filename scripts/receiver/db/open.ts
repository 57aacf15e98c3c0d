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
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
