// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { QueueDb } from '../../../lib/queue/db';
import {
  claimDue,
  markNeedsAttention,
  markRetrying,
  markSent,
  nextWakeAt,
  recordAndClaim,
  releaseAbandonedSends,
} from '../../../lib/queue/delivery-state';
import { discard, enqueue, getItem, retryNow } from '../../../lib/queue/outbox';
import { getPdf, stagePdf } from '../../../lib/queue/pdf-store';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0, useQueueDb } from './fixtures';

const openQueueDb = useQueueDb();
const LEASE = 60_000;
const offline = (at: number) => ({ kind: 'network' as const, message: 'Could not reach the endpoint.', at });
const refused = (at: number) => ({ kind: 'rejected' as const, status: 422, message: 'DOI does not resolve', at });

async function queued(db: QueueDb, at = T0) {
  const correction = sampleCorrection();
  await enqueue(db, correction, at);
  return correction.id;
}

const claim = (db: QueueDb, now: number, max = 10, endpoint = ENDPOINT) =>
  claimDue(db, { now, max, leaseMs: LEASE, endpoint });

describe('claimDue', () => {
  it('takes due queued items into sending under a lease, counting the attempt', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    const [item] = await claim(db, T0 + 5);
    expect(item).toMatchObject({
      id,
      status: 'sending',
      attempts: 1,
      leaseUntil: T0 + 5 + LEASE,
      sendingTo: ENDPOINT,
      updatedAt: T0 + 5,
    });
    expect(await getItem(db, id)).toEqual(item);
  });

  it('takes an item only once while its lease lasts', async () => {
    const db = await openQueueDb();
    await queued(db);
    expect(await claim(db, T0)).toHaveLength(1);
    expect(await claim(db, T0 + LEASE - 1)).toEqual([]);
  });

  it('takes back a sending item whose lease ended (its worker was stopped)', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    await claim(db, T0);
    const [again] = await claim(db, T0 + LEASE, 10, 'https://new.example.org/in');
    expect(again).toMatchObject({
      id,
      attempts: 2,
      leaseUntil: T0 + 2 * LEASE,
      sendingTo: 'https://new.example.org/in',
    });
  });

  it('takes retrying items only once their time has come', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    await claim(db, T0);
    await markRetrying(db, id, offline(T0 + 1), T0 + 30_000);
    expect(await claim(db, T0 + 29_999)).toEqual([]);
    expect((await claim(db, T0 + 30_000)).map((item) => item.id)).toEqual([id]);
  });

  it('takes at most max items, the longest due first', async () => {
    const db = await openQueueDb();
    const late = await queued(db, T0 + 20);
    const early = await queued(db, T0);
    const middle = await queued(db, T0 + 10);
    expect((await claim(db, T0 + 100, 2)).map((item) => item.id)).toEqual([early, middle]);
    expect((await claim(db, T0 + 100, 2)).map((item) => item.id)).toEqual([late]);
  });

  it('honours dueBy: items queued after a run started wait for the next run', async () => {
    const db = await openQueueDb();
    await queued(db, T0 + 50);
    expect(await claimDue(db, { now: T0 + 100, dueBy: T0, max: 5, leaseMs: LEASE, endpoint: ENDPOINT })).toEqual([]);
  });

  it('never takes needs-attention, sent or discarded items', async () => {
    const db = await openQueueDb();
    const [a, b, c] = [await queued(db), await queued(db), await queued(db)];
    await claim(db, T0);
    await markNeedsAttention(db, a, refused(T0));
    await markSent(db, b, undefined, T0);
    await discard(db, c, T0);
    expect(await claim(db, T0 + 1e10)).toEqual([]);
  });
});

