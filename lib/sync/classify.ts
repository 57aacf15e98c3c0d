// What an endpoint's answer means for a correction (the protocol is in docs/). Every status has
// a meaning here: unlike Workbox, a 500 is never taken for a delivery.
import { type Receipt, ReceiptSchema } from '../schema/correction';
import type { DeliveryError } from '../schema/queue';
import { parseRetryAfter } from './retry-after';

/** A delivery problem before it is stamped with a time. */
export type DeliveryProblem = Omit<DeliveryError, 'at'>;

export type Classification =
  /** The server has the correction (2xx; a repeat is answered with the first 2xx replayed). */
  | { outcome: 'accepted'; receipt: Receipt | undefined }
  /** May pass by itself: try again later, after `retryAfterMs` if the server said so. */
  | { outcome: 'retry'; problem: DeliveryProblem; retryAfterMs?: number }
  /** The server refused this correction: the user must change it. */
  | { outcome: 'rejected'; problem: DeliveryProblem }
  /** The token is missing, wrong or lacks rights. */
  | { outcome: 'credentials'; problem: DeliveryProblem }
  /** The endpoint address is wrong. */
  | { outcome: 'config'; problem: DeliveryProblem };

export const REDIRECT_MESSAGE = 'The endpoint redirected to another address; enter the final address in the settings.';
const MAX_SERVER_MESSAGE = 1000;

export function classifyResponse(status: number, headers: Headers, bodyText: string, now = Date.now()): Classification {
  const fromServer = serverMessage(bodyText);
  const because = fromServer ? `: ${fromServer}` : '.';
  if (status === 0 || (status >= 300 && status < 400))
    return { outcome: 'config', problem: { kind: 'config', status: status || undefined, message: REDIRECT_MESSAGE } };
  if (status >= 200 && status < 300) return { outcome: 'accepted', receipt: receiptFrom(bodyText) };
  // 409 (protocol 1.1, draft-ietf-httpapi-idempotency-key-header): an attempt with this key is
  // still being processed. That first attempt may yet fail, so 409 is never "sent": it is
  // retried, no sooner than Retry-After. (1.0 took it as delivered and could lose the correction.)
  if (status === 409 || status === 408 || status === 425 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers.get('Retry-After'), now);
    const problem: DeliveryProblem = {
      kind: 'http',
      status,
      message: `${busyMessage(status)}${because}`,
      serverMessage: fromServer,
    };
    return retryAfterMs === undefined ? { outcome: 'retry', problem } : { outcome: 'retry', problem, retryAfterMs };
  }
  if (status === 401 || status === 403)
    return {
      outcome: 'credentials',
      problem: {
        kind: 'credentials',
        status,
        serverMessage: fromServer,
        message: `The endpoint refused the access token (HTTP ${status}); check the token in the settings${because}`,
      },
    };
  if (status === 404 || status === 405 || status === 410)
    return {
      outcome: 'config',
      problem: {
        kind: 'config',
        status,
        serverMessage: fromServer,
        message: `The endpoint address does not accept corrections (HTTP ${status}); check it in the settings${because}`,
      },
    };
  return {
    outcome: 'rejected',
    problem: {
      kind: 'rejected',
      status,
      serverMessage: fromServer,
      message: fromServer ?? `The endpoint refused this correction (HTTP ${status}) without saying why.`,
    },
  };
}

function busyMessage(status: number): string {
  if (status === 409) return 'The endpoint is still processing an earlier attempt of this correction (HTTP 409)';
  if (status === 429) return 'The endpoint asked to slow down (HTTP 429)';
  if (status === 408 || status === 425) return `The endpoint did not take the correction in time (HTTP ${status})`;
  return `The endpoint had a problem (HTTP ${status})`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The protocol's `{ error }` text, trimmed and bounded; the body is the server's, so only a string is taken. */
function serverMessage(bodyText: string): string | undefined {
  const body = parseJson(bodyText);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'string' || error.trim() === '') return undefined;
  const text = error.trim();
  return text.length > MAX_SERVER_MESSAGE ? `${text.slice(0, MAX_SERVER_MESSAGE)}…` : text;
}

/** A receipt `{ id, url }` when the body is one; an empty or odd body still means delivered. */
function receiptFrom(bodyText: string): Receipt | undefined {
  const parsed = ReceiptSchema.safeParse(parseJson(bodyText));
  if (!parsed.success || (parsed.data.id === undefined && parsed.data.url === undefined)) return undefined;
  return parsed.data;
}
