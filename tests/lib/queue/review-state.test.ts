// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { claimDue, markSent } from '../../../lib/queue/delivery-state';
import { enqueue, getItem } from '../../../lib/queue/outbox';
import { dueStatusChecks, recordStatusCheck, STATUS_PACE_MS } from '../../../lib/queue/review-state';
import { toSummary } from '../../../lib/queue/summary';
import { ENDPOINT, sampleCorrection, T0, useQueueDb } from './fixtures';

const openQueueDb = useQueueDb();

async function sentWithStatus(id?: string) {
  const db = await openQueueDb();
  const correction = sampleCorrection(id ? { id } : {});
  await enqueue(db, correction, T0);
  await claimDue(db, { now: T0, max: 10, leaseMs: 60_000, endpoint: ENDPOINT });
  await markSent(
    db,
    correction.id,
    { id: correction.id, status: `https://corrections.example.org/c/${correction.id}/status` },
    T0 + 1,
  );
  return { db, id: correction.id };
}

const status = (id: string, state: 'received' | 'accepted' | 'rejected' | 'applied', note: string | null = null) => ({
  kind: 'status' as const,
  status: { id, state, note, updatedAt: '2026-12-07T11:00:00.000Z' },
});

describe('what became of sent corrections, kept in the outbox', () => {
  it('asks about a sent correction with a status address at a modest pace, and no more once it is decided for good', async () => {
    const { db, id } = await sentWithStatus();
    expect((await dueStatusChecks(db, T0 + 2, STATUS_PACE_MS)).map((item) => item.id)).toEqual([id]);
    await recordStatusCheck(db, id, status(id, 'accepted', 'Will be fixed in the next release.'), T0 + 2);
    // The popup shows it: the summary carries the state and the note.
    expect(toSummary((await getItem(db, id))!).review).toMatchObject({
      state: 'accepted',
      note: 'Will be fixed in the next release.',
    });
    expect(await dueStatusChecks(db, T0 + 2 + STATUS_PACE_MS - 1, STATUS_PACE_MS)).toEqual([]);
    expect(await dueStatusChecks(db, T0 + 2 + STATUS_PACE_MS, STATUS_PACE_MS)).toHaveLength(1);
    await recordStatusCheck(db, id, status(id, 'applied'), T0 + 3 + STATUS_PACE_MS);
    expect(await dueStatusChecks(db, T0 + 100 * STATUS_PACE_MS, STATUS_PACE_MS)).toEqual([]);
  });

  it("keeps to the endpoint's Retry-After whatever the pace, and drops an address it must never ask again", async () => {
    const { db, id } = await sentWithStatus();
    await recordStatusCheck(db, id, { kind: 'later', notBefore: T0 + 10 * STATUS_PACE_MS, reason: 'HTTP 429' }, T0 + 2);
    expect(await dueStatusChecks(db, T0 + 9 * STATUS_PACE_MS, 0)).toEqual([]);
    expect(await dueStatusChecks(db, T0 + 10 * STATUS_PACE_MS, 0)).toHaveLength(1);
    await recordStatusCheck(db, id, { kind: 'never', reason: 'HTTP 404' }, T0 + 11 * STATUS_PACE_MS);
    expect(await dueStatusChecks(db, T0 + 100 * STATUS_PACE_MS, 0)).toEqual([]);
    expect((await getItem(db, id))?.status).toBe('sent');
  });
});