describe('results of an attempt', () => {
  it('markSent records the receipt, ends the lease and deletes the PDF', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256, T0);
    await enqueue(db, correction, T0);
    await claim(db, T0);
    expect(await getPdf(db, correction.id)).toBeDefined();
    const sent = await markSent(db, correction.id, { id: 'R-17', url: 'https://example.org/r/17' }, T0 + 2);
    expect(sent).toMatchObject({ status: 'sent', receipt: { id: 'R-17' }, updatedAt: T0 + 2 });
    expect(sent?.leaseUntil).toBeUndefined();
    expect(await getPdf(db, correction.id)).toBeUndefined();
  });

  it('markRetrying keeps the error and the time of the next attempt, and keeps the PDF', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256, T0);
    await enqueue(db, correction, T0);
    await claim(db, T0);
    const item = await markRetrying(db, correction.id, offline(T0 + 3), T0 + 8_000);
    expect(item).toMatchObject({ status: 'retrying', nextAttemptAt: T0 + 8_000, lastError: offline(T0 + 3) });
    expect(await getPdf(db, correction.id)).toBeDefined();
  });

  it('markNeedsAttention keeps the server message', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    await claim(db, T0);
    const item = await markNeedsAttention(db, id, refused(T0 + 3));
    expect(item).toMatchObject({ status: 'needs-attention', lastError: { message: 'DOI does not resolve' } });
  });

  it('ignores results for items that are not in flight', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    expect(await markSent(db, id, undefined, T0)).toBeNull();
    expect(await markRetrying(db, id, offline(T0), T0 + 1)).toBeNull();
    expect(await markNeedsAttention(db, id, refused(T0))).toBeNull();
    expect((await getItem(db, id))?.status).toBe('queued');
    expect(await markSent(db, sampleCorrection().id, undefined)).toBeNull();
  });

  it('keeps the first receipt when an item is acknowledged twice', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    await claim(db, T0);
    await markSent(db, id, { id: 'first' }, T0 + 1);
    expect(await markSent(db, id, { id: 'second' }, T0 + 2)).toBeNull();
    expect((await getItem(db, id))?.receipt).toEqual({ id: 'first' });
  });

  it('ignores a failure reported by an attempt whose lease was taken back', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    const [first] = await claim(db, T0);
    await claim(db, T0 + LEASE); // attempt 2 now owns it
    expect(await markRetrying(db, id, offline(T0 + LEASE + 1), T0 + 1e6, { attempt: first!.attempts })).toBeNull();
    expect((await getItem(db, id))?.status).toBe('sending');
    expect(await markRetrying(db, id, offline(T0 + LEASE + 1), T0 + 1e6, { attempt: 2 })).not.toBeNull();
  });

  it('a discard during flight stands if the attempt fails, and yields to an acknowledgement', async () => {
    const db = await openQueueDb();
    const [failing, delivered] = [await queued(db), await queued(db)];
    await claim(db, T0);
    await discard(db, failing, T0 + 1);
    await discard(db, delivered, T0 + 1);
    expect(await markRetrying(db, failing, offline(T0 + 2), T0 + 10)).toBeNull();
    expect((await getItem(db, failing))?.status).toBe('discarded');
    // The server has it: the list must say sent, not discarded.
    expect((await markSent(db, delivered, { id: 'R-1' }, T0 + 2))?.status).toBe('sent');
  });

  it('retryNow does not touch an item in flight', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    await claim(db, T0);
    expect(await retryNow(db, id, T0 + 1)).toBe(0);
    expect((await getItem(db, id))?.status).toBe('sending');
  });
});

describe('nextWakeAt', () => {
  it('is undefined when nothing waits', async () => {
    const db = await openQueueDb();
    expect(await nextWakeAt(db)).toBeUndefined();
  });

  it('is the earliest of retry times and lease ends', async () => {
    const db = await openQueueDb();
    const [a, b] = [await queued(db), await queued(db)];
    await claim(db, T0);
    await markRetrying(db, a, offline(T0), T0 + 90_000);
    expect(await nextWakeAt(db)).toBe(T0 + LEASE); // b's lease
    await markRetrying(db, b, offline(T0), T0 + 120_000);
    expect(await nextWakeAt(db)).toBe(T0 + 90_000);
  });

  it('is due now for a queued item', async () => {
    const db = await openQueueDb();
    await queued(db, T0 + 7);
    expect(await nextWakeAt(db)).toBe(T0 + 7);
  });
});

