// The transitions the delivery scheduler makes. Each is atomic (one transaction, alone or with
// others: see recordAndClaim) and applies only from the state it expects; anything else is
// ignored (null), never forced:
//   queued | retrying (due)  ─claimDue→  sending  ─markSent→ sent
//   sending (lease expired)  ─claimDue→  sending  ─markRetrying→ retrying
//                                                ─markNeedsAttention→ needs-attention
//                                                ─released→ queued (claimed ahead, never attempted)
//   discarded (while in flight) ─markSent→ sent   (the server has it: the list must say so)

import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Receipt } from '../schema/correction';
import type { QueueStatus } from '../schema/fields';
import type { DeliveryError, QueueItem } from '../schema/queue';
import { type QueueDb, type QueueDbSchema, statusRange } from './db';
import { updateItem, writeTransaction } from './transaction';

/**
 * Statuses a claim takes. A `sending` item is due when its lease has ended: the worker that took
 * it was stopped mid-attempt (Chrome stops an idle extension worker after about 30 s), so the
 * attempt never finished. Its nextAttemptAt is its lease end.
 */
const CLAIMABLE: readonly QueueStatus[] = ['sending', 'retrying', 'queued'];

export interface ClaimOptions {
  now: number;
  /** How many items to take at most. */
  max: number;
  /** How long the claimed items belong to this worker; must outlast one attempt. */
  leaseMs: number;
  /** The endpoint these attempts will go to, recorded as `sendingTo`. */
  endpoint: string;
  /** Take only items due by this time (a run passes its start, so it never retries its own failures). */
  dueBy?: number;
}

type CorrectionsStore = IDBPObjectStore<
  QueueDbSchema,
  ArrayLike<StoreNames<QueueDbSchema>>,
  'corrections',
  'readwrite'
>;

/** Takes up to `max` due items in `tx`, oldest due first, and marks them `sending` under a lease. */
async function claimIn(
  corrections: CorrectionsStore,
  { now, max, leaseMs, endpoint, dueBy = now }: ClaimOptions,
): Promise<QueueItem[]> {
  if (max <= 0) return [];
  const index = corrections.index('status-nextAttemptAt');
  const due = (await Promise.all(CLAIMABLE.map((status) => index.getAll(statusRange(status, dueBy), max))))
    .flat()
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
    .slice(0, max);
  const claimed = due.map(
    (item): QueueItem => ({
      ...item,
      status: 'sending',
      attempts: item.attempts + 1,
      leaseUntil: now + leaseMs,
      nextAttemptAt: now + leaseMs,
      sendingTo: endpoint,
      updatedAt: now,
    }),
  );
  // Requested together, not one after the other: each request is a round trip to the browser.
  await Promise.all(claimed.map((item) => corrections.put(item)));
  return claimed;
}

/** Atomically takes up to `max` due items, oldest due first, and marks them `sending` under a lease. */
export async function claimDue(db: QueueDb, options: ClaimOptions): Promise<QueueItem[]> {
  if (options.max <= 0) return [];
  return writeTransaction(db, ['corrections'], (tx) => claimIn(tx.objectStore('corrections'), options), 'relaxed');
}

/** Which attempt a result belongs to: a result from an attempt whose lease was taken back is stale. */
export interface AttemptRef {
  attempt?: number;
}

/** What one attempt came to, as the scheduler records it. */
export type AttemptOutcome = { id: string } & AttemptRef &
  (
    | { status: 'sent'; receipt: Receipt | undefined; at: number }
    | { status: 'retrying'; error: DeliveryError; nextAttemptAt: number }
    | { status: 'needs-attention'; error: DeliveryError }
    /** Claimed but never attempted (the endpoint changed first): queued again as it was. */
    | { status: 'queued'; at: number }
  );

const isCurrentAttempt = (item: QueueItem, attempt: number | undefined) =>
  item.status === 'sending' && (attempt === undefined || item.attempts === attempt);

/**
 * The item after `outcome`, or null when the outcome no longer applies to it. An acknowledgement
 * applies to an item in flight, or discarded while in flight, whichever attempt it came from,
 * since any acknowledgement means the server has it. A failure applies only to the attempt in
 * flight: a stale attempt's failure must not undo a newer one.
 */
