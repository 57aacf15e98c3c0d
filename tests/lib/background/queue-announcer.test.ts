import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueueAnnouncer } from '@/lib/background/queue-announcer';
import { MAX_CHANGED_ITEMS, type QueueChanged, QueueChangedSchema } from '@/lib/schema/messages';
import type { QueueCounts, QueueSummary } from '@/lib/schema/queue';
import type { Badge } from '@/lib/sync/badge';
import { countsOf, summary } from '../../components/queue/fake-queue-api';

const INTERVAL = 250;

function setUp(initial: QueueSummary[] = []) {
  let stored = initial;
  const broadcasts: QueueChanged[] = [];
  const badges: Badge[] = [];
  const countItems = vi.fn(async (): Promise<QueueCounts> => countsOf(stored));
  const errors: unknown[] = [];
  const announcer = createQueueAnnouncer({
    countItems,
    setBadge: async (badge) => {
      badges.push(badge);
    },
    broadcast: async (message) => {
      // What every open page does with it: the message must pass the schema.
      broadcasts.push(QueueChangedSchema.parse(message));
    },
    intervalMs: INTERVAL,
    onError: (error) => errors.push(error),
  });
  const store = (items: QueueSummary[]) => {
    stored = items;
  };
  return { announcer, broadcasts, badges, countItems, errors, store };
}

describe('queue announcer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 23, 12) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces the first move at once, then gathers the moves of an interval into one announcement', async () => {
    const a = summary({ status: 'sending' });
    const b = summary({ status: 'queued' });
    const { announcer, broadcasts, countItems, store } = setUp([a, b]);

    announcer.itemChanged(a);
    await vi.advanceTimersByTimeAsync(0);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]?.items).toEqual([a]);

    // A burst of moves: a is sent, b is claimed and fails; only the latest state of each goes out.
    const aSent = { ...a, status: 'sent' as const };
    const bSending = { ...b, status: 'sending' as const };
    const bRetrying = { ...b, status: 'retrying' as const, attempts: 1 };
    store([aSent, bRetrying]);
    announcer.itemChanged(aSent);
    announcer.itemChanged(bSending);
    announcer.itemChanged(bRetrying);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(broadcasts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(broadcasts).toHaveLength(2);
    expect(broadcasts[1]?.items).toEqual([aSent, bRetrying]);
    expect(broadcasts[1]?.counts).toMatchObject({ sent: 1, retrying: 1, sending: 0 });
    expect(countItems).toHaveBeenCalledTimes(2);
  });

  it('sets the badge only when its text or colour changes', async () => {
    const items = [summary(), summary()];
    const { announcer, badges, store } = setUp(items);
    announcer.countsChanged();
    await announcer.settled();
    announcer.itemChanged({ ...items[0]!, status: 'sending' });
    await announcer.settled();
    expect(badges).toEqual([{ text: '2', color: expect.any(String) }]);

    store([{ ...items[0]!, status: 'needs-attention' }, items[1]!]);
    announcer.itemChanged({ ...items[0]!, status: 'needs-attention' });
    await announcer.settled();
    expect(badges.map((badge) => badge.text)).toEqual(['2', '1']);
    expect(badges[1]?.color).not.toBe(badges[0]?.color);
  });

  it('splits a large batch over several broadcasts, none over the limit', async () => {
    const many = Array.from({ length: MAX_CHANGED_ITEMS * 2 + 5 }, () => summary({ status: 'sent' }));
    const { announcer, broadcasts } = setUp(many);
    for (const item of many) announcer.itemChanged(item);
    await announcer.settled();
    expect(broadcasts.map((message) => message.items.length)).toEqual([MAX_CHANGED_ITEMS, MAX_CHANGED_ITEMS, 5]);
    expect(new Set(broadcasts.flatMap((message) => message.items.map((item) => item.id))).size).toBe(many.length);
  });

  it('announces counts alone when no single item moved', async () => {
    const { announcer, broadcasts } = setUp([summary({ status: 'retrying' })]);
    announcer.countsChanged();
    await announcer.settled();
    expect(broadcasts).toEqual([
      { type: 'queue/changed', counts: expect.objectContaining({ retrying: 1 }), items: [] },
    ]);
  });

  it('keeps announcing after a failed count, and loses no move', async () => {
    const a = summary({ status: 'sending' });
    const b = summary({ status: 'sending' });
    const { announcer, broadcasts, countItems, errors } = setUp([a, b]);
    countItems.mockRejectedValueOnce(new Error('database closed'));
    announcer.itemChanged(a);
    announcer.itemChanged(b);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    expect(broadcasts).toHaveLength(0);
    const aSent = { ...a, status: 'sent' as const };
    announcer.itemChanged(aSent);
    await announcer.settled();
    const announced = broadcasts.flatMap((message) => message.items);
    expect(announced).toHaveLength(2);
    expect(announced).toEqual(expect.arrayContaining([b, aSent]));
  });
});
