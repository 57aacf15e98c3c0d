import { QUEUE_STATUSES } from '../schema/fields';
import type { QueueCounts, QueueItem, QueueSummary } from '../schema/queue';
import { statusRange } from './db';

/** What the popup shows of an item: everything but the correction body. */
export function toSummary(item: QueueItem): QueueSummary {
  return {
    id: item.id,
    status: item.status,
    title: item.correction.paper.title,
    site: item.correction.detected.site,
    pageUrl: item.correction.pageUrl,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    ...(item.lastError ? { lastError: item.lastError } : {}),
    ...(item.receipt ? { receipt: item.receipt } : {}),
    ...(item.review ? { review: item.review } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** The `status-nextAttemptAt` index of the corrections store, in any transaction. */
interface StatusIndex {
  count(range: IDBKeyRange): Promise<number>;
}

/** Items per status, counted on the status index: no record is read, however many there are. */
export async function countByStatus(index: StatusIndex): Promise<QueueCounts> {
  const counts = await Promise.all(QUEUE_STATUSES.map((status) => index.count(statusRange(status))));
  return Object.fromEntries(QUEUE_STATUSES.map((status, i) => [status, counts[i] ?? 0])) as QueueCounts;
}
