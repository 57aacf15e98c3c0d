// Headers every request to an endpoint carries (docs/endpoint.md, protocol 1.1).

/** The protocol version this client speaks; endpoints use it to tell 1.0 clients from 1.1 ones. */
export const PROTOCOL_VERSION = '1.1';
export const PROTOCOL_HEADER = 'Erratum-Protocol';

/**
 * The Idempotency-Key as draft-ietf-httpapi-idempotency-key-header defines it: an RFC 8941
 * sf-string, i.e. the value in double quotes. A correction id (a UUID) holds no quote or
 * backslash, so nothing inside needs escaping.
 */
export function idempotencyKeyHeader(correctionId: string): string {
  return `"${correctionId}"`;
}
