import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Why the request's credentials are refused, or null when they are fine (or none are required).
 * Digests are compared in constant time, so the answer time says nothing about the token.
 */
export function credentialsProblem(req: IncomingMessage, token: string | undefined): string | null {
  if (!token) return null;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return 'This endpoint needs a token: set it in Erratum’s options';
  if (!timingSafeEqual(digest(match[1]!), digest(token))) return 'The token was refused: check it in Erratum’s options';
  return null;
}

/** The fault controls and the listing answer only to this machine. */
export function isLoopbackRequest(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
