// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { QueueDb } from '../../../lib/queue/db';
import { claimDue, markNeedsAttention, markRetrying, markSent } from '../../../lib/queue/delivery-state';
import { QueueError } from '../../../lib/queue/errors';
import {
  discard,
  enqueue,
  exportAll,
  getItem,
  listSummaries,
  requeueSettingsProblems,
  resubmit,
  retryNow,
} from '../../../lib/queue/outbox';
import { getPdf, stagePdf } from '../../../lib/queue/pdf-store';
import type { Correction } from '../../../lib/schema/correction';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0, useQueueDb } from './fixtures';

const openQueueDb = useQueueDb();
const problem = (at: number) => ({ kind: 'rejected' as const, status: 422, message: 'Title is required', at });

async function inNeedOfAttention(db: QueueDb, correction: Correction) {
  await enqueue(db, correction, T0);
  await claimDue(db, { now: T0, max: 1, leaseMs: 60_000, endpoint: ENDPOINT });
  return markNeedsAttention(db, correction.id, problem(T0 + 1));
}

async function withStagedPdf(db: QueueDb, seed = 1) {
  const blob = pdfBlob(seed);
  const pdf = await attachmentFor(blob);
  const correction = sampleCorrection({ pdf });
  await stagePdf(db, correction.id, blob, pdf.sha256, T0);
  return { correction, blob };
}

describe('enqueue', () => {
  it('stores a new correction as queued and due now', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    const summary = await enqueue(db, correction, T0);
    expect(summary).toMatchObject({ id: correction.id, status: 'queued', attempts: 0, nextAttemptAt: T0 });
    expect(summary.title).toBe(correction.paper.title);
    expect(await getItem(db, correction.id)).toMatchObject({ correction, status: 'queued', hasPdf: false });
  });

  it('returns the stored item for a duplicate id without writing a second record', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    const first = await enqueue(db, correction, T0);
    const again = await enqueue(db, { ...correction, comment: 'sent twice' }, T0 + 5);
    expect(again).toEqual(first);
    expect((await getItem(db, correction.id))?.correction.comment).toBeUndefined();
    expect((await listSummaries(db, { limit: 10 })).total).toBe(1);
  });

  it('accepts a correction whose PDF is staged with the same size and hash', async () => {
    const db = await openQueueDb();
    const { correction, blob } = await withStagedPdf(db);
    await enqueue(db, correction, T0);
    expect((await getItem(db, correction.id))?.hasPdf).toBe(true);
    expect((await getPdf(db, correction.id))?.size).toBe(blob.size);
  });

  it('refuses a correction whose PDF was never staged', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection({ pdf: await attachmentFor(pdfBlob()) });
    await expect(enqueue(db, correction, T0)).rejects.toThrow(/no longer available; attach it again/);
    expect(await getItem(db, correction.id)).toBeNull();
  });

  it('refuses a correction that describes another file than the one staged', async () => {
    const db = await openQueueDb();
    const { correction } = await withStagedPdf(db);
    const other = await attachmentFor(pdfBlob(2));
    await expect(enqueue(db, { ...correction, pdf: other }, T0)).rejects.toBeInstanceOf(QueueError);
    expect(await getItem(db, correction.id)).toBeNull();
  });
});

describe('listSummaries', () => {
  it('lists newest first up to the limit, with counts for every status', async () => {
    const db = await openQueueDb();
    const corrections = [sampleCorrection(), sampleCorrection(), sampleCorrection()];
    for (const [i, correction] of corrections.entries()) await enqueue(db, correction, T0 + i * 1000);
    await discard(db, corrections[0]!.id, T0 + 5000);
    const listing = await listSummaries(db, { limit: 2 });
    expect(listing.items.map((item) => item.id)).toEqual([corrections[2]!.id, corrections[1]!.id]);
    expect(listing.items[0]).toMatchObject({ title: corrections[2]!.paper.title, site: 'arxiv' });
    expect(listing.items[0]).not.toHaveProperty('correction');
    expect(listing.counts).toEqual({ queued: 2, sending: 0, sent: 0, retrying: 0, 'needs-attention': 0, discarded: 1 });
    expect(listing.total).toBe(3);
  });
});

describe('discard', () => {
  it('keeps the record as discarded and deletes its PDF', async () => {
    const db = await openQueueDb();
    const { correction } = await withStagedPdf(db);
    await enqueue(db, correction, T0);
    const item = await discard(db, correction.id, T0 + 1);
    expect(item.status).toBe('discarded');
    expect((await getItem(db, correction.id))?.status).toBe('discarded');
    expect(await getPdf(db, correction.id)).toBeUndefined();
  });

  it('is never claimed for delivery afterwards', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    await enqueue(db, correction, T0);
    await discard(db, correction.id, T0);
    expect(await claimDue(db, { now: T0 + 1e9, max: 5, leaseMs: 1000, endpoint: ENDPOINT })).toEqual([]);
  });

  it('refuses an unknown id', async () => {
    const db = await openQueueDb();
    await expect(discard(db, sampleCorrection().id)).rejects.toThrow(/no longer in the outbox/);
  });
});

