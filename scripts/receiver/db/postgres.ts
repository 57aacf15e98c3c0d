import pg from 'pg';
import type { Database, Queryable, SqlParam } from './database';

/** A PostgreSQL server, from a connection string such as postgresql://user@host/db. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that loses its server emits 'error'; without a listener that ends the process.
  pool.on('error', (error) => console.error('receiver: database connection lost:', error.message));
  await pool.query('SELECT 1');
  const query = async <Row>(on: pg.Pool | pg.PoolClient, sql: string, params?: readonly SqlParam[]) =>
    (await on.query(sql, params ? [...params] : undefined)).rows as Row[];
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const scoped: Queryable = { query: (sql, params) => query(client, sql, params) };
        const result = await work(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        throw error;
      } finally {
        // A client whose rollback failed is in an unknown state: drop it instead of reusing it.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
