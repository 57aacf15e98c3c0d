import type { QueueCounts } from '../schema/queue';

/** Red: something needs the user. */
export const ATTENTION_COLOR = '#C5221F';
/** Neutral blue: corrections on their way. */
export const WAITING_COLOR = '#1A73E8';

export interface Badge {
  text: string;
  color: string;
}

/**
 * The toolbar badge: how many corrections need attention (that colour, and it wins over the
 * rest), else how many are waiting to go (queued, sending, retrying); empty when neither.
 */
export function badgeFor(counts: Partial<QueueCounts>): Badge {
  const attention = counts['needs-attention'] ?? 0;
  if (attention > 0) return { text: shortNumber(attention), color: ATTENTION_COLOR };
  const waiting = (counts.queued ?? 0) + (counts.sending ?? 0) + (counts.retrying ?? 0);
  if (waiting > 0) return { text: shortNumber(waiting), color: WAITING_COLOR };
  return { text: '', color: WAITING_COLOR };
}

// A badge fits about four characters.
const shortNumber = (n: number) => (n > 999 ? '999+' : String(n));