describe('resubmit', () => {
  it('replaces the correction of an item needing attention and queues it now', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    await inNeedOfAttention(db, correction);
    const edited = { ...correction, comment: 'Title fixed as the server asked' };
    const summary = await resubmit(db, edited, T0 + 10);
    expect(summary).toMatchObject({ status: 'queued', nextAttemptAt: T0 + 10, attempts: 1 });
    expect(summary.lastError).toBeUndefined();
    expect((await getItem(db, correction.id))?.correction.comment).toBe('Title fixed as the server asked');
  });

  it('also applies to an item waiting to retry', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    await enqueue(db, correction, T0);
    await claimDue(db, { now: T0, max: 1, leaseMs: 60_000, endpoint: ENDPOINT });
    await markRetrying(db, correction.id, { kind: 'network', message: 'offline', at: T0 }, T0 + 60_000);
    expect((await resubmit(db, { ...correction, comment: 'more' }, T0 + 1)).status).toBe('queued');
  });

  it('drops the PDF when the edited correction has none', async () => {
    const db = await openQueueDb();
    const { correction } = await withStagedPdf(db);
    await inNeedOfAttention(db, correction);
    const { pdf: _removed, ...withoutPdf } = correction;
    await resubmit(db, withoutPdf, T0 + 10);
    expect((await getItem(db, correction.id))?.hasPdf).toBe(false);
    expect(await getPdf(db, correction.id)).toBeUndefined();
  });

  it('takes a replacement PDF staged while editing', async () => {
    const db = await openQueueDb();
    const { correction } = await withStagedPdf(db, 1);
    await inNeedOfAttention(db, correction);
    const replacement = pdfBlob(9, 4096);
    const pdf = await attachmentFor(replacement, 'corrected.pdf');
    await stagePdf(db, correction.id, replacement, pdf.sha256, T0 + 5);
    await resubmit(db, { ...correction, pdf }, T0 + 10);
    expect((await getPdf(db, correction.id))?.size).toBe(4096);
  });

  it.each(['queued', 'sending', 'sent', 'discarded'] as const)('refuses an item that is %s', async (status) => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    await enqueue(db, correction, T0);
    if (status !== 'queued') await claimDue(db, { now: T0, max: 1, leaseMs: 60_000, endpoint: ENDPOINT });
    if (status === 'sent') await markSent(db, correction.id, {});
    if (status === 'discarded') await discard(db, correction.id);
    await expect(resubmit(db, { ...correction, comment: 'edit' })).rejects.toBeInstanceOf(QueueError);
    expect((await getItem(db, correction.id))?.correction.comment).toBeUndefined();
  });
});

describe('retryNow', () => {
  it('queues every retrying and needs-attention item for now and counts them', async () => {
    const db = await openQueueDb();
    const [a, b, c] = [sampleCorrection(), sampleCorrection(), sampleCorrection()];
    await inNeedOfAttention(db, a);
    await enqueue(db, b, T0);
    await claimDue(db, { now: T0, max: 1, leaseMs: 60_000, endpoint: ENDPOINT });
    await markRetrying(db, b.id, { kind: 'timeout', message: 'slow', at: T0 }, T0 + 600_000);
    await enqueue(db, c, T0 + 1);
    expect(await retryNow(db, undefined, T0 + 100)).toBe(2);
    for (const id of [a.id, b.id])
      expect(await getItem(db, id)).toMatchObject({ status: 'queued', nextAttemptAt: T0 + 100 });
    expect((await getItem(db, c.id))?.nextAttemptAt).toBe(T0 + 1);
  });

  it('with an id, queues only that item, and nothing that is not waiting', async () => {
    const db = await openQueueDb();
    const [a, b] = [sampleCorrection(), sampleCorrection()];
    await inNeedOfAttention(db, a);
    await enqueue(db, b, T0);
    expect(await retryNow(db, b.id, T0 + 100)).toBe(0);
    expect(await retryNow(db, a.id, T0 + 100)).toBe(1);
    expect((await getItem(db, a.id))?.status).toBe('queued');
  });
});

describe('requeueSettingsProblems', () => {
  it('queues again only what failed on the address or the token', async () => {
    const db = await openQueueDb();
    const [token, address, content] = [sampleCorrection(), sampleCorrection(), sampleCorrection()];
    for (const c of [token, address, content]) await enqueue(db, c, T0);
    await claimDue(db, { now: T0, max: 3, leaseMs: 60_000, endpoint: ENDPOINT });
    await markNeedsAttention(db, token.id, { kind: 'credentials', status: 401, message: 'token', at: T0 });
    await markNeedsAttention(db, address.id, { kind: 'config', message: 'redirect', at: T0 });
    await markNeedsAttention(db, content.id, problem(T0));
    expect(await requeueSettingsProblems(db, T0 + 5)).toBe(2);
    expect(await getItem(db, token.id)).toMatchObject({ status: 'queued', nextAttemptAt: T0 + 5 });
    expect((await getItem(db, address.id))?.status).toBe('queued');
    expect((await getItem(db, content.id))?.status).toBe('needs-attention');
  });
});

describe('exportAll', () => {
  it('returns every item, oldest first', async () => {
    const db = await openQueueDb();
    const [a, b] = [sampleCorrection(), sampleCorrection()];
    await enqueue(db, b, T0 + 10);
    await enqueue(db, a, T0);
    const exported = await exportAll(db);
    expect(exported.map((item) => item.id)).toEqual([a.id, b.id]);
    expect(exported[0]?.correction).toEqual(a);
  });
});
