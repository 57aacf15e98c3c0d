import { type CorrectionStatus, CorrectionStatusSchema } from '../schema/status';
import { endpointAddressProblem } from './endpoint-address';
import type { FetchLike } from './post';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from './protocol-headers';
import { parseRetryAfter } from './retry-after';

// One question to an endpoint's status address (protocol 1.2, docs/endpoint.md "Status"): what
// became of a sent correction. The address comes from the endpoint's receipt, so it is held to
// the endpoint's own rules before the token goes with it: the same origin as the configured
// endpoint (a receipt cannot send the token elsewhere), https (http only for localhost), no
// redirects, no cookies.

/** How long a status check may take. */
const STATUS_TIMEOUT_MS = 15_000;
/** After an answer that is no status (network down, 5xx without Retry-After): ask again no sooner. */
export const STATUS_BACKOFF_MS = 15 * 60_000;

export type StatusCheck =
  /** The endpoint said; `notBefore` is set when it also asked to be left alone for a while. */
  | { kind: 'status'; status: CorrectionStatus; notBefore?: number }
  /** No answer worth keeping now; ask again after `notBefore`. */
  | { kind: 'later'; notBefore: number; reason: string }
  /** Never ask this address again (not ours to ask, or the endpoint does not know the id). */
  | { kind: 'never'; reason: string };

/** Why the status address in a receipt must not be asked with the token, or null when it may be. */
export function statusAddressProblem(statusUrl: string, endpointUrl: string): string | null {
  const problem = endpointAddressProblem(statusUrl);
  if (problem) return problem;
  try {
    if (new URL(statusUrl).origin !== new URL(endpointUrl).origin)
      return 'The status address is not on the endpoint that received the correction.';
  } catch {
    return 'The status address is not a valid address.';
  }
  return null;
}

export async function checkStatus(
  fetchImpl: FetchLike,
  {
    statusUrl,
    endpointUrl,
    token,
    correctionId,
  }: { statusUrl: string; endpointUrl: string; token?: string; correctionId: string },
  now: number,
): Promise<StatusCheck> {
  const problem = statusAddressProblem(statusUrl, endpointUrl);
  if (problem) return { kind: 'never', reason: problem };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), STATUS_TIMEOUT_MS);
  const retryAt = (retryAfter: string | null | undefined) => {
    const delay = parseRetryAfter(retryAfter, now);
    return delay === undefined ? undefined : now + delay;
  };
  const later = (reason: string, retryAfter?: string | null): StatusCheck => ({
    kind: 'later',
    notBefore: retryAt(retryAfter) ?? now + STATUS_BACKOFF_MS,
    reason,
  });
  try {
    const response = await fetchImpl(statusUrl, {
      method: 'GET',
      headers: {
        Accept: 'application/json',
        [PROTOCOL_HEADER]: PROTOCOL_VERSION,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    const retryAfter = response.headers.get('Retry-After');
    if (response.type === 'opaqueredirect') return { kind: 'never', reason: 'The status address redirects.' };
    if (response.status === 404 || response.status === 410)
      return {
        kind: 'never',
        reason: `The endpoint does not know this correction's status (HTTP ${response.status}).`,
      };
    if (response.status !== 200) return later(`The status address answered HTTP ${response.status}.`, retryAfter);
    const parsed = CorrectionStatusSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success || parsed.data.id !== correctionId)
      return later('The status address answered something that is not this correction’s status.', retryAfter);
    const notBefore = retryAt(retryAfter);
    return notBefore === undefined
      ? { kind: 'status', status: parsed.data }
      : { kind: 'status', status: parsed.data, notBefore };
  } catch (error) {
    return later(`Could not reach the status address${error instanceof Error ? ` (${error.message})` : ''}.`);
  } finally {
    clearTimeout(timer);
  }
}
