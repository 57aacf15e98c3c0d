import type { QueueItem } from '../schema/queue';
import { FINAL_REVIEW_STATES } from '../schema/status';
import type { StatusCheck } from '../sync/status-check';
import { type QueueDb, statusRange } from './db';
import { updateItem } from './transaction';

// Where each sent correction stands with its curators, as the endpoint's status address says
// (lib/sync/status-check.ts asks it). Kept on the outbox item, so the popup shows it at once and a
// stopped worker forgets nothing; asked at a modest pace and never before the endpoint allows.

/** How often the worker asks about a correction by itself (the alarm). */
export const STATUS_PACE_MS = 30 * 60_000;
/** How often opening the popup may ask again. */
export const STATUS_PACE_POPUP_MS = 60_000;

/** Whether `item` should be asked about now, at a pace of `paceMs` since its last check. */
export function statusCheckDue(item: QueueItem, now: number, paceMs: number): boolean {
  if (item.status !== 'sent' || !item.receipt?.status) return false;
  if (item.review && FINAL_REVIEW_STATES.includes(item.review.state)) return false;
  if (item.statusNotBefore !== undefined && item.statusNotBefore > now) return false;
  return item.statusCheckedAt === undefined || now - item.statusCheckedAt >= paceMs;
}

/** The sent corrections due a status check, oldest check first, at most `limit`. */
export async function dueStatusChecks(db: QueueDb, now: number, paceMs: number, limit = 20): Promise<QueueItem[]> {
  const sent = await db.getAllFromIndex('corrections', 'status-nextAttemptAt', statusRange('sent'));
  return sent
    .filter((item) => statusCheckDue(item, now, paceMs))
    .sort((a, b) => (a.statusCheckedAt ?? 0) - (b.statusCheckedAt ?? 0))
    .slice(0, limit);
}

/** Writes what a check found; the item as it is now, or null when it changed meanwhile. */
export async function recordStatusCheck(db: QueueDb, id: string, check: StatusCheck, now: number) {
  return updateItem(
    db,
    id,
    (item) => {
      if (item.status !== 'sent') return null;
      const next: QueueItem = { ...item, statusCheckedAt: now, statusNotBefore: undefined };
      if (check.kind === 'status') {
        const { id: _id, ...status } = check.status;
        next.review = { ...status, checkedAt: now };
        if (check.notBefore !== undefined) next.statusNotBefore = check.notBefore;
        if (item.review?.state !== status.state || item.review?.note !== status.note) next.updatedAt = now;
      } else if (check.kind === 'later') next.statusNotBefore = check.notBefore;
      // Never again: the address is dropped from the receipt, so no check picks it up.
      else next.receipt = { ...item.receipt, status: undefined };
      return next;
    },
    'relaxed',
  );
}
