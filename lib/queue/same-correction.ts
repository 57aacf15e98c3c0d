// Whether two corrections are the same value, whatever the order of their keys: a resent message
// or a second Send of the same draft is the same correction only if nothing in it changed.
import type { Correction } from '../schema/correction';

/** JSON with object keys sorted and undefined members left out, as JSON.stringify leaves them. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameCorrection(a: Correction, b: Correction): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
