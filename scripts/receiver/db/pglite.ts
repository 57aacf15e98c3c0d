import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, SqlParam } from './database';

/**
 * PGlite is one connection. Its own transaction lock does not stop a plain query from another
 * request running inside an open transaction, so every query and transaction here takes turns.
 */
class Turns {
  #last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#last.catch(() => undefined).then(work);
    this.#last = next;
    return next;
  }
}

/** The embedded database, its files in `dataDir` (created when missing). */
export async function openPglite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  // pg_trgm: the inbox's title search (migration 3).
  const pg = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const turns = new Turns();
  const query = async <Row>(on: Pick<PGlite, 'query'>, sql: string, params?: readonly SqlParam[]) =>
    (await on.query<Row>(sql, params ? [...params] : undefined)).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => turns.run(() => query(pg, sql, params)),
    transaction: (work) =>
      turns.run(() =>
        pg.transaction((tx) => {
          const scoped: Queryable = { query: (sql, params) => query(tx, sql, params) };
          return work(scoped);
        }),
      ),
    close: () => turns.run(() => pg.close()),
  };
}
