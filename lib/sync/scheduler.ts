// Drives delivery: claims due corrections, attempts each once, records what the server said.
// Everything it knows is in IndexedDB, so a worker stopped at any point loses nothing: an item it
// was sending is taken back when its lease ends, and an alarm (set from nextWakeAt) restarts it.

import type { QueueDb, StagedPdf } from '../queue/db';
import { claimDue, markNeedsAttention, markRetrying, markSent, nextWakeAt } from '../queue/delivery-state';
import { getCounts } from '../queue/outbox';
import { getPdf } from '../queue/pdf-store';
import { toSummary } from '../queue/summary';
import type { QueueCounts, QueueItem, QueueSummary } from '../schema/queue';
import type { Settings } from '../schema/settings';
import { retryDelayMs } from './backoff';
import { DEFAULT_TIMEOUT_MS, deliverOne, longestAttemptMs, MISSING_PDF_MESSAGE } from './deliver';
import type { FetchLike } from './post';

/**
 * Chrome stops an extension worker after 30 s without extension events or API calls, even with
 * a fetch in flight; an API call resets that timer. A large PDF on a slow link takes minutes.
 */
const KEEP_ALIVE_INTERVAL_MS = 20_000;

/** The background's one place for "when must the worker wake": see lib/queue/delivery-state.ts. */
export { nextWakeAt };

export interface DeliverySchedulerOptions {
  /** The outbox, or how to get it: openQueueDb, which reopens after the browser closed it. */
  db: QueueDb | (() => Promise<QueueDb>);
  /** Read at every claim: a new endpoint or token applies to everything not yet in flight. */
  loadSettings: () => Promise<Pick<Settings, 'endpointUrl' | 'token'>>;
  fetch?: FetchLike;
  now?: () => number;
  random?: () => number;
  /** Attempts in flight at once. */
  concurrency?: number;
  /** Base time allowed for one attempt (a PDF adds its upload allowance). */
  timeoutMs?: number;
  /** How long a claimed item belongs to this worker; must outlast the longest attempt. */
  leaseMs?: number;
  /** After every transition: the item as it is now and the counts per status. */
  onChange?: (summary: QueueSummary, counts: QueueCounts) => void;
  /** Called every 20 s during a run; the background passes an extension API call. */
  keepAlive?: () => unknown;
  /** Failures of runs started by kick() (storage errors); nothing is lost, the run stops. */
  onError?: (error: unknown) => void;
}

export interface RunResult {
  delivered: number;
  attempted: number;
}

export interface DeliveryScheduler {
  /** Delivers everything due when it starts, `concurrency` at a time; resolves when none is left. */
  run(): Promise<RunResult>;
  /** Starts a run unless one is going; a kick during a run schedules exactly one more. */
  kick(): void;
  /** Resolves when the runs started by kick() are over. */
  idle(): Promise<void>;
  /** When to wake the worker for the next due item; undefined when none, or no endpoint is set. */
  nextWakeAt(): Promise<number | undefined>;
}

