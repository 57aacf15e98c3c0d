import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Correction, PdfAttachment } from '../../lib/schema/correction';
import { type Receiver, type ReceiverOptions, startReceiver } from '../../scripts/receiver/server';
import type { TestDatabase } from './databases';

export interface TestReceiver extends Receiver {
  dataDir: string;
  /** The PostgreSQL server database it stores in; undefined on PGlite (in dataDir). */
  databaseUrl: string | undefined;
  /** Closes the receiver and deletes its data. */
  dispose(): Promise<void>;
}

/**
 * A receiver on a free port of 127.0.0.1 with a fresh temporary data directory and, given a
 * `database`, a fresh database there (unless `databaseUrl` names one, as on a restart).
 */
export async function startReceiverForTest(
  options: Partial<ReceiverOptions> & { database?: TestDatabase } = {},
): Promise<TestReceiver> {
  const { database, ...rest } = options;
  const dataDir = rest.dataDir ?? (await mkdtemp(join(tmpdir(), 'erratum-receiver-')));
  // A restart names the database it had (or keeps dataDir); only a new receiver gets a fresh one.
  const restart = rest.databaseUrl !== undefined || rest.dataDir !== undefined;
  const databaseUrl = restart ? rest.databaseUrl : (await database?.fresh(dataDir))?.databaseUrl;
  const receiver = await startReceiver({ port: 0, ...rest, dataDir, databaseUrl });
  return {
    ...receiver,
    dataDir,
    databaseUrl,
    async dispose() {
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface DeliveryOptions {
  /** Default: the correction id. null sends no Idempotency-Key. */
  key?: string | null;
  token?: string;
  headers?: Record<string, string>;
}

function deliveryHeaders(correction: { id: string }, options: DeliveryOptions): Record<string, string> {
  const key = options.key === undefined ? correction.id : options.key;
  return {
    ...(key === null ? {} : { 'Idempotency-Key': key }),
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };
}

/** POSTs a correction as application/json, the way the extension does without a PDF. */
export function postJson(endpoint: string, correction: unknown, options: DeliveryOptions = {}): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...deliveryHeaders(correction as Correction, options) },
    body: typeof correction === 'string' ? correction : JSON.stringify(correction),
  });
}

/** POSTs a correction and a file as multipart/form-data (parts `correction` and `pdf`). */
export function postMultipart(
  endpoint: string,
  correction: Correction,
  file: Uint8Array,
  options: DeliveryOptions & { fileType?: string; fileName?: string } = {},
): Promise<Response> {
  const form = new FormData();
  form.append('correction', JSON.stringify(correction));
  const blob = new Blob([new Uint8Array(file)], { type: options.fileType ?? 'application/pdf' });
  form.append('pdf', blob, options.fileName ?? 'paper.pdf');
  return fetch(endpoint, { method: 'POST', headers: deliveryHeaders(correction, options), body: form });
}

/** A file that starts like a PDF, `size` bytes long. */
export function pdfBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + 7) % 256;
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
}

/** The `pdf` field that describes `bytes`. */
export function pdfAttachment(bytes: Uint8Array, name = 'paper.pdf'): PdfAttachment {
  return { name, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** What a delivery came to, with a dropped connection as 'dropped' instead of a throw. */
export async function outcomeOf(delivery: Promise<Response>): Promise<number | 'dropped'> {
  try {
    const response = await delivery;
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    if (error instanceof TypeError) return 'dropped';
    throw error;
  }
}
