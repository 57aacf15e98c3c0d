import type { z } from 'zod';
import type { CorrectionSchema } from '../../lib/schema/correction';
import type { CorrectionStatus, ReviewState } from '../../lib/schema/status';
import { type Database, isUniqueViolation, type Queryable } from './db/database';

// The receiver's storage: corrections, PDFs, idempotency records and review state in PostgreSQL
// (db/migrations.ts has the schema). It knows SQL and nothing of HTTP.
//
// "In flight" across processes: an attempt holds a transaction-scoped advisory lock on its key
// (pg_try_advisory_xact_lock) from its first look at the key until it commits. A second attempt
// that cannot take the lock is in flight with another one, in this process or another, and is
// told so at once instead of waiting. The lock, unlike a claimed row with a state, is released
// by PostgreSQL itself when the transaction ends or its connection dies, so a receiver killed
// mid-store leaves no claim that blocks the retry until some lease runs out. The primary key of
// idempotency_records is still what guarantees one record per key: should two attempts ever
// both get past the lock, the second insert fails and that attempt is answered as in flight.

/** The answer given to the first delivery of a correction, replayed to every retry. */
export interface StoredAnswer {
  status: number;
  /** The receipt: `status` is the status address (receipts stored before it have none). */
  body: { id: string; url: string; status?: string };
}

export interface StoredCorrection {
  id: string;
  /** ISO time the endpoint first accepted it. */
  receivedAt: string;
  /** The correction JSON as it arrived (it passed CorrectionSchema then). */
  correction: z.input<typeof CorrectionSchema>;
  answer: StoredAnswer;
  hasPdf: boolean;
  /** The revision this one replaces, as the correction said. */
  supersedes: string | null;
  /** The stored revision that replaces this one, if any. */
  supersededBy: string | null;
  /** True while no stored revision replaces it. */
  current: boolean;
  state: ReviewState;
}

export interface NewRecord {
  id: string;
  received: unknown;
  fingerprint: string;
  /** The id of the revision this correction replaces. */
  supersedes?: string;
  pdf?: { bytes: Uint8Array; filename: string; sha256: string };
  answer: StoredAnswer;
  /** When it was first received, for records brought over from elsewhere; default now. */
  receivedAt?: string;
}

/** What became of an attempt to store a correction under its key. */
export type ReceiveOutcome =
  /** Newly stored; answer with `answer`. */
  | { kind: 'stored'; answer: StoredAnswer }
  /** The key was stored before with the same correction: answer as the first time. */
  | { kind: 'replayed'; answer: StoredAnswer }
  /** The key was stored before with a different correction. */
  | { kind: 'key-reused' }
  /** Another attempt with this key is being stored right now. */
  | { kind: 'in-flight' }
  /** `beforeCommit` asked for the transaction to be rolled back: nothing was stored. */
  | { kind: 'rolled-back' };

export interface ReceiveOptions {
  /**
   * Runs once the new correction is written, before the commit, with the key's lock still held
   * (the reference endpoint's holdThenFailNext fault); false rolls the transaction back.
   */
  beforeCommit?: () => Promise<boolean>;
}

/** Thrown inside a transaction to roll it back on `beforeCommit`'s word. */
class RollBack extends Error {}

interface CorrectionRow {
  id: string;
  received_at: Date | string;
  correction: StoredCorrection['correction'];
  answer_status: number;
  answer_body: StoredAnswer['body'];
  has_pdf: boolean;
  supersedes: string | null;
  superseded_by: string | null;
  state: ReviewState;
}

const LIST_COLUMNS = `c.id::text AS id, c.received_at, c.correction, r.answer_status, r.answer_body,
  (p.correction_id IS NOT NULL) AS has_pdf, c.supersedes::text AS supersedes,
  c.superseded_by::text AS superseded_by, c.state`;

const LIST_FROM = `corrections c
  JOIN idempotency_records r ON r.key = c.id::text
  LEFT JOIN correction_pdfs p ON p.correction_id = c.id`;

function toStored(row: CorrectionRow): StoredCorrection {
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    correction: row.correction,
    answer: { status: row.answer_status, body: row.answer_body },
    hasPdf: row.has_pdf,
    supersedes: row.supersedes,
    supersededBy: row.superseded_by,
    current: row.superseded_by === null,
    state: row.state,
  };
}

