// Errors the outbox raises. Their messages are shown to the user as they are (the message router
// replies `{ ok: false, error: message }`), so each says what happened and what to do.

export class QueueError extends Error {
  override name = 'QueueError';
}

/** The browser refused to store more (quota or disk full). Nothing already queued was touched. */
export class QueueStorageFullError extends QueueError {
  override name = 'QueueStorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      "Your browser's storage for Erratum is full; free some space (or discard sent corrections) and try again. Corrections already queued are safe.",
      options,
    );
  }
}

// Chrome and Safari name it QuotaExceededError; older Firefox raised NS_ERROR_DOM_QUOTA_REACHED,
// and legacy DOMException code 22 is the same condition.
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** What a failed transaction should surface: a storage-full error in the user's words, or the error itself. */
export function asQueueError(error: unknown): unknown {
  if (error instanceof QueueError) return error;
  return isQuotaError(error) ? new QueueStorageFullError({ cause: error }) : error;
}
