// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
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

  it('returns the stored item when the same correction is queued again, writing nothing', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    const first = await enqueue(db, correction, T0);
    // The same value with its keys in another order, as a second Send of the same draft builds it.
    const reordered = Object.fromEntries(Object.entries(correction).reverse()) as Correction;
    const again = await enqueue(db, reordered, T0 + 5);
    expect(again).toEqual(first);
    expect((await listSummaries(db, { limit: 10 })).total).toBe(1);
  });

  it('queues in a strict-durability transaction: on disk before the form says "queued"', async () => {
    const db = await openQueueDb();
    const opened = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await enqueue(db, sampleCorrection(), T0);
    const writes = opened.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.map(([, , options]) => options?.durability)).toEqual(writes.map(() => 'strict'));
    opened.mockRestore();
  });

  it('refuses other content under an id already queued, and keeps what was stored', async () => {
    const db = await openQueueDb();
    const correction = sampleCorrection();
    await enqueue(db, correction, T0);
    await expect(enqueue(db, { ...correction, comment: 'changed' }, T0 + 5)).rejects.toThrow(
      /different version of this correction/,
    );
    expect((await getItem(db, correction.id))?.correction).toEqual(correction);
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

describe('resubmit (a new revision of an edited correction)', () => {
  const revisionOf = (old: Correction, changes: Partial<Correction>) =>
    sampleCorrection({ ...old, ...changes, id: sampleCorrection().id, supersedes: old.id });

  it('queues the edit under a new id and withdraws the old one that needs attention', async () => {
    const db = await openQueueDb();
    const old = sampleCorrection();
    await inNeedOfAttention(db, old);
    const revision = revisionOf(old, { comment: 'Title fixed as the server asked' });
    const summary = await resubmit(db, revision, T0 + 10);
    expect(summary).toMatchObject({ id: revision.id, status: 'queued', nextAttemptAt: T0 + 10, attempts: 0 });
    expect((await getItem(db, revision.id))?.correction).toMatchObject({
      supersedes: old.id,
      comment: revision.comment,
    });
    expect(await getItem(db, old.id)).toMatchObject({ status: 'discarded', correction: old });
    const due = await claimDue(db, { now: T0 + 10, max: 10, leaseMs: 60_000, endpoint: ENDPOINT });
    expect(due.map((item) => item.id)).toEqual([revision.id]);
  });

  it('queues the edit of a correction already sent, which stays sent', async () => {
    const db = await openQueueDb();
    const old = sampleCorrection();
    await enqueue(db, old, T0);
    await claimDue(db, { now: T0, max: 1, leaseMs: 60_000, endpoint: ENDPOINT });
    await markSent(db, old.id, {});
    const revision = revisionOf(old, { comment: 'edit' });
    expect((await resubmit(db, revision, T0 + 1)).status).toBe('queued');
    expect((await getItem(db, old.id))?.status).toBe('sent');
  });

  it('is idempotent: the same revision handed over twice is one item', async () => {
    const db = await openQueueDb();
    const old = sampleCorrection();
    await inNeedOfAttention(db, old);
    const revision = revisionOf(old, { comment: 'edit' });
    const first = await resubmit(db, revision, T0 + 10);
    expect(await resubmit(db, revision, T0 + 20)).toEqual(first);
    expect((await listSummaries(db, { limit: 10 })).total).toBe(2);
  });

  it('carries the kept PDF over to the new revision and frees the old one', async () => {
    const db = await openQueueDb();
    const { correction: old, blob } = await withStagedPdf(db, 1);
    await inNeedOfAttention(db, old);
    const revision = revisionOf(old, { comment: 'same file, better comment' });
    await resubmit(db, revision, T0 + 10);
    expect((await getPdf(db, revision.id))?.size).toBe(blob.size);
    expect(await getPdf(db, old.id)).toBeUndefined();
  });

  it('takes a replacement PDF staged under the new id', async () => {
    const db = await openQueueDb();
    const { correction: old } = await withStagedPdf(db, 1);
    await inNeedOfAttention(db, old);
    const replacement = pdfBlob(9, 4096);
    const pdf = await attachmentFor(replacement, 'corrected.pdf');
    const revision = revisionOf(old, { pdf });
    await stagePdf(db, revision.id, replacement, pdf.sha256, T0 + 5);
    await resubmit(db, revision, T0 + 10);
    expect((await getPdf(db, revision.id))?.size).toBe(4096);
  });

  it('refuses an edit that names no old revision, or one not in the outbox', async () => {
    const db = await openQueueDb();
    const old = sampleCorrection();
    await enqueue(db, old, T0);
    await expect(resubmit(db, { ...old, id: sampleCorrection().id })).rejects.toBeInstanceOf(QueueError);
    await expect(resubmit(db, revisionOf(sampleCorrection(), {}))).rejects.toThrow(/no longer in the outbox/);
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
