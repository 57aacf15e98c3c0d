// Drives delivery: claims due corrections, attempts each once, records what the server said.
// Everything it knows is in IndexedDB, so a worker stopped at any point loses nothing: an item it
// was sending is taken back when its lease ends, and an alarm (set from nextWakeAt) restarts it.

import type { QueueDb, StagedPdf } from '../queue/db';
import { type AttemptOutcome, nextWakeAt, recordAndClaim } from '../queue/delivery-state';
import { getPdf } from '../queue/pdf-store';
import { toSummary } from '../queue/summary';
import type { QueueItem, QueueSummary } from '../schema/queue';
import type { Settings } from '../schema/settings';
import { retryDelayMs } from './backoff';
import { DEFAULT_TIMEOUT_MS, deliverOne, longestAttemptMs, MISSING_PDF_MESSAGE } from './deliver';
import type { FetchLike } from './post';

/**
 * Chrome stops an extension worker after 30 s without extension events or API calls, even with
 * a fetch in flight; an API call resets that timer. A large PDF on a slow link takes minutes.
 */
const KEEP_ALIVE_INTERVAL_MS = 20_000;

/** How many items, in multiples of `concurrency`, a run holds claimed at most (in flight and waiting). */
const CLAIM_AHEAD = 6;
/** How many finished attempts, in multiples of `concurrency`, make a write worth it (see timeToWrite). */
const WRITE_BATCH = 3;

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
  /**
   * After every transition, with the item as it is now. Called synchronously and often (several
   * times a second under load): the background gathers these before announcing them.
   */
  onChange?: (summary: QueueSummary) => void;
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

  function changed(item: QueueItem): void {
    if (!onChange) return;
    try {
      onChange(toSummary(item));
    } catch (error) {
      onError(error);
    }
  }

  /** One attempt of a claimed item: what it came to, for the next write to record. */
  async function attempt(
    db: QueueDb,
    item: QueueItem,
    settings: Pick<Settings, 'endpointUrl' | 'token'>,
  ): Promise<AttemptOutcome> {
    const ref = { id: item.id, attempt: item.attempts };
    const staged = item.hasPdf ? await getPdf(db, item.id) : undefined;
    const pdfProblem = attachmentProblem(item, staged);
    if (pdfProblem)
      return { ...ref, status: 'needs-attention', error: { kind: 'storage', message: pdfProblem, at: now() } };
    const result = await deliverOne(item, staged?.blob, settings, { fetch: fetchImpl, timeoutMs, now });
    const at = now();
    if (result.outcome === 'accepted') return { ...ref, status: 'sent', receipt: result.receipt, at };
    if (result.outcome === 'retry') {
      const nextAttemptAt = at + retryDelayMs(item.attempts, result.retryAfterMs, random);
      return { ...ref, status: 'retrying', error: { ...result.problem, at }, nextAttemptAt };
    }
    return { ...ref, status: 'needs-attention', error: { ...result.problem, at } };
  }

  /**
   * Keeps `concurrency` attempts in flight until nothing due by the run's start is left. Writes
   * are kept off the attempts' path: items are claimed ahead (up to CLAIM_AHEAD × `concurrency`
   * in all; stored as sending, announced when their attempt starts), so a finished attempt's
   * place is taken at once, and one write records a batch of finished attempts and claims the
   * next ones in a single transaction. IndexedDB's cost is per request and per transaction far
   * more than per byte: writing once per attempt made a large queue deliver at half the speed of
   * the network.
   * A claimed item may wait past its lease on a slow endpoint; that is harmless, since only a
   * later run takes back an expired lease, and runs never overlap (kick).
   */
  async function run(): Promise<RunResult> {
    // Items that fail during this run are due after it started, so one run never retries its own
    // failures in a loop; their time comes through the alarm.
    const dueBy = now();
    const tally: RunResult = { delivered: 0, attempted: 0 };
    const inFlight = new Set<Promise<void>>();
    /** Claimed, waiting for a place in flight. */
    const ready: QueueItem[] = [];
    let finished: AttemptOutcome[] = [];
    let failure: { error: unknown } | undefined;
    let wake: (() => void) | undefined;
    const timer = keepAlive
      ? setInterval(
          () =>
            Promise.resolve()
              .then(keepAlive)
              .catch(() => undefined),
          KEEP_ALIVE_INTERVAL_MS,
        )
      : undefined;

    /** Back to the queue, unattempted. */
    const released = (item: QueueItem): AttemptOutcome => ({
      id: item.id,
      attempt: item.attempts,
      status: 'queued',
      at: now(),
    });

    /** A claimed item goes out with the settings of now: a new token applies to it; a new endpoint sends it back. */
    async function send(db: QueueDb, item: QueueItem): Promise<AttemptOutcome> {
      const settings = await loadSettings();
      if (!settings.endpointUrl || settings.endpointUrl !== item.sendingTo) return released(item);
      tally.attempted++;
      return attempt(db, item, settings);
    }

    function fillFlights(db: QueueDb): void {
      while (!failure && inFlight.size < concurrency && ready.length > 0) {
        const item = ready.shift() as QueueItem;
        // Announced as sending when its attempt starts, not when it was claimed ahead.
        changed(item);
        const flight: Promise<void> = send(db, item)
          .then(
            (outcome) => {
              finished.push(outcome);
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => {
            inFlight.delete(flight);
            fillFlights(db);
            wake?.();
          });
        inFlight.add(flight);
      }
    }

    /**
     * Write when a batch is full, when few claimed items are left to take the next places (the
     * write refills them while the rest go out), or when all is over.
     */
    const timeToWrite = () =>
      finished.length >= WRITE_BATCH * concurrency ||
      (finished.length > 0 && ready.length <= concurrency) ||
      inFlight.size === 0 ||
      (failure !== undefined && ready.length > 0);

    try {
      for (;;) {
        const db = await openDb();
        const settings = await loadSettings();
        const outcomes = finished;
        finished = [];
        // After a failure nothing more is claimed, and what waits is put back.
        if (failure) outcomes.push(...ready.splice(0).map((item) => released(item)));
        // No endpoint yet: corrections wait as `queued` (the popup says to set one up).
        const room = settings.endpointUrl && !failure ? CLAIM_AHEAD * concurrency - inFlight.size - ready.length : 0;
        const claim = room > 0 ? { now: now(), dueBy, max: room, leaseMs, endpoint: settings.endpointUrl } : undefined;
        const { recorded, claimed } = await recordAndClaim(db, outcomes, claim);
        for (const item of recorded) {
          if (item.status === 'sent') tally.delivered++;
          changed(item);
        }
        ready.push(...claimed);
        fillFlights(db);
        if (inFlight.size === 0 && finished.length === 0 && ready.length === 0) break;
        while (!timeToWrite())
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        wake = undefined;
      }
      if (failure) throw failure.error;
      return tally;
    } catch (error) {
      // A failed write: let what is in flight end (its items are taken back when their lease ends).
      await Promise.allSettled(inFlight);
      throw error;
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
