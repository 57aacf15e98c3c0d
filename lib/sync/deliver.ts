// One delivery attempt of one correction: build the request, post it, say what the answer means.
// No storage here: the scheduler records the outcome.
import { MAX_PDF_BYTES } from '../schema/fields';
import type { QueueItem } from '../schema/queue';
import type { Settings } from '../schema/settings';
import { type Classification, classifyResponse } from './classify';
import { endpointAddressProblem } from './endpoint-address';
import { multipartBody } from './multipart';
import { type FetchLike, postToEndpoint } from './post';
import { idempotencyKeyHeader, PROTOCOL_HEADER, PROTOCOL_VERSION } from './protocol-headers';

export const MISSING_PDF_MESSAGE =
  "The attached PDF is no longer in the browser's storage; attach it again and resubmit.";

/** Time allowed for the exchange itself; a PDF adds time to upload it (see attemptTimeoutMs). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Upload speed assumed for the PDF allowance: 50 kB/s, a poor hotel or train connection. */
const SLOW_UPLOAD_BYTES_PER_SECOND = 50_000;

/** How long one attempt may take: a 10 MB PDF on a slow link needs minutes, a JSON body seconds. */
export function attemptTimeoutMs(baseMs: number, pdfBytes = 0): number {
  return baseMs + Math.ceil((pdfBytes / SLOW_UPLOAD_BYTES_PER_SECOND) * 1000);
}

/** The longest any attempt may take with `baseMs`: a lease must outlast it. */
export function longestAttemptMs(baseMs: number): number {
  return attemptTimeoutMs(baseMs, MAX_PDF_BYTES);
}

/** The staged PDF's bytes, or null when the browser can no longer read them (storage cleared). */
async function readPdf(pdf: Blob): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await pdf.arrayBuffer());
  } catch {
    return null;
  }
}

export interface DeliverOptions {
  fetch: FetchLike;
  /** Base time for the attempt; the PDF's upload allowance is added. */
  timeoutMs: number;
  now?: () => number;
}

/**
 * Sends `item`'s correction to `settings.endpointUrl` once. The scheduler passes the settings it
 * claimed the item with, so the endpoint is the item's `sendingTo` and the token is the one meant
 * for it. JSON without a PDF; multipart/form-data with one (parts `correction`, typed
 * application/json, and `pdf`, application/pdf with `filename` and `filename*`; bytes, never base64). `Idempotency-Key` is the
 * correction id, quoted (an sf-string), on every attempt, so the server can recognise a retry of
 * something it already stored.
 */
export async function deliverOne(
  item: QueueItem,
  pdf: Blob | undefined,
  settings: Pick<Settings, 'endpointUrl' | 'token'>,
  { fetch: fetchImpl, timeoutMs, now = Date.now }: DeliverOptions,
): Promise<Classification> {
  const addressProblem = endpointAddressProblem(settings.endpointUrl);
  if (addressProblem) return { outcome: 'config', problem: { kind: 'config', message: addressProblem } };
  // Never send a correction without the file it promises (the scheduler checks the hash too).
  if (item.correction.pdf && !pdf)
    return { outcome: 'rejected', problem: { kind: 'storage', message: MISSING_PDF_MESSAGE } };

  const headers: Record<string, string> = {
    'Idempotency-Key': idempotencyKeyHeader(item.id),
    [PROTOCOL_HEADER]: PROTOCOL_VERSION,
    Accept: 'application/json',
  };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  const json = JSON.stringify(item.correction);
  let body: BodyInit = json;
  if (pdf && item.correction.pdf) {
    // Read whole before the request is made (at most 10 MB): see multipart.ts for why.
    const bytes = await readPdf(pdf);
    if (!bytes) return { outcome: 'rejected', problem: { kind: 'storage', message: MISSING_PDF_MESSAGE } };
    const multipart = multipartBody(json, bytes, item.correction.pdf.name);
    headers['Content-Type'] = multipart.contentType;
    body = multipart.body;
  } else {
    headers['Content-Type'] = 'application/json';
  }

  const result = await postToEndpoint(
    fetchImpl,
    settings.endpointUrl,
    { headers, body },
    attemptTimeoutMs(timeoutMs, pdf?.size),
  );
  if (result.kind === 'answered') return classifyResponse(result.status, result.headers, result.bodyText, now());
  return { outcome: 'retry', problem: { kind: result.kind, message: result.message } };
}
