// @vitest-environment node
// Issue #16, case 5: the endpoint stored a correction but its answer never arrived; the reader
// then edited it ("Fix and resend"). The edit must reach the endpoint, which keeps both.
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, getItem, resubmit } from '../../../lib/queue/outbox';
import { createDeliveryScheduler } from '../../../lib/sync/scheduler';
import { startReceiverForTest, type TestReceiver } from '../../receiver/harness';
import { sampleCorrection, T0, useQueueDb } from '../queue/fixtures';

const openQueueDb = useQueueDb();
let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.dispose();
  receiver = undefined;
});

describe('an edit after a lost answer', () => {
  it('arrives at the reference endpoint as a revision superseding the stored one', async () => {
    receiver = await startReceiverForTest();
    const db = await openQueueDb();
    const clock = { now: T0 };
    const scheduler = createDeliveryScheduler({
      db: openQueueDb,
      loadSettings: async () => ({ endpointUrl: receiver!.endpoint, token: '' }),
      fetch: (url, init) => fetch(url, init),
      now: () => clock.now,
      random: () => 0.5,
      timeoutMs: 10_000,
    });
    const first = sampleCorrection({ comment: 'The title lost a word.' });
    await enqueue(db, first, clock.now);
    receiver.faults.set({ dropAfterStoreNext: 1 });
    await scheduler.run();
    expect((await getItem(db, first.id))?.status).toBe('retrying');

    // The reader fixes it from the popup before the retry: a new revision.
    const edit = sampleCorrection({ ...first, id: sampleCorrection().id, supersedes: first.id, comment: 'Edited.' });
    await resubmit(db, edit, clock.now + 1);
    clock.now += 60 * 60_000;
    await scheduler.run();

    expect((await getItem(db, edit.id))?.status).toBe('sent');
    const stored = await receiver.records();
    expect(stored.map((record) => record.correction.comment).sort()).toEqual(['Edited.', 'The title lost a word.']);
    expect(stored.find((record) => record.id === edit.id)?.correction.supersedes).toBe(first.id);
    expect(receiver.stats().stored).toBe(2);
  });
});
