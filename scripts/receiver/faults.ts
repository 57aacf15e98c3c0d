import { z } from 'zod';

// Faults make the reference endpoint misbehave on purpose, so the client's retry, backoff and
// idempotency can be tested against a real server. They apply to requests to the endpoint
// (POST /corrections, connection tests included) and never to the listing or the controls.

/** Printable ASCII only: anything else cannot go into an HTTP header. */
const HeaderValue = z
  .string()
  .max(200)
  .regex(/^[\x20-\x7e]*$/, 'Use printable ASCII (seconds, or an HTTP date)');

export const FaultSettingsSchema = z.strictObject({
  /** Answer the next `count` requests with `status`, an optional Retry-After value and body. */
  failNext: z
    .strictObject({
      count: z.number().int().min(0),
      status: z.number().int().min(200).max(599),
      retryAfter: HeaderValue.optional(),
      /** A string is sent as text/plain, anything else as JSON; default `{ error }`. */
      body: z.unknown().optional(),
    })
    .optional(),
  /** Wait this long before every answer. */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** Close the connection of the next N requests as they arrive, answering nothing. */
  dropNext: z.number().int().min(0).optional(),
  /**
   * Store the next N new corrections, then close the connection without answering: the client
   * never learns it was accepted, and its retry must not create a second record.
   */
  dropAfterStoreNext: z.number().int().min(0).optional(),
  /**
   * Hold the next `count` new corrections open for `holdMs` while their key counts as in flight
   * (a retry meanwhile gets 409), then answer `status` without storing them: a slow first attempt
   * that fails after its retry was told to wait.
   */
  holdThenFailNext: z
    .strictObject({
      count: z.number().int().min(0),
      holdMs: z.number().int().min(0).max(600_000),
      status: z.number().int().min(400).max(599),
    })
    .optional(),
  /** Each request fails with probability p, as a 503 or a dropped connection (even odds). */
  random: z
    .strictObject({
      seed: z.number().int(),
      probability: z.number().min(0).max(1),
      retryAfter: HeaderValue.optional(),
    })
    .optional(),
});
export type FaultSettings = z.infer<typeof FaultSettingsSchema>;

/** What to do with a request as it arrives. */
export type ArrivalFault =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'fail'; status: number; retryAfter?: string; body?: unknown };

/** mulberry32: a tiny PRNG, so one seed gives one sequence of faults on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultControl {
  #settings: FaultSettings = {};
  #random: (() => number) | undefined;

  /** Replaces the faults named in `settings`, leaving the others as they are. */
  set(settings: FaultSettings): void {
    const parsed = FaultSettingsSchema.parse(settings);
    this.#settings = { ...this.#settings, ...parsed };
    if (parsed.random) this.#random = seededRandom(parsed.random.seed);
  }

  reset(): void {
    this.#settings = {};
    this.#random = undefined;
  }

  /** The faults still in force, with counts of what is left. */
  current(): FaultSettings {
    return structuredClone(this.#settings);
  }

  get delayMs(): number {
    return this.#settings.delayMs ?? 0;
  }

  /** Decides the fate of one request to the endpoint; counted faults are used up in order. */
  onArrival(): ArrivalFault {
    const { failNext, dropNext, random } = this.#settings;
    if (failNext && failNext.count > 0) {
      this.#settings.failNext = { ...failNext, count: failNext.count - 1 };
      return { kind: 'fail', status: failNext.status, retryAfter: failNext.retryAfter, body: failNext.body };
    }
    if (dropNext && dropNext > 0) {
      this.#settings.dropNext = dropNext - 1;
      return { kind: 'drop' };
    }
    if (random && this.#random) {
      // Two draws per request whatever the outcome, so the sequence depends only on the seed
      // and the number of requests.
      const fails = this.#random() < random.probability;
      const drops = this.#random() < 0.5;
      if (fails) return drops ? { kind: 'drop' } : { kind: 'fail', status: 503, retryAfter: random.retryAfter };
    }
    return { kind: 'none' };
  }

  /** Called as a new correction is about to be stored: whether to hold it and fail instead. */
  holdThenFail(): { holdMs: number; status: number } | null {
    const held = this.#settings.holdThenFailNext;
    if (!held || held.count <= 0) return null;
    this.#settings.holdThenFailNext = { ...held, count: held.count - 1 };
    return { holdMs: held.holdMs, status: held.status };
  }

  /** Called once a new correction is stored: true = lose the answer by dropping the connection. */
  dropAfterStore(): boolean {
    const left = this.#settings.dropAfterStoreNext ?? 0;
    if (left <= 0) return false;
    this.#settings.dropAfterStoreNext = left - 1;
    return true;
  }
}