describe('releaseAbandonedSends', () => {
  it('makes items a stopped worker was sending due at once, and leaves the rest alone', async () => {
    const db = await openQueueDb();
    const inFlight = await queued(db);
    await claim(db, T0);
    const waiting = await queued(db, T0 + 5);
    expect(await claim(db, T0 + 10)).toHaveLength(1);
    const restartedAt = T0 + 1000;
    expect(await releaseAbandonedSends(db, restartedAt)).toBe(2);
    const again = await claim(db, restartedAt);
    expect(again.map((item) => item.id).sort()).toEqual([inFlight, waiting].sort());
    expect(again.every((item) => item.attempts === 2)).toBe(true);
  });
});

describe('recordAndClaim', () => {
  it('records several outcomes and claims the next items in one write', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    const withPdf = sampleCorrection({ pdf });
    await stagePdf(db, withPdf.id, blob, pdf.sha256, T0);
    await enqueue(db, withPdf, T0);
    const failing = await queued(db, T0 + 1);
    const refusedOne = await queued(db, T0 + 2);
    const waiting = [await queued(db, T0 + 3), await queued(db, T0 + 4)];
    const inFlight = await claim(db, T0 + 10, 3);
    expect(inFlight.map((item) => item.id)).toEqual([withPdf.id, failing, refusedOne]);

    const { recorded, claimed } = await recordAndClaim(
      db,
      [
        { id: withPdf.id, attempt: 1, status: 'sent', receipt: { id: 'R-1' }, at: T0 + 20 },
        { id: failing, attempt: 1, status: 'retrying', error: offline(T0 + 21), nextAttemptAt: T0 + 9_000 },
        { id: refusedOne, attempt: 1, status: 'needs-attention', error: refused(T0 + 22) },
      ],
      { now: T0 + 30, max: 5, leaseMs: LEASE, endpoint: ENDPOINT },
    );
    expect(recorded.map((item) => [item.id, item.status])).toEqual([
      [withPdf.id, 'sent'],
      [failing, 'retrying'],
      [refusedOne, 'needs-attention'],
    ]);
    // The retry is not due yet, so only the two waiting items are claimed.
    expect(claimed.map((item) => item.id)).toEqual(waiting);
    expect(await getPdf(db, withPdf.id)).toBeUndefined();
    expect(await getItem(db, refusedOne)).toMatchObject({ status: 'needs-attention', lastError: refused(T0 + 22) });
    expect(await getItem(db, waiting[0]!)).toMatchObject({ status: 'sending', attempts: 1, sendingTo: ENDPOINT });
  });

  it('ignores an outcome that no longer applies, and records the others', async () => {
    const db = await openQueueDb();
    const stale = await queued(db);
    await claim(db, T0);
    const current = await queued(db, T0 + LEASE);
    // The first attempt's lease ended: taken back as attempt 2, with the new item's attempt 1.
    expect((await claim(db, T0 + LEASE)).map((item) => [item.id, item.attempts])).toEqual([
      [stale, 2],
      [current, 1],
    ]);
    const { recorded } = await recordAndClaim(
      db,
      [
        { id: stale, attempt: 1, status: 'retrying', error: offline(T0 + LEASE + 1), nextAttemptAt: T0 + 1e6 },
        { id: current, attempt: 1, status: 'sent', receipt: undefined, at: T0 + LEASE + 2 },
      ],
      undefined,
    );
    expect(recorded.map((item) => item.id)).toEqual([current]);
    expect(await getItem(db, stale)).toMatchObject({ status: 'sending', attempts: 2 });
  });

  it('puts an item claimed but never attempted back in the queue, as it was', async () => {
    const db = await openQueueDb();
    const id = await queued(db);
    const [item] = await claim(db, T0);
    const { recorded } = await recordAndClaim(
      db,
      [{ id, attempt: item!.attempts, status: 'queued', at: T0 + 5 }],
      undefined,
    );
    expect(recorded[0]).toMatchObject({ id, status: 'queued', attempts: 0, nextAttemptAt: T0 + 5 });
    expect(recorded[0]?.sendingTo).toBeUndefined();
    expect(recorded[0]?.leaseUntil).toBeUndefined();
    expect((await claim(db, T0 + 5, 1, 'https://new.example.org/in'))[0]).toMatchObject({ id, attempts: 1 });
  });
});
