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
 * only moves the counts (listing it would break "newest first").
 */
export function applyQueueChange(view: QueueView, change: QueueChanged): QueueView {
  let next: QueueView = { ...view, counts: change.counts };
  // Oldest first, so that several new corrections end up newest on top.
  const moved = change.items.slice().sort((a, b) => a.createdAt - b.createdAt);
  for (const item of moved) {
    if (next.items.some((shown) => shown.id === item.id)) {
      next = replaceItem(next, item);
      continue;
    }
    const newest = next.items[0];
    if (item.status === 'discarded' || (newest && item.createdAt < newest.createdAt)) continue;
    next = { ...next, items: [item, ...next.items], total: next.total + 1 };
  }
  return next;
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
