// What the delivery and soak tests do from an extension page: submit corrections as the form
// would (a runtime message), stage PDFs where the form would put them, read what the popup shows,
// and count what the reference endpoint really stored.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RequestPayload, RequestType, ResponseMap } from '../../lib/messaging/protocol';
import type { Correction, PdfAttachment } from '../../lib/schema/correction';
import type { QueueItem } from '../../lib/schema/queue';
import { type Receiver, type StoredCorrection, startReceiver } from '../../scripts/receiver/server';
import { sampleCorrection, samplePaper } from '../receiver/sample-correction';
import { type ExtensionBrowser, extensionUrl, queueItems } from './harness';

/** The slice of the `chrome` global an extension page calls here. */
interface PageChrome {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** Opens an extension page (the popup by default), from which the background accepts every request. */
export async function openExtensionPage(browser: ExtensionBrowser, path = 'popup.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, path));
  return page;
}

/** Sends one request to the background from `page` and unwraps the answer; throws the refusal. */
export async function request<T extends RequestType>(
  page: Page,
  type: T,
  payload: RequestPayload<T>,
): Promise<ResponseMap[T]> {
  const reply = (await page.evaluate(
    (message) => (globalThis as unknown as PageChrome).chrome.runtime.sendMessage(message),
    { type, payload },
  )) as { ok: true; value: ResponseMap[T] } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`${type}: the background did not answer`);
  if (!reply.ok) throw new Error(`${type} refused: ${reply.error}`);
  return reply.value;
}

/** Submits corrections as the form does, `batch` messages at a time; resolves once all are queued. */
export async function submitCorrections(page: Page, corrections: Correction[], batch = 25): Promise<void> {
  for (let start = 0; start < corrections.length; start += batch) {
    const replies = (await page.evaluate(
      (messages) =>
        Promise.all(
          messages.map((message) => (globalThis as unknown as PageChrome).chrome.runtime.sendMessage(message)),
        ),
      corrections
        .slice(start, start + batch)
        .map((correction) => ({ type: 'correction/submit', payload: { correction } })),
    )) as ({ ok: boolean; error?: string } | undefined)[];
    const refused = replies.find((reply) => !reply?.ok);
    if (refused) throw new Error(`correction/submit refused: ${refused?.error ?? 'no answer'}`);
  }
}

/**
 * A valid correction with a fresh id whose paper has `title`: the popup lists an item by its
 * paper's title, so each test can find its own rows.
 */
export function correctionTitled(title: string, overrides: Partial<Correction> = {}): Correction {
  const base = sampleCorrection();
  const detected = samplePaper({ title });
  return {
    ...base,
    paper: { ...base.paper, title },
    detected,
    changes: [{ field: 'title', from: title, to: `${title} (corrected)` }],
    ...overrides,
  };
}

/** PDF bytes of exactly `size` bytes: a PDF signature, random filler, and the end marker. */
export function pdfBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  bytes.write('\n%%EOF\n', size - 7, 'latin1');
  return bytes;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes per page.evaluate call while staging: about 5 MB of base64 on the wire. */
const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Stages `bytes` in the extension's IndexedDB ('erratum', store 'pdfs', key = correction id) as
 * the form page does before it submits, and returns the `pdf` field the correction must carry.
 * The bytes cross to the page in base64 chunks and become one Blob there.
 */
