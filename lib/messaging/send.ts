import { browser } from 'wxt/browser';
import type { Reply, RequestPayload, RequestType, ResponseMap } from './protocol';

/** The background answered with a refusal (`refused`), or did not answer at all. */
export class MessageError extends Error {
  constructor(
    message: string,
    readonly refused = true,
  ) {
    super(message);
  }
}

/**
 * Sends a request to the background and unwraps its reply; throws MessageError on refusal. A
 * message that never reached a handler, or whose answer was lost (a worker stopping), rejects
 * with the browser's own error or a MessageError that is not `refused`.
 */
export async function sendRequest<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new MessageError('The extension did not answer. Reload the page and try again.', false);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
