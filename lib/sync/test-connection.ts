// The settings page's "Test connection": one POST marked as a test, described in words.
import type { EndpointTestResult } from '../messaging/protocol';
import { REDIRECT_MESSAGE } from './classify';
import { endpointAddressProblem } from './endpoint-address';
import { type FetchLike, postToEndpoint } from './post';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from './protocol-headers';

const TEST_TIMEOUT_MS = 15_000;

/**
 * Posts `{}` with `Erratum-Connection-Test: 1` (the endpoint answers without storing anything)
 * and reports what came back.
 */
export async function testEndpoint(
  endpointUrl: string,
  token: string,
  fetchImpl: FetchLike = fetch,
  timeoutMs = TEST_TIMEOUT_MS,
): Promise<EndpointTestResult> {
  const addressProblem = endpointAddressProblem(endpointUrl);
  if (addressProblem) return { ok: false, message: addressProblem };
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Erratum-Connection-Test': '1',
    [PROTOCOL_HEADER]: PROTOCOL_VERSION,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const result = await postToEndpoint(fetchImpl, endpointUrl, { headers, body: '{}' }, timeoutMs);
  if (result.kind !== 'answered') return { ok: false, message: result.message };
  const { status } = result;
  if (status >= 200 && status < 300) return { ok: true, status, message: 'Connected' };
  return { ok: false, ...(status ? { status } : {}), message: describeFailure(status, token !== '') };
}

function describeFailure(status: number, hasToken: boolean): string {
  if (status === 0 || (status >= 300 && status < 400)) return REDIRECT_MESSAGE;
  if (status === 401 || status === 403)
    return hasToken
      ? `The endpoint refused the access token (HTTP ${status}); check the token.`
      : `The endpoint needs an access token (HTTP ${status}); enter the token it gave you.`;
  if (status === 404) return 'Nothing answers at this address (HTTP 404); check the endpoint address.';
  if (status === 405) return 'This address does not accept corrections (HTTP 405); check the endpoint address.';
  if (status === 429) return 'The endpoint is busy (HTTP 429); try again in a minute.';
  if (status >= 500) return `The endpoint is reachable but had a problem (HTTP ${status}); try again later.`;
  return `The endpoint answered HTTP ${status}, not a successful connection test; check the address.`;
}
