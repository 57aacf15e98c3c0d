import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

/** A body is the correction JSON plus at most a 10 MB PDF and multipart framing. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** A request the endpoint refuses before looking at the correction itself. */
export class RequestProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadedPdf {
  bytes: Uint8Array;
  filename: string;
}

/** What a delivery carries: the correction as JSON text, and the PDF when one was attached. */
export interface Submission {
  correctionText: string;
  pdf?: UploadedPdf;
}

const MULTIPART_PARTS = new Set(['correction', 'pdf']);

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function tooLarge(): RequestProblem {
  return new RequestProblem(413, `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
}

/**
 * The body as a web stream that fails once it passes `maxBytes`, so an oversized upload is
 * refused after at most that much instead of being buffered whole.
 */
function cappedBody(
  req: IncomingMessage,
  maxBytes: number,
): { stream: ReadableStream<Uint8Array>; exceeded(): boolean } {
  let total = 0;
  let exceeded = false;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        exceeded = true;
        controller.error(tooLarge());
        return;
      }
      controller.enqueue(chunk);
    },
  });
  const source = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  return { stream: source.pipeThrough(counter), exceeded: () => exceeded };
}

/**
 * Node's fetch `Request` parses JSON and multipart bodies, so the receiver needs no multipart
 * package. `duplex: 'half'` is required by undici for a streamed request body.
 */
function asRequest(req: IncomingMessage, body: ReadableStream<Uint8Array>): Request {
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body,
    duplex: 'half',
  };
  return new Request('http://receiver.invalid/', init);
}

async function readMultipart(request: Request): Promise<Submission> {
  const form = await request.formData();
  for (const name of form.keys())
    if (!MULTIPART_PARTS.has(name))
      throw new RequestProblem(422, `Unexpected multipart part "${name}": send "correction" and optionally "pdf"`);
  const corrections = form.getAll('correction');
  const pdfs = form.getAll('pdf');
  if (corrections.length !== 1)
    throw new RequestProblem(422, 'Send exactly one multipart part named "correction" with the correction JSON');
  if (pdfs.length > 1) throw new RequestProblem(422, 'Send at most one multipart part named "pdf"');
  const correction = corrections[0]!;
  const correctionText = typeof correction === 'string' ? correction : await correction.text();
  const pdf = pdfs[0];
  if (pdf === undefined) return { correctionText };
  if (typeof pdf === 'string') throw new RequestProblem(422, 'The "pdf" part must be a file, not a text field');
  return { correctionText, pdf: { bytes: new Uint8Array(await pdf.arrayBuffer()), filename: pdf.name } };
}

/** Reads a delivery body: `application/json`, or `multipart/form-data` with `correction` and `pdf`. */
export async function readSubmission(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Submission> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const type = mediaType(req);
  if (type !== 'application/json' && type !== 'multipart/form-data')
    throw new RequestProblem(
      415,
      `Send the correction as application/json or multipart/form-data (received ${type ? `"${type.slice(0, 100)}"` : 'no Content-Type'})`,
    );
  const body = cappedBody(req, maxBytes);
  const request = asRequest(req, body.stream);
  try {
    if (type === 'application/json') return { correctionText: await request.text() };
    return await readMultipart(request);
  } catch (error) {
    if (body.exceeded()) throw tooLarge();
    if (error instanceof RequestProblem) throw error;
    const what = type === 'application/json' ? 'request body' : 'multipart body';
    throw new RequestProblem(400, `The ${what} could not be read: ${(error as Error).message}`);
  }
}

/** Reads and discards a body the endpoint answers without looking at (faults, connection tests). */
export async function discardBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<void> {
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw tooLarge();
  }
}
