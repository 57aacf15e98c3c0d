// @vitest-environment node
// The kit must send what the extension sends: its requests are compared with the ones
// lib/sync/deliver.ts makes for the same correction, so a change to either shows here.
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../lib/schema/queue';
import { deliverOne } from '../../lib/sync/deliver';
import { describePdf, pdfFile, testCorrection } from '../../scripts/conformance/corrections';
import { deliveryRequest } from '../../scripts/conformance/requests';

const ENDPOINT = 'https://corrections.example.org/erratum';
const TOKEN = 's3cret';

/** The request deliverOne makes, caught by a fetch that answers 204. */
async function extensionRequest(correction: QueueItem['correction'], pdf?: Blob) {
  let caught: RequestInit | undefined;
  const item: QueueItem = {
    id: correction.id,
    correction,
    status: 'sending',
    attempts: 0,
    nextAttemptAt: 0,
    hasPdf: Boolean(pdf),
    createdAt: 0,
    updatedAt: 0,
  };
  const fetchImpl = async (_url: string, init: RequestInit) => {
    caught = init;
    return new Response(null, { status: 204 });
  };
  await deliverOne(item, pdf, { endpointUrl: ENDPOINT, token: TOKEN }, { fetch: fetchImpl, timeoutMs: 5000 });
  return caught!;
}

/** A body as the parts a server would parse from it. */
async function parts(body: BodyInit | null | undefined, contentType?: string) {
  if (!contentType?.startsWith('multipart/')) return body;
  // Parsed by Node's own multipart parser, as an endpoint would.
  const form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  return Promise.all(
    [...form.entries()].map(async ([name, value]) =>
      typeof value === 'string'
        ? { name, value }
        : { name, file: value.name, type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] },
    ),
  );
}

describe('the conformance kit sends requests as the extension does', () => {
  const target = { endpoint: ENDPOINT, token: TOKEN };

  it('a correction as JSON', async () => {
    const correction = testCorrection();
    const extension = await extensionRequest(correction);
    const kit = deliveryRequest(correction, target);
    expect(kit.headers).toEqual(extension.headers);
    expect(kit.body).toEqual(extension.body);
  });

  it('a correction with a PDF as multipart', async () => {
    const file = pdfFile();
    const correction = testCorrection(undefined, { pdf: describePdf(file, 'Übersicht "final".pdf') });
    const extension = await extensionRequest(correction, new Blob([new Uint8Array(file)], { type: 'application/pdf' }));
    const kit = deliveryRequest(correction, target, { file });
    // The same headers but for each body's own random boundary.
    const withoutBoundary = (headers: Record<string, string>) => ({
      ...headers,
      'Content-Type': headers['Content-Type']?.replace(/; boundary=.*$/, ''),
    });
    expect(withoutBoundary(kit.headers)).toEqual(withoutBoundary(extension.headers as Record<string, string>));
    expect(await parts(kit.body, kit.headers['Content-Type'])).toEqual(
      await parts(extension.body, (extension.headers as Record<string, string>)['Content-Type']),
    );
  });
});