/** Ids arrive from URLs: anything that is not a UUID cannot be stored, and must not reach a uuid cast. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function insertCorrection(tx: Queryable, record: NewRecord): Promise<void> {
  // A revision that arrived before this one already names it: this one starts out replaced.
  await tx.query(
    `INSERT INTO corrections (id, correction, supersedes, superseded_by, received_at)
     VALUES ($1, $2::jsonb, $3, (SELECT id FROM corrections WHERE supersedes = $1 ORDER BY received_at DESC LIMIT 1),
       coalesce($4::timestamptz, clock_timestamp()))`,
    [record.id, JSON.stringify(record.received), record.supersedes ?? null, record.receivedAt ?? null],
  );
  if (record.supersedes)
    await tx.query('UPDATE corrections SET superseded_by = $1 WHERE id = $2', [record.id, record.supersedes]);
  if (record.pdf)
    await tx.query(
      'INSERT INTO correction_pdfs (correction_id, filename, size, sha256, bytes) VALUES ($1, $2, $3, $4, $5)',
      [record.id, record.pdf.filename, record.pdf.bytes.byteLength, record.pdf.sha256, record.pdf.bytes],
    );
  await tx.query(
    'INSERT INTO idempotency_records (key, body_sha256, answer_status, answer_body) VALUES ($1, $2, $3, $4::jsonb)',
    [record.id, record.fingerprint, record.answer.status, JSON.stringify(record.answer.body)],
  );
}

export class CorrectionStore {
  #count = 0;
  readonly #receiving = new Set<string>();

  private constructor(readonly db: Database) {}

  /** A store on an open, migrated database. */
  static async open(db: Database): Promise<CorrectionStore> {
    const store = new CorrectionStore(db);
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM corrections');
    store.#count = row?.n ?? 0;
    return store;
  }

  /**
   * Corrections in the database when this store opened plus those it stored since (other
   * processes sharing the database are not counted: `list()` has them all).
   */
  get count(): number {
    return this.#count;
  }

  /** Stores a correction once per key: the key, its correction, PDF and answer in one transaction. */
  async receive(record: NewRecord, options: ReceiveOptions = {}): Promise<ReceiveOutcome> {
    // PGlite is one connection whose transactions take turns: an attempt racing one held open
    // would wait its turn instead of hearing "in flight". Keys this store is receiving right now
    // answer that at once; the advisory lock below does it across connections and processes.
    if (this.#receiving.has(record.id)) return { kind: 'in-flight' };
    this.#receiving.add(record.id);
    try {
      return await this.#receive(record, options);
    } finally {
      this.#receiving.delete(record.id);
    }
  }

  async #receive(record: NewRecord, options: ReceiveOptions): Promise<ReceiveOutcome> {
    let outcome: ReceiveOutcome;
    try {
      outcome = await this.db.transaction(async (tx): Promise<ReceiveOutcome> => {
        // 64-bit hash of the key: two keys sharing one would only make a retry come back later.
        const [lock] = await tx.query<{ claimed: boolean }>(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS claimed',
          [record.id],
        );
        if (!lock?.claimed) return { kind: 'in-flight' };
        const [earlier] = await tx.query<{
          body_sha256: string;
          answer_status: number;
          answer_body: StoredAnswer['body'];
        }>('SELECT body_sha256, answer_status, answer_body FROM idempotency_records WHERE key = $1', [record.id]);
        if (earlier) {
          if (earlier.body_sha256 !== record.fingerprint) return { kind: 'key-reused' };
          return { kind: 'replayed', answer: { status: earlier.answer_status, body: earlier.answer_body } };
        }
        await insertCorrection(tx, record);
        if (options.beforeCommit && !(await options.beforeCommit())) throw new RollBack();
        return { kind: 'stored', answer: record.answer };
      });
    } catch (error) {
      if (error instanceof RollBack) return { kind: 'rolled-back' };
      if (isUniqueViolation(error)) return { kind: 'in-flight' };
      throw error;
    }
    if (outcome.kind === 'stored') this.#count += 1;
    return outcome;
  }

  /**
   * Stores a record kept elsewhere before (the old file store) unless its key is already
   * stored; true when it was added.
   */
  async adopt(record: NewRecord): Promise<boolean> {
    const outcome = await this.receive(record);
    return outcome.kind === 'stored';
  }

  /**
   * Changes a correction's review state, recording who and when; false when no such correction.
   * The note is for the reader, who sees it at the status address.
   */
  async review(id: string, change: { state: ReviewState; note?: string | null; actor: string }): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return this.db.transaction(async (tx) => {
      const updated = await tx.query<{ id: string }>(
        `UPDATE corrections SET state = $2, state_note = $3, state_changed_at = clock_timestamp()
         WHERE id = $1 RETURNING id::text AS id`,
        [id, change.state, change.note ?? null],
      );
      if (updated.length === 0) return false;
      await tx.query('INSERT INTO review_events (correction_id, state, note, actor) VALUES ($1, $2, $3, $4)', [
        id,
        change.state,
        change.note ?? null,
        change.actor,
      ]);
      return true;
    });
  }

  /** Every change of review state, oldest first. */
  async reviewHistory(id: string): Promise<{ state: ReviewState; note: string | null; actor: string; at: string }[]> {
    if (!UUID.test(id)) return [];
    const rows = await this.db.query<{ state: ReviewState; note: string | null; actor: string; at: Date | string }>(
      'SELECT state, note, actor, at FROM review_events WHERE correction_id = $1 ORDER BY at, id',
      [id],
    );
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }

  /** What the reader may learn of a correction: its state and the curator's note; null when unknown. */
  async status(id: string): Promise<CorrectionStatus | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query<{ state: ReviewState; note: string | null; at: Date | string }>(
      'SELECT state, state_note AS note, state_changed_at AS at FROM corrections WHERE id = $1',
      [id],
    );
    return row ? { id, state: row.state, note: row.note, updatedAt: new Date(row.at).toISOString() } : null;
  }

  /** The stored correction JSON text, or null. */
  async correctionJson(id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query<{ json: string }>(
      'SELECT correction::text AS json FROM corrections WHERE id = $1',
      [id],
    );
    return row?.json ?? null;
  }

  /** The stored PDF, or null. */
  async pdf(id: string): Promise<Uint8Array | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM correction_pdfs WHERE correction_id = $1',
      [id],
    );
    return row ? new Uint8Array(row.bytes) : null;
  }

  /** One stored correction, or null. */
  async get(id: string): Promise<StoredCorrection | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.query<CorrectionRow>(`SELECT ${LIST_COLUMNS} FROM ${LIST_FROM} WHERE c.id = $1`, [id]);
    return row ? toStored(row) : null;
  }

  /** Every stored correction, newest first. */
  async list(): Promise<StoredCorrection[]> {
    const rows = await this.db.query<CorrectionRow>(
      `SELECT ${LIST_COLUMNS} FROM ${LIST_FROM} ORDER BY c.received_at DESC, c.id DESC`,
    );
    return rows.map(toStored);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