export async function stagePdf(page: Page, id: string, bytes: Buffer, name = 'corrected.pdf'): Promise<PdfAttachment> {
  // The background opens (and creates) the database; staging must never be the one to create it.
  await request(page, 'queue/list', { limit: 1 });
  await page.evaluate((key) => {
    const holder = globalThis as unknown as { __pdfParts?: Record<string, Uint8Array[]> };
    holder.__pdfParts ??= {};
    holder.__pdfParts[key] = [];
  }, id);
  for (let start = 0; start < bytes.length; start += STAGE_CHUNK_BYTES) {
    const base64 = bytes.subarray(start, start + STAGE_CHUNK_BYTES).toString('base64');
    await page.evaluate(
      ([key, chunk]) => {
        const binary = atob(chunk);
        const part = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) part[i] = binary.charCodeAt(i);
        (globalThis as unknown as { __pdfParts: Record<string, Uint8Array[]> }).__pdfParts[key]?.push(part);
      },
      [id, base64] as const,
    );
  }
  const sha256 = sha256Hex(bytes);
  await page.evaluate(
    ({ key, size, sha256 }) =>
      new Promise<void>((resolve, reject) => {
        const holder = globalThis as unknown as { __pdfParts: Record<string, Uint8Array<ArrayBuffer>[]> };
        const blob = new Blob(holder.__pdfParts[key] ?? [], { type: 'application/pdf' });
        delete holder.__pdfParts[key];
        if (blob.size !== size) return reject(new Error(`staged ${blob.size} bytes, expected ${size}`));
        const open = indexedDB.open('erratum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('pdfs', 'readwrite');
          tx.objectStore('pdfs').put({ blob, size, sha256, stagedAt: Date.now() }, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { key: id, size: bytes.length, sha256 },
  );
  return { name, size: bytes.length, sha256 };
}

/** One outbox item as stored in the extension's IndexedDB, every field included. */
export async function queueItem(browser: ExtensionBrowser, id: string): Promise<QueueItem | undefined> {
  const items = (await queueItems(browser)) as unknown as QueueItem[];
  return items.find((item) => item.id === id);
}

/** The popup's row for the correction about `title`. */
export function queueRow(popup: Page, title: string): Locator {
  return popup.getByRole('listitem').filter({ hasText: title });
}

/** Waits until the row's status badge reads `status` ("Sent", "Retrying", "Needs attention"). */
export async function waitForStatus(row: Locator, status: string, timeout = 30_000): Promise<void> {
  await row
    .locator('.queue-badge')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor({ timeout });
}

/** A reference endpoint on 127.0.0.1 with its own temp data dir, which can go down and come back on the same port. */
export class TestEndpoint {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));
  #receiver: Receiver | undefined;
  #port = 0;
  /** New corrections stored by every instance so far: more than the distinct ids = stored twice. */
  #acceptedBefore = 0;
  #duplicatesBefore = 0;
  #requestsBefore = 0;

  constructor(private readonly token?: string) {}

  /** Starts (again) on the same port and data dir. */
  async start(): Promise<Receiver> {
    if (this.#receiver) return this.#receiver;
    this.#receiver = await startReceiver({ port: this.#port, dataDir: this.dataDir, token: this.token });
    this.#port = Number(new URL(this.#receiver.endpoint).port);
    return this.#receiver;
  }

  get receiver(): Receiver {
    if (!this.#receiver) throw new Error('The endpoint is down');
    return this.#receiver;
  }

  get endpoint(): string {
    if (!this.#port) throw new Error('Start the endpoint once to learn its address');
    return `http://127.0.0.1:${this.#port}/corrections`;
  }

  /** Takes the endpoint down: connections to its port are refused until start(). */
  async stop(): Promise<void> {
    const receiver = this.#receiver;
    if (!receiver) return;
    const stats = receiver.stats();
    this.#acceptedBefore += stats.accepted;
    this.#duplicatesBefore += stats.duplicates;
    this.#requestsBefore += stats.requests;
    this.#receiver = undefined;
    await receiver.close();
  }

  /** Requests, new corrections stored, and repeats recognised by Idempotency-Key, over every instance. */
  totals(): { requests: number; accepted: number; duplicates: number } {
    const stats = this.#receiver?.stats();
    return {
      requests: this.#requestsBefore + (stats?.requests ?? 0),
      accepted: this.#acceptedBefore + (stats?.accepted ?? 0),
      duplicates: this.#duplicatesBefore + (stats?.duplicates ?? 0),
    };
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface DeliveryTally {
  submitted: number;
  /** Distinct submitted ids the endpoint stored. */
  delivered: number;
  /** Corrections stored more than once (a new record for an id already stored). */
  duplicates: number;
  /** Submitted ids never stored. */
  lost: string[];
  /** Stored ids nobody submitted (must be none). */
  unexpected: string[];
}

/** Compares what was submitted with what the endpoint stored. */
export function tallyDeliveries(submittedIds: string[], records: StoredCorrection[], accepted: number): DeliveryTally {
  const stored = new Set(records.map((record) => record.id));
  const submitted = new Set(submittedIds);
  return {
    submitted: submitted.size,
    delivered: [...submitted].filter((id) => stored.has(id)).length,
    duplicates: accepted - stored.size,
    lost: [...submitted].filter((id) => !stored.has(id)),
    unexpected: [...stored].filter((id) => !submitted.has(id)),
  };
}
