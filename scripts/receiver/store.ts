import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CorrectionIdSchema, type CorrectionSchema } from '../../lib/schema/correction';

// Layout: <dataDir>/<id>/correction.json, paper.pdf (when attached), answer.json. answer.json is
// the idempotency record (the answer given and the fingerprint of what was accepted); it is
// written last, by rename, so a directory without it is a write cut short and counts as nothing
// received. Keeping it on disk is what lets a restarted endpoint recognise a retry.

/** The answer given to the first delivery of a correction, replayed to every retry. */
export interface StoredAnswer {
  status: number;
  body: { id: string; url: string };
}

interface AnswerRecord {
  receivedAt: string;
  fingerprint: string;
  answer: StoredAnswer;
  hasPdf: boolean;
}

export interface StoredCorrection {
  id: string;
  /** ISO time the endpoint first accepted it. */
  receivedAt: string;
  /** The correction JSON as it arrived (it passed CorrectionSchema then). */
  correction: z.input<typeof CorrectionSchema>;
  answer: StoredAnswer;
  hasPdf: boolean;
  /** The record's directory: correction.json and, with hasPdf, paper.pdf. */
  dir: string;
}

export interface NewRecord {
  id: string;
  received: unknown;
  fingerprint: string;
  pdf?: Uint8Array;
  answer: StoredAnswer;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export class CorrectionStore {
  #count = 0;
  /** One chain of work per key: a retry racing its first attempt waits instead of storing twice. */
  readonly #keyChains = new Map<string, Promise<unknown>>();

  private constructor(readonly dataDir: string) {}

  static async open(dataDir: string): Promise<CorrectionStore> {
    await mkdir(dataDir, { recursive: true });
    const store = new CorrectionStore(dataDir);
    store.#count = (await store.#ids()).length;
    return store;
  }

  /** How many corrections are stored. */
  get count(): number {
    return this.#count;
  }

  /** Runs `work` after any earlier work on the same key has finished. */
  /** Whether an attempt with this key is being processed right now (protocol 1.1 answers 409). */
  isInFlight(id: string): boolean {
    return this.#keyChains.has(id);
  }

  async withKey<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#keyChains.get(id) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.#keyChains.set(id, current);
    try {
      return await current;
    } finally {
      if (this.#keyChains.get(id) === current) this.#keyChains.delete(id);
    }
  }

  /** Ids are validated UUIDs before they become path segments. */
  #dir(id: string): string {
    if (!CorrectionIdSchema.safeParse(id).success) throw new Error(`Not a correction id: ${id}`);
    return join(this.dataDir, id);
  }

  async #answerRecord(id: string): Promise<AnswerRecord | null> {
    try {
      return JSON.parse(await readFile(join(this.#dir(id), 'answer.json'), 'utf8')) as AnswerRecord;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** The fingerprint and answer of an accepted correction, or null when this key is new. */
  async lookup(id: string): Promise<{ fingerprint: string; answer: StoredAnswer } | null> {
    const record = await this.#answerRecord(id);
    return record && { fingerprint: record.fingerprint, answer: record.answer };
  }

  async save(record: NewRecord): Promise<void> {
    const dir = this.#dir(record.id);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'correction.json'), `${JSON.stringify(record.received, null, 2)}\n`);
    if (record.pdf) await writeFile(join(dir, 'paper.pdf'), record.pdf);
    const answer: AnswerRecord = {
      receivedAt: new Date().toISOString(),
      fingerprint: record.fingerprint,
      answer: record.answer,
      hasPdf: record.pdf !== undefined,
    };
    await writeFile(join(dir, 'answer.json.tmp'), JSON.stringify(answer, null, 2));
    await rename(join(dir, 'answer.json.tmp'), join(dir, 'answer.json'));
    this.#count += 1;
  }

  /** The stored correction JSON text, or null. */
  async correctionJson(id: string): Promise<string | null> {
    if (!CorrectionIdSchema.safeParse(id).success || !(await this.#answerRecord(id))) return null;
    return readFile(join(this.#dir(id), 'correction.json'), 'utf8');
  }

  /** The stored PDF, or null. */
  async pdf(id: string): Promise<Uint8Array | null> {
    if (!CorrectionIdSchema.safeParse(id).success || !(await this.#answerRecord(id))?.hasPdf) return null;
    return readFile(join(this.#dir(id), 'paper.pdf'));
  }

  async #ids(): Promise<string[]> {
    const names = await readdir(this.dataDir);
    const complete = await Promise.all(
      names.map(async (name) => {
        if (!CorrectionIdSchema.safeParse(name).success) return null;
        try {
          await stat(join(this.dataDir, name, 'answer.json'));
          return name;
        } catch (error) {
          if (isMissing(error)) return null;
          throw error;
        }
      }),
    );
    return complete.filter((name): name is string => name !== null);
  }

  /** Every stored correction, newest first. */
  async list(): Promise<StoredCorrection[]> {
    const records = await Promise.all(
      (await this.#ids()).map(async (id): Promise<StoredCorrection> => {
        const dir = this.#dir(id);
        const answer = (await this.#answerRecord(id))!;
        const correction = JSON.parse(
          await readFile(join(dir, 'correction.json'), 'utf8'),
        ) as StoredCorrection['correction'];
        return { id, receivedAt: answer.receivedAt, correction, answer: answer.answer, hasPdf: answer.hasPdf, dir };
      }),
    );
    const newestFirst = (a: StoredCorrection, b: StoredCorrection) =>
      b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id);
    return records.sort(newestFirst);
  }
}
