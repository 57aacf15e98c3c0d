// Correction ids are UUIDv7 (RFC 9562): 48 bits of Unix time in ms, then 74 random bits. They
// are made in the form, before anything is stored, so every delivery attempt of one correction
// carries the same idempotency key and ids sort by creation time.

const RANDOM_BITS = 74n;
const RANDOM_LIMIT = 1n << RANDOM_BITS;
const RAND_B_MASK = (1n << 62n) - 1n;
const VARIANT = 0b10n << 62n;

export type FillRandom = (bytes: Uint8Array<ArrayBuffer>) => void;

function randomBits(fill: FillRandom): bigint {
  const bytes = new Uint8Array(10);
  fill(bytes);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value & (RANDOM_LIMIT - 1n);
}

function randomIncrement(fill: FillRandom): bigint {
  const bytes = new Uint8Array(4);
  fill(bytes);
  // A random step (1 … 2^32) rather than +1, so that the next id in a millisecond is not guessable.
  return 1n + BigInt(new DataView(bytes.buffer).getUint32(0));
}

function format(ms: number, random: bigint): string {
  const time = BigInt(ms).toString(16).padStart(12, '0');
  const randA = (random >> 62n).toString(16).padStart(3, '0');
  const randB = (VARIANT | (random & RAND_B_MASK)).toString(16).padStart(16, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${randB.slice(0, 4)}-${randB.slice(4)}`;
}

/**
 * Makes an id generator. Within one millisecond (or when the clock steps back) the random part
 * grows instead of being drawn afresh, so ids made in a row always sort in the order made.
 */
export function createCorrectionIdGenerator(
  now: () => number = Date.now,
  fill: FillRandom = (bytes) => crypto.getRandomValues(bytes),
): () => string {
  let lastMs = -1;
  let lastRandom = 0n;
  return () => {
    let ms = Math.max(now(), lastMs);
    let random: bigint;
    if (ms === lastMs) {
      random = lastRandom + randomIncrement(fill);
      if (random >= RANDOM_LIMIT) {
        ms += 1;
        random = randomBits(fill);
      }
    } else {
      random = randomBits(fill);
    }
    lastMs = ms;
    lastRandom = random;
    return format(ms, random);
  };
}

let sharedGenerator: (() => string) | undefined;

/** A new correction id, monotonic across every call in this page. */
export function newCorrectionId(): string {
  sharedGenerator ??= createCorrectionIdGenerator();
  return sharedGenerator();
}
