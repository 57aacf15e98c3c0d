import { REVIEW_STATES } from '../../../lib/schema/status';
import type { Database } from './database';

// Versioned migrations, applied in order, each once, recorded in schema_migrations. They only
// ever add (tables, columns, indexes): a migration that drops or rewrites stored data is not
// allowed (tests/receiver/migrations.test.ts checks the SQL). Never edit a released migration:
// add the next version.

export interface Migration {
  version: number;
  name: string;
  /** Statements run one by one in the migration's transaction. */
  statements: readonly string[];
}

const stateCheck = (column: string) => `CHECK (${column} IN (${REVIEW_STATES.map((s) => `'${s}'`).join(', ')}))`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'corrections, their PDFs, idempotency records and review state',
    statements: [
      // `correction` is the JSON as received. `supersedes` is the revision this one replaces;
      // `superseded_by` is set when a newer revision arrives: a correction is current while it
      // is null. Neither is a foreign key: revisions may arrive in any order.
      `CREATE TABLE corrections (
        id uuid PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        correction jsonb NOT NULL,
        supersedes uuid,
        superseded_by uuid,
        state text NOT NULL DEFAULT 'received' ${stateCheck('state')},
        state_note text,
        state_changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX corrections_newest_first ON corrections (received_at DESC, id DESC)',
      'CREATE INDEX corrections_by_supersedes ON corrections (supersedes)',
      `CREATE TABLE correction_pdfs (
        correction_id uuid PRIMARY KEY REFERENCES corrections (id),
        filename text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL
      )`,
      // The idempotency record: the key, the hash of the correction it was first sent with, and
      // the answer given then, replayed to every retry. Its primary key is what makes a second
      // store of the same key impossible, whichever process tries.
      `CREATE TABLE idempotency_records (
        key text PRIMARY KEY,
        body_sha256 text NOT NULL,
        answer_status integer NOT NULL,
        answer_body jsonb NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      // Every change of review state, with who made it and when (the inbox writes these).
      `CREATE TABLE review_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        correction_id uuid NOT NULL REFERENCES corrections (id),
        state text NOT NULL ${stateCheck('state')},
        note text,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      'CREATE INDEX review_events_by_correction ON review_events (correction_id, at)',
    ],
  },
  {
    version: 2,
    name: "the curator's inbox: newest first by state, by site and by DOI",
    statements: [
      // Each filter the inbox offers walks its own index newest first and stops after one page
      // (scripts/receiver/inbox/list-query.ts writes the same expressions).
      'CREATE INDEX corrections_by_state_newest ON corrections (state, received_at DESC, id DESC)',
      `CREATE INDEX corrections_by_site_newest ON corrections (
        (correction->'detected'->>'site'), received_at DESC, id DESC)`,
      `CREATE INDEX corrections_by_doi_newest ON corrections (
        lower(correction->'paper'->>'doi'), received_at DESC, id DESC)`,
    ],
  },
  {
    version: 3,
    name: "the curator's inbox: search by title",
    statements: [
      // A title search is ILIKE '%words%', which no b-tree serves: with 100,000 corrections and
      // few matches the newest-first walk read them all (558 ms in `npm run bench -- --only inbox`).
      // A trigram index answers it from the words. pg_trgm ships with PostgreSQL (a trusted
      // extension since 13: a database owner may create it) and with PGlite (loaded in db/pglite.ts).
      'CREATE EXTENSION IF NOT EXISTS pg_trgm',
      `CREATE INDEX corrections_by_title_trigrams ON corrections
        USING gin ((correction->'paper'->>'title') gin_trgm_ops)`,
    ],
  },
];

/** Any number: it only has to be the same in every receiver process sharing a database. */
const MIGRATION_LOCK = 0x45_72_72_61;

/**
 * Applies the migrations this database has not had. Two receivers starting at once on one
 * server take turns on an advisory lock, so each migration runs once.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newer = [...applied].filter((version) => version > known);
    if (newer.length > 0)
      throw new Error(
        `The database has schema version ${Math.max(...newer)}; this receiver knows up to ${known}: update the receiver`,
      );
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
