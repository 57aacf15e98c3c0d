// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listSummaries } from '../../../lib/queue/outbox';
import type { QueueItem } from '../../../lib/schema/queue';
import { sampleCorrection, T0, useQueueDb, uuidv7 } from './fixtures';

const openQueueDb = useQueueDb();
afterEach(() => vi.restoreAllMocks());

const COUNT = 10_000;
const STATUSES = ['sent', 'sent', 'sent', 'queued', 'retrying', 'needs-attention', 'discarded'] as const;

describe('listSummaries with 10,000 corrections', () => {
  it('reads only the page it lists, never a PDF, and stays fast', async () => {
    const db = await openQueueDb();
    const template = sampleCorrection();
    const tx = db.transaction(['corrections', 'pdfs'], 'readwrite');
    let sent = 0;
    for (let i = 0; i < COUNT; i++) {
      const id = uuidv7(T0 + i, i);
      const status = STATUSES[i % STATUSES.length]!;
      if (status === 'sent') sent++;
      const item: QueueItem = {
        id,
        correction: { ...template, id },
        status,
        attempts: 1,
        nextAttemptAt: T0 + i,
        hasPdf: i % 100 === 0,
        createdAt: T0 + i,
        updatedAt: T0 + i,
      };
      void tx.objectStore('corrections').put(item);
      if (item.hasPdf)
        void tx.objectStore('pdfs').put({ blob: new Blob(['%PDF']), size: 4, sha256: '0', stagedAt: T0 }, id);
    }
    await tx.done;

    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const started = performance.now();
    const listing = await listSummaries(db, { limit: 200 });
    const elapsed = performance.now() - started;
    console.log(`listSummaries: 200 of ${COUNT} items in ${elapsed.toFixed(1)} ms (fake-indexeddb)`);

    expect(listing.total).toBe(COUNT);
    expect(listing.items).toHaveLength(200);
    expect(listing.items[0]?.createdAt).toBe(T0 + COUNT - 1);
    expect(listing.counts.sent).toBe(sent);
    expect(Object.values(listing.counts).reduce((a, b) => a + b, 0)).toBe(COUNT);
    // Only the corrections store is opened: no PDF can be read.
    expect(transactions.mock.calls.map(([stores]) => [stores].flat())).toEqual([['corrections']]);
    // Generous for a shared CI machine; loading all 10,000 records takes several times longer.
    expect(elapsed).toBeLessThan(2000);
  });
});
