// Test data for the outbox and delivery: valid corrections and staged PDFs.
import { afterEach } from 'vitest';
import { closeQueueDb, openQueueDb, type QueueDb } from '../../../lib/queue/db';
import { sha256Hex } from '../../../lib/queue/pdf-store';
import { type Correction, CorrectionSchema, type PdfAttachment } from '../../../lib/schema/correction';
import { sampleCorrection as projectSample } from '../../receiver/sample-correction';

/** A UUIDv7 whose time part is `ms` and whose random part is `n`: ordered like real ones. */
export function uuidv7(ms: number, n = 0): string {
  const time = ms.toString(16).padStart(12, '0');
  const rand = n.toString(16).padStart(15, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-8${rand.slice(3, 6)}-${rand.slice(6, 15).padStart(12, '0')}`;
}

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

/**
 * The project's sample correction (a fresh UUIDv7 id per call), checked against the schema so
 * that the overrides tests pass (a PDF attachment) are valid too.
 */
export function sampleCorrection(overrides: Partial<Correction> = {}): Correction {
  return CorrectionSchema.parse(projectSample(overrides));
}

/** A small PDF-looking Blob with distinct bytes per `seed`. */
export function pdfBlob(seed = 1, size = 2048): Blob {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < size; i++) bytes[i] = (i * 31 + seed) % 256;
  return new Blob([bytes], { type: 'application/pdf' });
}

export async function attachmentFor(blob: Blob, name = 'paper.pdf'): Promise<PdfAttachment> {
  return { name, size: blob.size, sha256: await sha256Hex(blob) };
}

export const ENDPOINT = 'https://corrections.example.org/erratum';

/** A fresh database per test (tests/setup.ts gives each test a new IDBFactory). */
export function useQueueDb(): () => Promise<QueueDb> {
  afterEach(() => closeQueueDb());
  return openQueueDb;
}
