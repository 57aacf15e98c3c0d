// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueueItem } from '../../../lib/schema/queue';
import { attemptTimeoutMs, deliverOne } from '../../../lib/sync/deliver';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0 } from '../queue/fixtures';
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

  it('posts multipart with the correction part and the PDF bytes', async () => {
    const blob = pdfBlob(4, 10_000);
    const pdf = await attachmentFor(blob, 'Lovelace 1843.pdf');
    const item = sendingItem(sampleCorrection({ pdf }));
    const endpoint = fakeEndpoint(() => json(200, {}));
    await deliverOne(item, new Blob([blob]), settings, { fetch: endpoint.fetch, timeoutMs: 5000 });

    const request = endpoint.requests[0]!;
    expect(request.headers.has('Content-Type')).toBe(false); // fetch adds the multipart boundary
    expect(request.headers.get('Idempotency-Key')).toBe(`"${item.id}"`);
    expect(request.headers.get('Erratum-Protocol')).toBe('1.1');
    // What goes over the wire, parsed back as a server would.
    const wire = new Request(ENDPOINT, { method: 'POST', body: request.init.body });
    expect(wire.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await wire.formData();
    expect(JSON.parse(form.get('correction') as string)).toEqual(item.correction);
    const file = form.get('pdf') as File;
    expect(file.name).toBe('Lovelace 1843.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
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
