import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may use the inbox: whoever holds the curator token (never the readers' delivery token).
// A login sets a cookie `<session>.<mac>` whose MAC is keyed by the curator token, so sessions
// need no table, hold in every receiver process sharing the database, and all end when the
// token changes. The CSRF token of a session is another MAC of it: a form posted from elsewhere
// cannot know it, and SameSite=Strict keeps the cookie off cross-site requests besides.

export const SESSION_COOKIE = 'erratum_curator';

export interface CuratorSession {
  /** The name the curator gave at login: recorded with every review as who made it. */
  name: string;
  /** To put in every form that POSTs, checked by `csrfOk`. */
  csrf: string;
}

const mac = (key: string, purpose: string, value: string) =>
  createHmac('sha256', key).update(`${purpose}\n${value}`).digest('base64url');

function sameText(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function isCuratorToken(candidate: string, curatorToken: string): boolean {
  return sameText(candidate, curatorToken);
}

/** The cookie value for a new session of `name`. */
export function newSessionCookie(name: string, curatorToken: string): string {
  const session = Buffer.from(JSON.stringify({ n: name, r: randomBytes(16).toString('base64url') })).toString(
    'base64url',
  );
  return `${session}.${mac(curatorToken, 'session', session)}`;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sessionFromCookie(value: string, curatorToken: string): CuratorSession | null {
  const [session, signature, ...rest] = value.split('.');
  if (!session || !signature || rest.length > 0) return null;
  if (!sameText(signature, mac(curatorToken, 'session', session))) return null;
  try {
    const { n } = JSON.parse(Buffer.from(session, 'base64url').toString()) as { n?: unknown };
    if (typeof n !== 'string' || n === '') return null;
    return { name: n, csrf: mac(curatorToken, 'csrf', session) };
  } catch {
    return null;
  }
}

/**
 * The request's curator, from the session cookie or `Authorization: Bearer <curator token>`
 * (for scripts; named "curator (token)"); null when neither holds.
 */
export function curatorOf(req: IncomingMessage, curatorToken: string): CuratorSession | null {
  const bearer = /^Bearer\s+(.+)$/i.exec((req.headers.authorization ?? '').trim());
  // A script with the token sends no cookie a hostile page could ride on: it needs no CSRF token.
  if (bearer) return isCuratorToken(bearer[1]!, curatorToken) ? { name: 'curator (token)', csrf: '' } : null;
  const value = cookie(req, SESSION_COOKIE);
  return value ? sessionFromCookie(value, curatorToken) : null;
}

/** A POST from a cookie session must carry its CSRF token; a bearer-token request needs none. */
export function csrfOk(session: CuratorSession, sent: string | undefined): boolean {
  if (session.csrf === '') return true;
  return sent !== undefined && sameText(sent, session.csrf);
}
