import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CorrectionIdSchema } from '../../lib/schema/correction';
import type { CorrectionStore } from './store';

// Before the database, the receiver kept each correction as files: <data>/<id>/correction.json,
// paper.pdf and answer.json (the idempotency record, written last). A receiver started on such a
// folder brings those records into the database, keeping their time, fingerprint and answer, so
// an upgrade loses nothing and a retry of an old delivery is still recognised. The files stay.

const AnswerFileSchema = z.object({
  receivedAt: z.iso.datetime(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  answer: z.object({ status: z.number().int(), body: z.object({ id: z.string(), url: z.string() }) }),
  hasPdf: z.boolean(),
});

const SupersedesSchema = z.object({ supersedes: CorrectionIdSchema.optional() });

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Adds the file store's complete records to the database; how many were new. */
export async function adoptLegacyFiles(dataDir: string, store: CorrectionStore): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let adopted = 0;
  for (const id of names.filter((name) => CorrectionIdSchema.safeParse(name).success)) {
    const dir = join(dataDir, id);
    const answerText = await readOptional(join(dir, 'answer.json'));
    // No answer.json: a write cut short, which the file store itself counted as not received.
    if (!answerText) continue;
    const answer = AnswerFileSchema.safeParse(JSON.parse(String(answerText)));
    const correctionText = await readOptional(join(dir, 'correction.json'));
    if (!answer.success || !correctionText) {
      console.warn(`receiver: ${dir} is not a complete stored correction; left as it is`);
      continue;
    }
    const received: unknown = JSON.parse(String(correctionText));
    const pdfBytes = answer.data.hasPdf ? await readOptional(join(dir, 'paper.pdf')) : null;
    const declared = (received as { pdf?: { name?: string; sha256?: string } }).pdf;
    const added = await store.adopt({
      id,
      received,
      fingerprint: answer.data.fingerprint,
      supersedes: SupersedesSchema.safeParse(received).data?.supersedes,
      pdf: pdfBytes
        ? { bytes: new Uint8Array(pdfBytes), filename: declared?.name ?? 'paper.pdf', sha256: declared?.sha256 ?? '' }
        : undefined,
      answer: answer.data.answer,
      receivedAt: answer.data.receivedAt,
    });
    if (added) adopted += 1;
  }
  return adopted;
}
