import type { QueueDb } from '../queue/db';
import { dueStatusChecks, recordStatusCheck } from '../queue/review-state';
import { toSummary } from '../queue/summary';
import type { QueueSummary } from '../schema/queue';
import type { Settings } from '../schema/settings';
import type { FetchLike } from '../sync/post';
import { checkStatus } from '../sync/status-check';

export interface StatusCheckOptions {
  db: () => Promise<QueueDb>;
  loadSettings: () => Promise<Pick<Settings, 'endpointUrl' | 'token'>>;
  fetch: FetchLike;
  paceMs: number;
  now?: () => number;
  onChange?: (summary: QueueSummary) => void;
}

/**
 * Asks the status address of every sent correction that is due, one at a time (a modest pace for
 * the endpoint), and records each answer. Returns how many were asked.
 */
export async function checkDueStatuses({
  db,
  loadSettings,
  fetch,
  paceMs,
  now = Date.now,
  onChange,
}: StatusCheckOptions) {
  const database = await db();
  const { endpointUrl, token } = await loadSettings();
  if (!endpointUrl) return 0;
  const due = await dueStatusChecks(database, now(), paceMs);
  for (const item of due) {
    const statusUrl = item.receipt?.status;
    if (!statusUrl) continue;
    // The token of the endpoint the correction went to: only while that is still the endpoint.
    const check = await checkStatus(fetch, { statusUrl, endpointUrl, token, correctionId: item.id }, now());
    const updated = await recordStatusCheck(database, item.id, check, now());
    if (updated) onChange?.(toSummary(updated));
  }
  return due.length;
}
