// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimDue, markNeedsAttention } from '../../../lib/queue/delivery-state';
import { isQuotaError, QueueStorageFullError } from '../../../lib/queue/errors';
import { enqueue, getItem, listSummaries, resubmit } from '../../../lib/queue/outbox';
import { getPdf, stagePdf } from '../../../lib/queue/pdf-store';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0, useQueueDb } from './fixtures';

const openQueueDb = useQueueDb();
afterEach(() => vi.restoreAllMocks());

/** The next write of a record fails as a full disk makes it fail. */
function failNextWrite(method: 'put' | 'add') {
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementationOnce(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

describe('when storage is full', () => {
  it('refuses the new correction with a clear message and keeps those already queued', async () => {
    const db = await openQueueDb();
    const kept = sampleCorrection();
    await enqueue(db, kept, T0);
    failNextWrite('add');
    const refused = sampleCorrection();
    const attempt = enqueue(db, refused, T0 + 1);
    await expect(attempt).rejects.toBeInstanceOf(QueueStorageFullError);
    await expect(attempt).rejects.toThrow("Your browser's storage for Erratum is full; free some space");
    expect(await getItem(db, kept.id)).toMatchObject({ status: 'queued' });
    expect(await getItem(db, refused.id)).toBeNull();
    expect((await listSummaries(db, { limit: 10 })).total).toBe(1);
  });

  it('stages no PDF', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    failNextWrite('put');
    await expect(stagePdf(db, 'draft', blob, pdf.sha256)).rejects.toBeInstanceOf(QueueStorageFullError);
    expect(await getPdf(db, 'draft')).toBeUndefined();
  });

  it('leaves an edited correction and its PDF as they were when the edit cannot be stored', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256, T0);
    await enqueue(db, correction, T0);
    await claimDue(db, { now: T0, max: 1, leaseMs: 1000, endpoint: ENDPOINT });
    await markNeedsAttention(db, correction.id, { kind: 'rejected', message: 'No', at: T0 });
    // The revision withdraws the old one and deletes its PDF first in the transaction, then
    // writing the revision fails: all or nothing.
    const { pdf: _dropped, ...withoutPdf } = correction;
    const revision = { ...withoutPdf, id: sampleCorrection().id, supersedes: correction.id, comment: 'edited' };
    failNextWrite('add');
    await expect(resubmit(db, revision, T0 + 1)).rejects.toBeInstanceOf(QueueStorageFullError);
    expect(await getItem(db, revision.id)).toBeNull();
    expect(await getItem(db, correction.id)).toMatchObject({ status: 'needs-attention', hasPdf: true });
    expect(await getPdf(db, correction.id)).toBeDefined();
  });

  it('recognises the names browsers give the error', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
