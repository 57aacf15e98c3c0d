import { describe, expect, it } from 'vitest';
import { applyQueueChange, type QueueView } from '../../../components/queue/queue-state';
import { countsOf, NOW, summary } from './fake-queue-api';

describe('applyQueueChange', () => {
  const shown = [summary({ createdAt: NOW - 1000 }), summary({ createdAt: NOW - 2000 })];
  const view: QueueView = { items: shown, counts: countsOf(shown), total: 500 };

  it('leaves the shown page alone when an older item beyond it changes, but moves the counts', () => {
    const old = summary({ status: 'sent', createdAt: NOW - 99_000 });
    const next = applyQueueChange(view, { type: 'queue/changed', counts: countsOf([...shown, old]), items: [old] });
    expect(next.items).toEqual(shown);
    expect(next.total).toBe(500);
    expect(next.counts.sent).toBe(1);
  });

  it('puts a new correction on top and counts it', () => {
    const fresh = summary({ createdAt: NOW });
    const next = applyQueueChange(view, { type: 'queue/changed', counts: countsOf([fresh, ...shown]), items: [fresh] });
    expect(next.items.map((item) => item.id)).toEqual([fresh.id, ...shown.map((item) => item.id)]);
    expect(next.total).toBe(501);
  });

  it('applies a broadcast of several moves at once: updates in place, new ones on top, newest first', () => {
    const [first, second] = shown;
    const sent = { ...first!, status: 'sent' as const };
    const retrying = { ...second!, status: 'retrying' as const, attempts: 2 };
    const newA = summary({ createdAt: NOW + 1 });
    const newB = summary({ createdAt: NOW + 2 });
    const next = applyQueueChange(view, {
      type: 'queue/changed',
      counts: countsOf([newA, newB, sent, retrying]),
      items: [newB, retrying, newA, sent],
    });
    expect(next.items.map((item) => [item.id, item.status])).toEqual([
      [newB.id, 'queued'],
      [newA.id, 'queued'],
      [first!.id, 'sent'],
      [second!.id, 'retrying'],
    ]);
    expect(next.total).toBe(502);
  });
});

describe('applyQueueChange on a full page', () => {
  it('keeps the page at its limit: new corrections on top push the oldest shown ones off', () => {
    const shown = [summary({ createdAt: NOW - 1000 }), summary({ createdAt: NOW - 2000 })];
    const view: QueueView = { items: shown, counts: countsOf(shown), total: 2 };
    const fresh = [summary({ createdAt: NOW }), summary({ createdAt: NOW + 1 })];
    const next = applyQueueChange(
      view,
      { type: 'queue/changed', counts: countsOf([...fresh, ...shown]), items: fresh },
      3,
    );
    expect(next.items.map((item) => item.id)).toEqual([fresh[1]!.id, fresh[0]!.id, shown[0]!.id]);
    // The one pushed off is still counted: "show more" brings it back.
    expect(next.total).toBe(4);
  });

  it('updates hundreds of shown items from one broadcast', () => {
    const shown = Array.from({ length: 300 }, (_, i) => summary({ createdAt: NOW - i }));
    const view: QueueView = { items: shown, counts: countsOf(shown), total: 300 };
    const sent = shown.map((item) => ({ ...item, status: 'sent' as const }));
    const next = applyQueueChange(
      view,
      { type: 'queue/changed', counts: countsOf(sent), items: sent.slice().reverse() },
      300,
    );
    expect(next.items).toEqual(sent);
    expect(next.total).toBe(300);
  });
});
