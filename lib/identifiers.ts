// Pure checks and normalisers for scholarly identifiers and URLs. No zod here: page-side code
// (extractors, the inline controls) uses these too.
import { HTTP_ENDPOINT_HOSTS } from './schema/fields';

const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** Lower-cases a DOI and strips resolver prefixes; null when it is not a DOI. */
export function normaliseDoi(raw: string): string | null {
  let doi = raw.trim().replace(DOI_PREFIX, '');
  try {
    if (/%[0-9a-f]{2}/i.test(doi)) doi = decodeURIComponent(doi);
  } catch {
    // A lone % in a DOI is legal; keep it as written.
  }
  doi = doi.replace(/[.,;)\]]+$/, '').toLowerCase();
  return DOI_PATTERN.test(doi) ? doi : null;
}

export function isDoi(value: string): boolean {
  return DOI_PATTERN.test(value.trim());
}

const ARXIV_NEW = /^\d{4}\.\d{4,5}(v\d+)?$/;
const ARXIV_OLD = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

export function isArxivId(value: string): boolean {
  const id = value.trim().replace(/^arxiv:/i, '');
  return ARXIV_NEW.test(id) || ARXIV_OLD.test(id);
}

/** Strips the orcid.org prefix; keeps the 16-character iD with hyphens. */
export function normaliseOrcid(raw: string): string {
  return raw
    .trim()
    .replace(/^https?:\/\/(www\.)?orcid\.org\//i, '')
    .toUpperCase();
}

/** ORCID iDs end in an ISO 7064 MOD 11-2 check character; a typo almost always fails it. */
export function isValidOrcid(raw: string): boolean {
  const id = normaliseOrcid(raw);
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id)) return false;
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const ch of digits.slice(0, 15)) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? 'X' : String(check));
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const HTTP_HOSTS: ReadonlySet<string> = new Set(HTTP_ENDPOINT_HOSTS);

/** A host plain http is allowed on: exactly the ones the manifest's permissions cover. */
export function isLoopbackHost(hostname: string): boolean {
  return HTTP_HOSTS.has(hostname);
}

export type EndpointProblem = 'invalid' | 'insecure' | 'credentials';

/**
 * Endpoints carry the user's token, so they must be https; plain http is allowed only on this
 * machine, where the reference endpoint runs. Credentials in the URL would leak into logs.
 */
export function endpointProblem(value: string): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? null : 'insecure';
  return 'invalid';
}

/** The host-permission pattern that covers an endpoint, for permissions.request. */
export function originPattern(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${url.hostname}/*`;
}
