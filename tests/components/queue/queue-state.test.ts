import { describe, expect, it } from 'vitest';
import { applyQueueChange, type QueueView } from '../../../components/queue/queue-state';
import { countsOf, NOW, summary } from './fake-queue-api';

describe('applyQueueChange', () => {
  const shown = [summary({ createdAt: NOW - 1000 }), summary({ createdAt: NOW - 2000 })];
  const view: QueueView = { items: shown, counts: countsOf(shown), total: 500 };

  it('leaves the shown page alone when an older item beyond it changes, but moves the counts', () => {
    const old = summary({ status: 'sent', createdAt: NOW - 99_000 });
    const next = applyQueueChange(view, { type: 'queue/changed', counts: countsOf([...shown, old]), item: old });
    expect(next.items).toEqual(shown);
    expect(next.total).toBe(500);
    expect(next.counts.sent).toBe(1);
  });

  it('puts a new correction on top and counts it', () => {
    const fresh = summary({ createdAt: NOW });
    const next = applyQueueChange(view, { type: 'queue/changed', counts: countsOf([fresh, ...shown]), item: fresh });
    expect(next.items.map((item) => item.id)).toEqual([fresh.id, ...shown.map((item) => item.id)]);
    expect(next.total).toBe(501);
  });
});
