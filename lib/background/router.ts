import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import type { Reply, RequestType, ResponseMap } from '../messaging/protocol';
import { EnvelopeSchema, MESSAGE_SENDERS, RequestSchemas } from '../schema/messages';
import { classifySender } from './senders';

export type RequestHandlers = {
  [T in RequestType]: (
    payload: z.output<(typeof RequestSchemas)[T]>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ResponseMap[T]>;
};

export class UserFacingError extends Error {}

function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(RequestSchemas, type);
}

/**
 * The background's single entrance: every message is parsed with its zod schema and its sender
 * checked before a handler sees it. Anything else gets a refusal, never an exception.
 */
export function createRouter(handlers: RequestHandlers, extensionId: string, extensionOrigin: string) {
  return async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<RequestType>> {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'Malformed message' };
    const { type } = envelope.data;
    if (!isRequestType(type)) return { ok: false, error: `Unknown request: ${type.slice(0, 60)}` };
    const kind = classifySender(sender, extensionId, extensionOrigin);
    if (!kind || !MESSAGE_SENDERS[type].includes(kind)) return { ok: false, error: 'Not allowed from this context' };
    const payload = RequestSchemas[type].safeParse(envelope.data.payload);
    if (!payload.success) {
      const first = payload.error.issues[0];
      const where = first?.path.length ? `${first.path.join('.')}: ` : '';
      return { ok: false, error: `Invalid ${type}: ${where}${first?.message ?? 'bad input'}` };
    }
    try {
      const handler = handlers[type] as (p: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
      const value = await handler(payload.data, sender);
      return { ok: true, value } as Reply<RequestType>;
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, error: error.message };
      const name = error instanceof Error ? error.name : '';
      const message = error instanceof Error ? error.message : String(error);
      // Errors of our own modules carry a message meant for the user (e.g. storage full).
      console.error(`[erratum] ${type} failed`, error);
      return { ok: false, error: name === 'QueueStorageFullError' ? message : `Erratum could not do that: ${message}` };
    }
  };
}