export function applyOutcome(item: QueueItem, outcome: AttemptOutcome): QueueItem | null {
  switch (outcome.status) {
    case 'sent':
      return item.status === 'sending' || item.status === 'discarded'
        ? {
            ...item,
            status: 'sent',
            receipt: outcome.receipt,
            lastError: undefined,
            leaseUntil: undefined,
            updatedAt: outcome.at,
          }
        : null;
    case 'retrying':
      return isCurrentAttempt(item, outcome.attempt)
        ? {
            ...item,
            status: 'retrying',
            lastError: outcome.error,
            nextAttemptAt: outcome.nextAttemptAt,
            leaseUntil: undefined,
            updatedAt: outcome.error.at,
          }
        : null;
    case 'needs-attention':
      return isCurrentAttempt(item, outcome.attempt)
        ? {
            ...item,
            status: 'needs-attention',
            lastError: outcome.error,
            nextAttemptAt: outcome.error.at,
            leaseUntil: undefined,
            updatedAt: outcome.error.at,
          }
        : null;
    case 'queued':
      return isCurrentAttempt(item, outcome.attempt)
        ? {
            ...item,
            status: 'queued',
            attempts: item.attempts - 1,
            nextAttemptAt: outcome.at,
            leaseUntil: undefined,
            sendingTo: undefined,
            updatedAt: outcome.at,
          }
        : null;
  }
}

/** The server acknowledged the correction (see applyOutcome). */
export async function markSent(db: QueueDb, id: string, receipt: Receipt | undefined, now = Date.now()) {
  return updateItem(db, id, (item) => applyOutcome(item, { id, status: 'sent', receipt, at: now }), 'relaxed');
}

/** The attempt failed for a reason that may pass; try again at `nextAttemptAt`. */
export async function markRetrying(
  db: QueueDb,
  id: string,
  error: DeliveryError,
  nextAttemptAt: number,
  { attempt }: AttemptRef = {},
) {
  return updateItem(
    db,
    id,
    (item) => applyOutcome(item, { id, attempt, status: 'retrying', error, nextAttemptAt }),
    'relaxed',
  );
}

/** The attempt failed for a reason only the user can fix (the server refused it, credentials, address). */
export async function markNeedsAttention(db: QueueDb, id: string, error: DeliveryError, { attempt }: AttemptRef = {}) {
  return updateItem(db, id, (item) => applyOutcome(item, { id, attempt, status: 'needs-attention', error }), 'relaxed');
}

/**
 * The delivery loop's one write: records what finished attempts came to and claims the next due
 * items, in one transaction. Under load several attempts finish while the previous write is under
 * way, so one transaction carries many transitions, each applied as markSent and the others
 * would. A PDF is deleted with its correction's `sent`. Returns the items each outcome changed
 * (an outcome that no longer applies changes nothing) and the items claimed.
 */
export async function recordAndClaim(
  db: QueueDb,
  outcomes: readonly AttemptOutcome[],
  claim: ClaimOptions | undefined,
): Promise<{ recorded: QueueItem[]; claimed: QueueItem[] }> {
  if (outcomes.length === 0 && (!claim || claim.max <= 0)) return { recorded: [], claimed: [] };
  return writeTransaction(
    db,
    ['corrections', 'pdfs'],
    async (tx) => {
      const corrections = tx.objectStore('corrections');
      // Each request is a round trip to the browser: all reads together, then all writes.
      const current = await Promise.all(outcomes.map((outcome) => corrections.get(outcome.id)));
      const recorded = outcomes.flatMap((outcome, i) => {
        const item = current[i];
        const next = item ? applyOutcome(item, outcome) : null;
        return next ? [next] : [];
      });
      await Promise.all(
        recorded.flatMap((next) => [
          corrections.put(next),
          ...(next.status === 'sent' && next.hasPdf ? [tx.objectStore('pdfs').delete(next.id)] : []),
        ]),
      );
      const claimed = claim ? await claimIn(corrections, claim) : [];
      return { recorded, claimed };
    },
    'relaxed',
  );
}

/**
 * When the next item becomes due: the earliest retry time, lease end, or queued item (already
 * due). Undefined when nothing is waiting. The background sets a `browser.alarms` alarm for it,
 * since an alarm is what brings a stopped worker back.
 */
export async function nextWakeAt(db: QueueDb): Promise<number | undefined> {
  const index = db.transaction('corrections').store.index('status-nextAttemptAt');
  const firsts = await Promise.all(
    CLAIMABLE.map(async (status) => (await index.openKeyCursor(statusRange(status, Infinity)))?.key[1]),
  );
  const times = firsts.filter((time) => time !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * At worker start, every `sending` item was abandoned: a browser runs one instance of the
 * extension's worker at a time, so the worker that claimed it is gone (stopped while idle, or the
 * browser closed). Such items are due again now instead of when their lease would end; the same
 * Idempotency-Key makes the repeat harmless if the server had already stored one.
 */
export async function releaseAbandonedSends(db: QueueDb, now = Date.now()): Promise<number> {
  return writeTransaction(db, ['corrections'], async (tx) => {
    const corrections = tx.objectStore('corrections');
    const abandoned = await corrections.index('status-nextAttemptAt').getAll(statusRange('sending', Infinity));
    for (const item of abandoned)
      await corrections.put({ ...item, nextAttemptAt: now, leaseUntil: now, updatedAt: now });
    return abandoned.length;
  });
}
