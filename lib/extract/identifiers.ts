// Identifiers found in free text and URLs: DOIs and arXiv ids. Bounded: callers pass text they
// have already limited, and every pattern is linear.
import { isArxivId, normaliseDoi } from '../identifiers';

const DOI_IN_TEXT = /\b10\.\d{4,9}\/[^\s"'<>]+/g;
const ARXIV_IN_TEXT =
  /\b(?:arxiv[:\s/]*|arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/gi;

/** Every distinct DOI in the text, normalised (lower-case, no resolver, no trailing punctuation), in order. */
export function findDois(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(DOI_IN_TEXT)) {
    const doi = normaliseDoi(trimUnbalanced(match[0]));
    if (doi) found.add(doi);
  }
  return [...found];
}

/**
 * Every distinct arXiv id, without version. Old-style ids ("hep-th/9901001") count only after
 * "arXiv" or in an arxiv.org URL, because "a/1234567" is common in other text.
 */
export function findArxivIds(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(ARXIV_IN_TEXT)) {
    const id = match[1] ?? '';
    const marked = match[0].length > id.length;
    if (!marked && !/^\d{4}\.\d{4,5}/.test(id)) continue;
    if (!marked && !isPlausibleNewId(id)) continue;
    if (isArxivId(id)) found.add(id.replace(/v\d+$/, ''));
  }
  return [...found];
}

// An unmarked "1706.03762" is an arXiv id only when its YYMM is a real month since 2007.
function isPlausibleNewId(id: string): boolean {
  const yy = Number(id.slice(0, 2));
  const mm = Number(id.slice(2, 4));
  return yy >= 7 && mm >= 1 && mm <= 12;
}

// "(doi:10.1000/x(1))" keeps its inner parentheses; a closing one with no opener is punctuation.
function trimUnbalanced(doi: string): string {
  let out = doi;
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1);
  }
  return out;
}
