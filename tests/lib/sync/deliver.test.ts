// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueueItem } from '../../../lib/schema/queue';
import { attemptTimeoutMs, deliverOne } from '../../../lib/sync/deliver';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0 } from '../queue/fixtures';
import { parseWithBusboy } from './busboy';
import { empty, fakeEndpoint, json, networkDown, neverAnswers, opaqueRedirect } from './fake-endpoint';

afterEach(() => vi.useRealTimers());

const settings = { endpointUrl: ENDPOINT, token: 's3cret' };

function sendingItem(correction = sampleCorrection()): QueueItem {
  return {
    id: correction.id,
    correction,
    status: 'sending',
    attempts: 1,
    nextAttemptAt: T0,
    sendingTo: ENDPOINT,
    hasPdf: correction.pdf !== undefined,
    createdAt: T0,
    updatedAt: T0,
  };
}

describe('deliverOne', () => {
  it('posts the correction as JSON with the idempotency key and the token', async () => {
    const endpoint = fakeEndpoint(() => json(201, { id: 'R-9' }));
    const item = sendingItem();
    const result = await deliverOne(item, undefined, settings, { fetch: endpoint.fetch, timeoutMs: 5000 });
    expect(result).toEqual({ outcome: 'accepted', receipt: { id: 'R-9' } });
    const [request] = endpoint.requests;
    expect(request?.url).toBe(ENDPOINT);
    expect(request?.init).toMatchObject({ method: 'POST', redirect: 'manual', credentials: 'omit' });
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    // draft-ietf-httpapi-idempotency-key-header: an RFC 8941 sf-string, so quoted.
    expect(request?.headers.get('Idempotency-Key')).toBe(`"${item.id}"`);
    expect(request?.headers.get('Erratum-Protocol')).toBe('1.1');
    expect(request?.headers.get('Authorization')).toBe('Bearer s3cret');
    expect(JSON.parse(request?.init.body as string)).toEqual(item.correction);
  });

  it('sends no Authorization header when no token is set', async () => {
    const endpoint = fakeEndpoint(() => empty(204));
    await deliverOne(
      sendingItem(),
      undefined,
      { endpointUrl: ENDPOINT, token: '' },
      { fetch: endpoint.fetch, timeoutMs: 5000 },
    );
    expect(endpoint.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  async function deliveredMultipart(name: string) {
    const blob = pdfBlob(4, 10_000);
    const pdf = await attachmentFor(blob, name);
    const item = sendingItem(sampleCorrection({ pdf }));
    const endpoint = fakeEndpoint(() => json(200, {}));
    await deliverOne(item, blob, settings, { fetch: endpoint.fetch, timeoutMs: 5000 });
    const request = endpoint.requests[0]!;
    return {
      item,
      blob,
      request,
      body: request.init.body as Uint8Array<ArrayBuffer>,
      contentType: request.headers.get('Content-Type')!,
    };
  }

  it.each([
    ['plain ASCII', 'Lovelace 1843.pdf'],
    ['non-ASCII', 'Ōtsuka – 論文 (訂正版).pdf'],
  ])('posts multipart that busboy reads part by part as sent: %s name', async (_, name) => {
    const { item, blob, request, body, contentType } = await deliveredMultipart(name);
    expect(request.headers.get('Idempotency-Key')).toBe(`"${item.id}"`);
    expect(request.headers.get('Erratum-Protocol')).toBe('1.1');
    const parts = await parseWithBusboy(contentType, body);
    expect(parts.map((part) => part.name)).toEqual(['correction', 'pdf']);
    const [correction, file] = parts;
    expect(correction).toMatchObject({ kind: 'field', mimeType: 'application/json' });
    expect(JSON.parse(correction!.bytes.toString('utf8'))).toEqual(item.correction);
    expect(file).toMatchObject({ kind: 'file', mimeType: 'application/pdf', filename: name });
    expect(new Uint8Array(file!.bytes)).toEqual(new Uint8Array(await blob.arrayBuffer()));
  });

  it('posts multipart that Node’s own parser (undici, request.formData) reads, non-ASCII name included', async () => {
    const name = 'Ōtsuka – 論文.pdf';
    const { item, blob, body, contentType } = await deliveredMultipart(name);
    const form = await new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    }).formData();
    expect(JSON.parse(form.get('correction') as string)).toEqual(item.correction);
    const file = form.get('pdf') as File;
    expect(file.name).toBe(name);
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
  });

  it('keeps a quote or a line break in the name from ending the parameter or the header', async () => {
    const { body, contentType } = await deliveredMultipart('The "final"\r\nversion.pdf');
    const text = Buffer.from(body).toString('utf8');
    // As the HTML standard has browsers encode them: %22, %0D, %0A.
    expect(text.split('\r\n').filter((line) => line.startsWith('Content-Disposition:'))).toEqual([
      'Content-Disposition: form-data; name="correction"',
      'Content-Disposition: form-data; name="pdf"; filename="The %22final%22%0D%0Aversion.pdf"',
    ]);
    const [, file] = await parseWithBusboy(contentType, body);
    expect(file).toMatchObject({ name: 'pdf', filename: 'The %22final%22%0D%0Aversion.pdf' });
  });

  it('never sends a correction without the PDF it promises', async () => {
    const pdf = await attachmentFor(pdfBlob());
    const endpoint = fakeEndpoint(() => empty(201));
    const result = await deliverOne(sendingItem(sampleCorrection({ pdf })), undefined, settings, {
      fetch: endpoint.fetch,
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ outcome: 'rejected', problem: { kind: 'storage' } });
    expect(endpoint.requests).toHaveLength(0);
  });

  it('uses the same Idempotency-Key on every attempt', async () => {
    const endpoint = fakeEndpoint((_, n) => (n === 0 ? empty(503) : n === 1 ? empty(409) : empty(201)));
    const item = sendingItem();
    const outcomes = [];
    for (let attempt = 1; attempt <= 3; attempt++)
      outcomes.push(
        (
          await deliverOne({ ...item, attempts: attempt }, undefined, settings, {
            fetch: endpoint.fetch,
            timeoutMs: 5000,
          })
        ).outcome,
      );
    expect(outcomes).toEqual(['retry', 'retry', 'accepted']);
    expect(endpoint.requests.map((r) => r.headers.get('Idempotency-Key'))).toEqual(Array(3).fill(`"${item.id}"`));
  });

  it('does not follow a redirect, and calls it a configuration problem', async () => {
    const endpoint = fakeEndpoint(() => opaqueRedirect());
    const result = await deliverOne(sendingItem(), undefined, settings, { fetch: endpoint.fetch, timeoutMs: 5000 });
    expect(result).toMatchObject({ outcome: 'config', problem: { message: expect.stringMatching(/redirected/) } });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('gives up on an endpoint that does not answer in time, to retry later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const endpoint = fakeEndpoint(neverAnswers);
    const pending = deliverOne(sendingItem(), undefined, settings, { fetch: endpoint.fetch, timeoutMs: 30_000 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toEqual({
      outcome: 'retry',
      problem: { kind: 'timeout', message: 'The endpoint did not answer within 30 seconds.' },
    });
  });

  it('allows a PDF time to upload on a slow connection', () => {
    expect(attemptTimeoutMs(60_000)).toBe(60_000);
    expect(attemptTimeoutMs(60_000, 10 * 1024 * 1024)).toBeGreaterThan(60_000 + 200_000);
  });

  it('retries after a network error', async () => {
    const endpoint = fakeEndpoint(networkDown);
    const result = await deliverOne(sendingItem(), undefined, settings, { fetch: endpoint.fetch, timeoutMs: 5000 });
    expect(result).toMatchObject({ outcome: 'retry', problem: { kind: 'network' } });
  });

  it('attempts nothing against an address that is no longer acceptable', async () => {
    const endpoint = fakeEndpoint(() => empty(200));
    for (const endpointUrl of ['http://corrections.example.org/in', 'https://user:pw@example.org/', 'not a url']) {
      const result = await deliverOne(
        sendingItem(),
        undefined,
        { endpointUrl, token: 't' },
        { fetch: endpoint.fetch, timeoutMs: 5000 },
      );
      expect(result, endpointUrl).toMatchObject({ outcome: 'config', problem: { kind: 'config' } });
    }
    expect(endpoint.requests).toHaveLength(0);
  });

  it('allows plain http only to this machine', async () => {
    const endpoint = fakeEndpoint(() => empty(200));
    const result = await deliverOne(
      sendingItem(),
      undefined,
      { endpointUrl: 'http://127.0.0.1:8787/in', token: '' },
      { fetch: endpoint.fetch, timeoutMs: 5000 },
    );
    expect(result.outcome).toBe('accepted');
  });
});
