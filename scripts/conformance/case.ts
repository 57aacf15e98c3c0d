// What a conformance case is, and the words its line is made of.
import type { Answer, Target } from './requests';

export interface CaseResult {
  /** What was sent, in a few words. */
  sent: string;
  /** What the endpoint answered to it. */
  answered: string;
  verdict: 'pass' | 'fail' | 'skip';
}

export interface ConformanceCase {
  id: string;
  title: string;
  /** The protocol rule that decides pass or fail, with where docs/endpoint.md states it. */
  rule: string;
  run(target: Target): Promise<CaseResult>;
}

export const is2xx = (answer: Answer) =>
  typeof answer.status === 'number' && answer.status >= 200 && answer.status < 300;

/** `201 {"id":"0190…","url":"…"}`, cut to a line. */
export function describeAnswer(answer: Answer): string {
  if (answer.status === 'none') return `no answer (${answer.error})`;
  const body = answer.bodyText.replace(/\s+/g, ' ').trim();
  return body ? `${answer.status} ${body.length > 100 ? `${body.slice(0, 100)}…` : body}` : `${answer.status}`;
}

function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The same answer: the same status and the same receipt (as JSON values, whatever the layout). */
export function sameAnswer(a: Answer, b: Answer): boolean {
  if (a.status === 'none' || b.status === 'none') return false;
  return a.status === b.status && canonical(parsedBody(a.bodyText)) === canonical(parsedBody(b.bodyText));
}

export const verdict = (pass: boolean): CaseResult['verdict'] => (pass ? 'pass' : 'fail');
