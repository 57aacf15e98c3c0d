import type { Author } from '../schema/paper';
import { cleanText } from './text';

// Name suffixes that follow the family name ("Driggers III, William B."): kept with the family.
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|v)$/i;

/**
 * One author from a name as metadata writes it. "Family, Given" (Highwire, Dublin Core, PubMed)
 * becomes {name: "Given Family", given, family}; "Given Family" is kept as written, split at
 * the last word. Affiliation markers glued to the end ("Nomura1,*", "Patra*†‡") are removed.
 */
export function parseAuthorName(raw: string): Author {
  const text = stripMarkers(cleanText(raw) ?? '');
  const comma = text.indexOf(',');
  if (comma > 0 && text.indexOf(',', comma + 1) < 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    if (given && SUFFIX.test(given)) return { name: `${family} ${given}`, affiliations: [] };
    if (family && given) return { name: `${given} ${family}`, given, family, affiliations: [] };
  }
  const name = text.replace(/,\s*$/, '').trim();
  const words = name.split(' ');
  if (words.length < 2) return { name, affiliations: [] };
  let split = words.length - 1;
  while (split > 1 && SUFFIX.test(words[split] ?? '')) split--;
  return { name, given: words.slice(0, split).join(' '), family: words.slice(split).join(' '), affiliations: [] };
}

const MARKER_END = /[\d*†‡§¶⊥#‖✉,\s]$/u;

/** Footnote digits, asterisks and dagger-like symbols glued to the end of a displayed name. */
export function stripMarkers(name: string): string {
  // Most names end in a letter: skip the pattern, which is costly when tried on every element.
  if (!MARKER_END.test(name)) return name.trim();
  return name.replace(/(?:[\s,]*[\d*†‡§¶⊥#‖✉]+(?:,(?=[\d*†‡§¶⊥#‖✉]))?)+$/u, '').trim();
}

/**
 * Splits a list of names written in one string: "A; B; C;" or "A, B, and C". Semicolons win
 * when present, because "Family, Given" names contain commas.
 */
export function splitAuthorList(raw: string): string[] {
  const text = cleanText(raw) ?? '';
  if (!text) return [];
  const parts = text.includes(';') ? text.split(';') : text.split(/,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/);
  return parts.map((part) => part.replace(/^and\s+/i, '').trim()).filter((part) => part.length > 0);
}

/** Two author lists name the same people in the same order (family names compared loosely). */
export function sameAuthors(a: readonly Author[], b: readonly Author[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((author, i) => familyKey(author) === familyKey(b[i] as Author));
}

// The last word of the family name: "Le Scao" and "Scao" (from "Teven Le Scao", where the
// split cannot know) are the same person's.
function familyKey(author: Author): string {
  const family = (author.family ?? author.name).split(' ').pop() ?? author.name;
  return family
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}
