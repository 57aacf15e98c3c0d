// Tells the user what the queue is doing: the toolbar badge and the queue/changed broadcast to open
// extension pages. Delivery moves items several times a second; announcing each move (counting
// the outbox, setting the badge, a message parsed in every open page) cost more than the
// delivery itself, so moves are gathered and announced together, at most once per interval.
import type { QueueChanged } from '../schema/messages';
import { MAX_CHANGED_ITEMS } from '../schema/messages';
import type { QueueCounts, QueueSummary } from '../schema/queue';
import { type Badge, badgeFor } from '../sync/badge';

export interface QueueAnnouncerOptions {
  /** The counts per status as stored now. */
  countItems: () => Promise<QueueCounts>;
  /** Called only when the badge's text or colour changes. */
  setBadge: (badge: Badge) => Promise<void>;
  broadcast: (message: QueueChanged) => Promise<void>;
  /**
   * The longest a move waits to be announced while others keep coming. Twice a second reads as
   * live, and each announcement makes every open queue page render again.
   */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export interface QueueAnnouncer {
  /** An item moved: announced with the next announcement, its latest state only. */
  itemChanged(item: QueueSummary): void;
  /** Something changed that no single item says (a retry of everything, a new start): recount. */
  countsChanged(): void;
  /** Resolves once everything reported so far has been announced. */
  settled(): Promise<void>;
}

export function createQueueAnnouncer({
  countItems,
  setBadge,
  broadcast,
  intervalMs = 500,
  onError = (error) => console.error('[erratum] queue announcement failed', error),
}: QueueAnnouncerOptions): QueueAnnouncer {
  let pending = new Map<string, QueueSummary>();
  let recount = false;
  let badge: Badge | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let announcing: Promise<void> | undefined;
  let lastAnnouncedAt = Number.NEGATIVE_INFINITY;

  async function announce(): Promise<void> {
    const batch = pending;
    pending = new Map();
    recount = false;
    lastAnnouncedAt = Date.now();
    try {
      const counts = await countItems();
      const next = badgeFor(counts);
      if (next.text !== badge?.text || next.color !== badge?.color) {
        await setBadge(next);
        badge = next;
      }
      const items = [...batch.values()];
      if (items.length === 0) await broadcast({ type: 'queue/changed', counts, items });
      for (let start = 0; start < items.length; start += MAX_CHANGED_ITEMS)
        await broadcast({ type: 'queue/changed', counts, items: items.slice(start, start + MAX_CHANGED_ITEMS) });
    } catch (error) {
      // Told again with the next announcement, unless a newer state of the same item comes first.
      for (const [id, item] of batch) if (!pending.has(id)) pending.set(id, item);
      recount = true;
      throw error;
    }
  }

  /** Announces now if the last announcement is an interval old, else when it will be. */
  function schedule(): void {
    if (timer !== undefined || announcing) return;
    const wait = Math.max(0, lastAnnouncedAt + intervalMs - Date.now());
    timer = setTimeout(run, wait);
  }

  function run(): void {
    timer = undefined;
    announcing = announce()
      .catch(onError)
      .finally(() => {
        announcing = undefined;
        // Moves reported while this announcement was under way go out with the next one.
        if (pending.size > 0 || recount) schedule();
      });
  }

  return {
    itemChanged(item) {
      pending.set(item.id, item);
      schedule();
    },
    countsChanged() {
      recount = true;
      schedule();
    },
    async settled() {
      while (timer !== undefined || announcing) {
        if (timer !== undefined) {
          clearTimeout(timer);
          run();
        }
        await announcing;
      }
    },
  };
}
