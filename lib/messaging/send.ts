import { browser } from 'wxt/browser';
import type { Reply, RequestPayload, RequestType, ResponseMap } from './protocol';

export class MessageError extends Error {}

/** Sends a request to the background and unwraps its reply; throws MessageError on refusal. */
export async function sendRequest<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new MessageError('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
