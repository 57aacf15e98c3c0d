// Handing a correction to the worker. A message to an MV3 service worker that is stopping can be
// lost on the way there or on the way back ("Receiving end does not exist", "message channel
// closed before a response was received", an empty reply), and then the form cannot know whether
// the correction was stored. It sends again, with the same id, until the worker answers: every
// request on this path is idempotent (the outbox takes the same correction twice as once), and
// each message wakes the worker.
import { MessageError } from '../messaging/send';

/** Waits between attempts: quick at first (a worker restarts in tens of ms), then every 2 s. */
export const HAND_OVER_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1600, 2000];

/** True for an answer the worker gave (a refusal); false when no answer arrived. */
export function isRefusal(error: unknown): boolean {
  return error instanceof MessageError && error.refused;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` until it resolves or the worker refuses; a lost message or answer is sent again.
 * Meanwhile the form goes on showing "Sending…".
 */
export async function untilAnswered<T>(
  send: () => Promise<T>,
  { wait = pause }: { wait?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (isRefusal(error)) throw error;
      await wait(HAND_OVER_DELAYS_MS[Math.min(attempt, HAND_OVER_DELAYS_MS.length - 1)] ?? 2000);
    }
  }
}
