// Requests as the extension makes them (lib/sync/deliver.ts): the same headers and body layout,
// posted with the same function, to the one address the user gave.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Correction } from '../../lib/schema/correction';
import { multipartBody } from '../../lib/sync/multipart';
import { postToEndpoint } from '../../lib/sync/post';
import { idempotencyKeyHeader, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../lib/sync/protocol-headers';

const TIMEOUT_MS = 30_000;
const UPLOAD_SLICE_BYTES = 64 * 1024;
/** How long the headers alone may wait for an early answer: curl's wait for 100 Continue. */
const EARLY_ANSWER_WAIT_MS = 1000;

/** What the endpoint answered, or why there was no answer. */
export type Answer =
  | { status: number; bodyText: string; retryAfter: string | null }
  | { status: 'none'; error: string };

export interface Target {
  endpoint: string;
  token: string | undefined;
}

export interface DeliveryOptions {
  /** The PDF part's bytes; `correction.pdf` should describe them. */
  file?: Uint8Array;
  /** null sends no Authorization; a string sends that token instead of the target's. */
  token?: string | null;
  /** The Idempotency-Key's value instead of the correction id. */
  key?: string;
  /** The JSON text to send instead of JSON.stringify(correction) (same value, other layout). */
  json?: string;
}

function authorization(target: Target, token: DeliveryOptions['token']): Record<string, string> {
  const value = token === undefined ? target.token : token;
  return value ? { Authorization: `Bearer ${value}` } : {};
}

/** Headers and body of one delivery attempt, built as deliverOne builds them. */
export function deliveryRequest(correction: Correction, target: Target, options: DeliveryOptions = {}) {
  const headers: Record<string, string> = {
    'Idempotency-Key': idempotencyKeyHeader(options.key ?? correction.id),
    [PROTOCOL_HEADER]: PROTOCOL_VERSION,
    Accept: 'application/json',
    ...authorization(target, options.token),
  };
  const json = options.json ?? JSON.stringify(correction);
  if (!options.file) return { headers: { ...headers, 'Content-Type': 'application/json' }, body: json as BodyInit };
  const { body, contentType } = multipartBody(json, new Uint8Array(options.file), correction.pdf?.name ?? 'paper.pdf');
  return { headers: { ...headers, 'Content-Type': contentType }, body: body as BodyInit };
}

function answerOf(result: Awaited<ReturnType<typeof postToEndpoint>>): Answer {
  if (result.kind !== 'answered') return { status: 'none', error: result.message };
  return { status: result.status, bodyText: result.bodyText, retryAfter: result.headers.get('retry-after') };
}

export async function deliver(correction: Correction, target: Target, options: DeliveryOptions = {}): Promise<Answer> {
  return answerOf(
    await postToEndpoint(fetch, target.endpoint, deliveryRequest(correction, target, options), TIMEOUT_MS),
  );
}

/**
 * A delivery whose body is too large. Sent with node:http rather than fetch: an endpoint may (and
 * should) answer 413 from the headers and close the connection before the body is read, and the
 * answer must be read as soon as it comes rather than lost in the broken upload.
 */
export async function deliverOversized(correction: Correction, file: Uint8Array, target: Target): Promise<Answer> {
  const { headers, body } = deliveryRequest(correction, target, { file });
  const encoded = new Response(body);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const contentType = encoded.headers.get('content-type') ?? '';
  const url = new URL(target.endpoint);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const settle = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(upload);
      resolve(answer);
    };
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength) },
    });
    const timer = setTimeout(() => {
      settle({ status: 'none', error: `no answer within ${TIMEOUT_MS / 1000} s` });
      req.destroy();
    }, TIMEOUT_MS);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      const done = () => {
        settle({ status: res.statusCode ?? 0, bodyText: text.slice(0, 64 * 1024), retryAfter: null });
        req.destroy();
      };
      res.on('end', done);
      res.on('close', done);
    });
    // After an early answer the rest of the upload fails (EPIPE, ECONNRESET): expected, so an
    // error only counts once no answer has come in a moment.
    req.on('error', (error) => setTimeout(() => settle({ status: 'none', error: error.message }), 500));
    // In slices, yielding between them, so an early answer is read while the upload goes on.
    let offset = 0;
    const writeNext = () => {
      if (settled) return;
      if (offset >= bytes.byteLength) return void req.end();
      const slice = bytes.subarray(offset, offset + UPLOAD_SLICE_BYTES);
      offset += slice.byteLength;
      req.write(slice, () => setImmediate(writeNext));
    };
    // An endpoint that refuses from Content-Length answers before any of the body is sent (an
    // upload into a closed connection can lose that answer); one that reads the body gets it
    // after the wait, as curl does it.
    req.flushHeaders();
    const upload = setTimeout(writeNext, EARLY_ANSWER_WAIT_MS);
  });
}
