// A stand-in for the network: records every request the client makes and answers as told.
import type { FetchLike } from '../../../lib/sync/post';

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  headers: Headers;
}

export type Answer = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export function fakeEndpoint(answer: Answer) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request = { url, init, headers: new Headers(init.headers) };
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return { fetch, requests };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const empty = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : '', { status, headers });

/** What a browser's fetch gives for a redirect with redirect: 'manual': no status, no location. */
export function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
}

/** A fetch that never answers; it fails only when its signal aborts, as a real one does. */
export function neverAnswers(request: RecordedRequest): Promise<Response> {
  return new Promise((_, reject) => {
    request.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

export function networkDown(): Promise<Response> {
  return Promise.reject(new TypeError('Failed to fetch'));
}
