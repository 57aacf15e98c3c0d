import type { QueueChanged } from '../../lib/schema/messages';
import type { QueueCounts, QueueSummary } from '../../lib/schema/queue';

/** The part of the queue a page shows: the newest items, the counts and the total. */
export interface QueueView {
  items: QueueSummary[];
  counts: QueueCounts;
  total: number;
}

/** Puts the background's newest word on one item in place, keeping the list's order. */
export function replaceItem(view: QueueView, item: QueueSummary): QueueView {
  const index = view.items.findIndex((shown) => shown.id === item.id);
  if (index === -1) return view;
  const items = view.items.slice();
  items[index] = item;
  return { ...view, items };
}

/**
 * Applies a queue/changed broadcast. A shown item is updated in place; an item newer than every
 * shown one is a new correction and goes on top; a change to an older item beyond the shown page
 * only moves the counts (listing it would break "newest first"). The page stays at most `limit`
 * long: new corrections on top push the oldest shown ones off, as a reload would. One pass over
 * the page whatever the size of the broadcast: a bulk delivery announces hundreds at a time.
 */
export function applyQueueChange(view: QueueView, change: QueueChanged, limit = Infinity): QueueView {
  const shownIds = new Set(view.items.map((item) => item.id));
  const updates = new Map<string, QueueSummary>();
  const added: QueueSummary[] = [];
  const newestShown = view.items[0]?.createdAt ?? -Infinity;
  for (const item of change.items) {
    if (shownIds.has(item.id)) updates.set(item.id, item);
    else if (item.status !== 'discarded' && item.createdAt >= newestShown) added.push(item);
  }
  if (updates.size === 0 && added.length === 0) return { ...view, counts: change.counts };
  // Newest on top; stable, so corrections made in the same millisecond keep their order.
  added.sort((a, b) => b.createdAt - a.createdAt);
  const kept = updates.size === 0 ? view.items : view.items.map((item) => updates.get(item.id) ?? item);
  const items = added.length === 0 ? kept : [...added, ...kept].slice(0, Math.max(limit, kept.length));
  return { items, counts: change.counts, total: view.total + added.length };
}

/** The three numbers the summary line shows. */
export function countGroups(counts: QueueCounts): { waiting: number; needsAttention: number; sent: number } {
  const n = (status: keyof QueueCounts) => counts[status] ?? 0;
  return {
    waiting: n('queued') + n('sending') + n('retrying'),
    needsAttention: n('needs-attention'),
    sent: n('sent'),
  };
}
