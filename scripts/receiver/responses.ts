import type { ServerResponse } from 'node:http';

/** Nothing the receiver serves may run script or load anything: it shows hostile page text. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function send(
  res: ServerResponse,
  status: number,
  contentType: string | null,
  body: string | Uint8Array = '',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...(contentType ? { 'Content-Type': contentType } : {}),
    ...(body.length > 0 ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
    ...headers,
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Every refusal carries `{ error }`: the client shows that text to the user as is. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error }, headers);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  send(res, 204, null, '', headers);
}
