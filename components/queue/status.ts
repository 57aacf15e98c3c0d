import { t } from '../../lib/i18n';
import type { QueueStatus } from '../../lib/schema/fields';

const STATUS_KEYS: Record<QueueStatus, string> = {
  queued: 'queueStatusQueued',
  sending: 'queueStatusSending',
  sent: 'queueStatusSent',
  retrying: 'queueStatusRetrying',
  'needs-attention': 'queueStatusNeedsAttention',
  discarded: 'queueStatusDiscarded',
};

export function statusLabel(status: QueueStatus): string {
  return t(STATUS_KEYS[status]);
}

/** The statuses a user may send again now: delivery has failed at least once. */
export function canRetry(status: QueueStatus): boolean {
  return status === 'retrying' || status === 'needs-attention';
}

/** Not yet delivered and not in flight: discarding cannot race an attempt. */
export function canDiscard(status: QueueStatus): boolean {
  return status === 'queued' || status === 'retrying' || status === 'needs-attention';
}
