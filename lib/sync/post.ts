// One HTTP POST to the endpoint, with the rules both delivery and the connection test follow.

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type PostResult =
  /** status 0 = an opaque redirect (fetch with redirect: 'manual' hides where it pointed). */
  | { kind: 'answered'; status: number; headers: Headers; bodyText: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; message: string };

/** Enough of an answer body for a receipt or an error message; a larger one is cut. */
const MAX_BODY_CHARS = 64 * 1024;

/**
 * Posts and reads the answer within `timeoutMs` (the whole exchange: upload, wait, body).
 * Redirects are not followed: a redirect would carry the token to an address the user never
 * entered. Cookies are never sent: the token is the only credential. Never throws.
 */
export async function postToEndpoint(
  fetchImpl: FetchLike,
  url: string,
  { headers, body }: { headers: Record<string, string>; body: BodyInit },
  timeoutMs: number,
): Promise<PostResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    const status = response.type === 'opaqueredirect' ? 0 : response.status;
    const bodyText = (await response.text().catch(() => '')).slice(0, MAX_BODY_CHARS);
    if (controller.signal.aborted) return timedOut(timeoutMs);
    return { kind: 'answered', status, headers: response.headers, bodyText };
  } catch (error) {
    if (controller.signal.aborted) return timedOut(timeoutMs);
    const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 300)})` : '';
    return {
      kind: 'network',
      // An MV3 worker without permission for the endpoint's origin fails the same way as no network.
      message: `Could not reach the endpoint: no connection, or the browser blocked the request${detail}.`,
    };
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(timeoutMs: number): PostResult {
  return { kind: 'timeout', message: `The endpoint did not answer within ${Math.round(timeoutMs / 1000)} seconds.` };
}
