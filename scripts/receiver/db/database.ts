// The receiver's whole view of a database: the same SQL runs on PGlite (embedded) and on a
// PostgreSQL server, so the store is written once against this.

export type SqlParam = string | number | boolean | null | Uint8Array;

export interface Queryable {
  /** One statement, `$1`-style parameters; the rows it returns. */
  query<Row>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** 'pglite' for the embedded default, 'postgres' for a server named by DATABASE_URL. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique constraint refusing a second row with the same key. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}