export function createDeliveryScheduler(options: DeliverySchedulerOptions): DeliveryScheduler {
  const {
    db: dbOrOpen,
    loadSettings,
    fetch: fetchImpl = (input, init) => fetch(input, init),
    now = Date.now,
    random = Math.random,
    concurrency = 4,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    leaseMs = longestAttemptMs(timeoutMs) + 60_000,
    onChange,
    keepAlive,
    onError = (error) => console.error('Erratum delivery stopped:', error),
  } = options;
  if (leaseMs <= longestAttemptMs(timeoutMs))
    throw new RangeError('leaseMs must be longer than the longest attempt, or a live attempt could be claimed twice');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  const openDb = typeof dbOrOpen === 'function' ? dbOrOpen : async () => dbOrOpen;

  async function changed(db: QueueDb, item: QueueItem) {
    if (!onChange) return;
    const counts = await getCounts(db);
    try {
      onChange(toSummary(item), counts);
    } catch (error) {
      onError(error);
    }
  }

  /** One attempt of a claimed item; true when the server acknowledged it. */
  async function attempt(
    db: QueueDb,
    item: QueueItem,
    settings: Pick<Settings, 'endpointUrl' | 'token'>,
  ): Promise<boolean> {
    const attemptRef = { attempt: item.attempts };
    const staged = item.hasPdf ? await getPdf(db, item.id) : undefined;
    const pdfProblem = attachmentProblem(item, staged);
    if (pdfProblem) {
      const error = { kind: 'storage' as const, message: pdfProblem, at: now() };
      const updated = await markNeedsAttention(db, item.id, error, attemptRef);
      if (updated) await changed(db, updated);
      return false;
    }
    const result = await deliverOne(item, staged?.blob, settings, { fetch: fetchImpl, timeoutMs, now });
    const at = now();
    let updated: QueueItem | null;
    if (result.outcome === 'accepted') {
      updated = await markSent(db, item.id, result.receipt, at);
    } else if (result.outcome === 'retry') {
      const nextAttemptAt = at + retryDelayMs(item.attempts, result.retryAfterMs, random);
      updated = await markRetrying(db, item.id, { ...result.problem, at }, nextAttemptAt, attemptRef);
    } else {
      updated = await markNeedsAttention(db, item.id, { ...result.problem, at }, attemptRef);
    }
    if (updated) await changed(db, updated);
    return updated?.status === 'sent';
  }

  /** Claims and attempts one item at a time until nothing due by `dueBy` is left. */
  async function worker(dueBy: number, tally: RunResult): Promise<void> {
    for (;;) {
      const db = await openDb();
      const settings = await loadSettings();
      // No endpoint yet: corrections wait as `queued` (the popup says to set one up).
      if (!settings.endpointUrl) return;
      const [item] = await claimDue(db, { now: now(), dueBy, max: 1, leaseMs, endpoint: settings.endpointUrl });
      if (!item) return;
      tally.attempted++;
      await changed(db, item);
      if (await attempt(db, item, settings)) tally.delivered++;
    }
  }

  async function run(): Promise<RunResult> {
    // Items that fail during this run are due after it started, so one run never retries its own
    // failures in a loop; their time comes through the alarm.
    const dueBy = now();
    const tally: RunResult = { delivered: 0, attempted: 0 };
    const timer = keepAlive
      ? setInterval(
          () =>
            Promise.resolve()
              .then(keepAlive)
              .catch(() => undefined),
          KEEP_ALIVE_INTERVAL_MS,
        )
      : undefined;
    try {
      const results = await Promise.allSettled(Array.from({ length: concurrency }, () => worker(dueBy, tally)));
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
      return tally;
    } finally {
      clearInterval(timer);
    }
  }

  let running: Promise<void> | undefined;
  let runAgain = false;

  function kick() {
    if (running) {
      runAgain = true;
      return;
    }
    running = (async () => {
      try {
        do {
          runAgain = false;
          await run().catch(onError);
        } while (runAgain);
      } finally {
        running = undefined;
      }
    })();
  }

  return {
    run,
    kick,
    idle: () => running ?? Promise.resolve(),
    async nextWakeAt() {
      const settings = await loadSettings();
      // Without an endpoint nothing is attempted, so there is nothing to wake for.
      return settings.endpointUrl ? nextWakeAt(await openDb()) : undefined;
    },
  };
}

/** Why a claimed item's PDF cannot go out, or null: it must be the very file the correction describes. */
function attachmentProblem(item: QueueItem, staged: StagedPdf | undefined): string | null {
  const promised = item.correction.pdf;
  if (!promised) return null;
  if (!staged) return MISSING_PDF_MESSAGE;
  if (staged.size !== promised.size || staged.sha256 !== promised.sha256)
    return 'The attached PDF was replaced after this correction was written; review the correction and resubmit.';
  return null;
}
