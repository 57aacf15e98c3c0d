import type { Correction } from '../../../lib/schema/correction';
import type { Author } from '../../../lib/schema/paper';
import { nameParts } from './corrected-record';

// The ACL Anthology's metadata correction JSON: what their "Fix data" dialog files as a GitHub
// issue (a ```json block) and their bot applies (acl-org/acl-anthology,
// bin/correct/bulk_process_metadata.py at 1b77b09262b5fc2eda16ea12c2d5e4ad8a89d9af). Their rules,
// which this file follows:
// - only `anthology_id`, `title`, `abstract`, `authors`, `deleted_authors`, `authors_old`,
//   `authors_new`; at least one of title, abstract, or authors with both author strings;
// - title and abstract are XML fragments (the bot parses them into the paper's XML): `&`, `<`
//   and `>` are escaped, and characters XML 1.0 forbids are dropped; a title has single spaces;
// - every author is `{first, last, id}`: `id` is the Anthology person id the author has now
//   (matched against the paper's current list), or "##ADDED##" for a new author; every current
//   author is either kept in `authors` or listed in `deleted_authors`;
// - `authors_new` is the new list as "first  last" (two spaces) joined by " | ", and
//   `authors_old` the current list the same way, one entry per kept or deleted author.
// Erratum keeps the names an Anthology page shows but not its person links, so a current
// author's id is rebuilt from the name the way the Anthology makes its ids (a slug of "first
// last", which is what its /people/<id>/ links carry). When a name has no Latin letters to make
// a slug from, the export refuses rather than guess.

export const ADDED = '##ADDED##';
/** The fields the correction JSON carries; other changes have to go to the Anthology otherwise. */
export const ACL_FIELDS = ['title', 'abstract', 'authors'] as const;

const ANTHOLOGY_ID = /^(?:[.a-z0-9-]+\.[0-9]+|[A-Z][0-9]{2}-[0-9]+)$/;
const ACL_HOSTS = new Set(['aclanthology.org', 'www.aclanthology.org']);
/** The Anthology's DOIs end in the paper's id: 10.18653/v1/2020.acl-main.1. */
const ACL_DOI = /^10\.18653\/v1\/(.+)$/i;

export interface AclAuthor {
  first: string;
  last: string;
  id: string;
}

export interface AclCorrection {
  anthology_id: string;
  title?: string;
  abstract?: string;
  authors?: AclAuthor[];
  deleted_authors?: AclAuthor[];
  authors_old?: string;
  authors_new?: string;
}

/** Why a correction has no Anthology export; the inbox words each in the curator's language. */
export type AclProblem =
  /** No Anthology id in the page, the PDF link or the DOI. */
  | { kind: 'not-anthology' }
  /** Nothing the JSON carries changed; `fields` did. */
  | { kind: 'nothing-carried'; fields: string[] }
  /** A current author's person id cannot be made from the name (no Latin letters). */
  | { kind: 'author-id'; name: string }
  /** A proposed author has no name the Anthology can file. */
  | { kind: 'author-unnamed' };

export type AclExport =
  | { ok: true; json: AclCorrection /** Changed fields the JSON cannot carry. */; leftOut: string[] }
  | { ok: false; problem: AclProblem };

function idOfUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!ACL_HOSTS.has(url.hostname)) return null;
  // A paper page (/2020.acl-main.1/) or its PDF (/2020.acl-main.1.pdf), as a listing links it.
  const id = /^\/([^/]+?)(?:\.pdf)?\/?$/.exec(url.pathname)?.[1];
  return id && ANTHOLOGY_ID.test(id) ? id : null;
}

/** The Anthology id of the corrected paper, from its page, its PDF link or its DOI; null if none. */
export function anthologyIdOf(correction: Correction): string | null {
  const fromDoi = ACL_DOI.exec(correction.paper.doi ?? correction.detected.doi ?? '')?.[1];
  return (
    idOfUrl(correction.pageUrl) ??
    idOfUrl(correction.detected.url) ??
    idOfUrl(correction.detected.pdfUrl) ??
    (fromDoi && ANTHOLOGY_ID.test(fromDoi) ? fromDoi : null)
  );
}

// C0 and C1 controls but tab, newline and carriage return are not XML 1.0 characters; nor are
// U+FFFE and U+FFFF. Lone surrogates cannot reach here: the JSON parser gave us well-formed text.
const NOT_XML = /[\p{Cc}\uFFFE\uFFFF]/gu;
const xmlChars = (text: string) => text.replace(NOT_XML, (c) => ('\t\n\r'.includes(c) ? c : ''));

/** Collapses runs of white space (the Anthology's XML does not keep line breaks in a title). */
const plain = (text: string) => xmlChars(text).replace(/\s+/g, ' ').trim();
const xmlText = (text: string) => plain(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Letters NFKD does not take apart, as the Anthology's slugify (Unidecode) spells them.
const FOLD: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** The Anthology's person id for a name it has no explicit id for: "Ming-Wei Chang" -> "ming-wei-chang". */
export function personSlug(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øłßæœđðþıħ]/g, (c) => FOLD[c] ?? c)
    .replace(/[ʼ’]/g, '-')
    .replace(/'/g, '')
    .replace(/[^a-z0-9\p{L}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : null;
}

function aclName(author: Author): { first: string; last: string } {
  const { given, family } = nameParts({ ...author, name: plain(author.name) || author.name });
  const first = plain(given);
  const last = plain(family);
  // A name with no family part at all (one word) is the Anthology's "last" only.
  return last === '' ? { first: '', last: first } : { first, last };
}

const listed = (authors: { first: string; last: string }[]) => authors.map((a) => `${a.first}  ${a.last}`).join(' | ');

interface AuthorLists {
  authors: AclAuthor[];
  deleted: AclAuthor[];
  old: string;
}

/**
 * Which proposed author is which current one: an author keeps its identity through an edit
 * (the bot keeps the current id and takes the new name), so each current author is compared
 * under the name it has after the edits; a proposed author no current one becomes is new.
 */
function authorLists(correction: Correction): AuthorLists | AclProblem {
  const current = correction.detected.authors;
  const proposed = correction.proposedAuthors ?? current;
  const removed = new Set(correction.authorChanges.flatMap((c) => (c.kind === 'remove' ? [c.index] : [])));
  const nameAfter = new Map<number, string>(current.map((a, i) => [i, a.name]));
  for (const c of correction.authorChanges) if (c.kind === 'edit') nameAfter.set(c.index, c.to.name);
  const ids: (string | null)[] = current.map((a) => personSlug(a.name));
  const used = new Set<number>();
  const authors: AclAuthor[] = [];
  for (const author of proposed) {
    const index = current.findIndex((_, i) => !used.has(i) && !removed.has(i) && nameAfter.get(i) === author.name);
    if (index === -1) {
      authors.push({ ...aclName(author), id: ADDED });
      continue;
    }
    used.add(index);
    const id = ids[index];
    if (!id) return { kind: 'author-id', name: current[index]!.name };
    authors.push({ ...aclName(author), id });
  }
  const deleted: AclAuthor[] = [];
  for (const [index, author] of current.entries()) {
    if (used.has(index)) continue;
    const id = ids[index];
    if (!id) return { kind: 'author-id', name: author.name };
    deleted.push({ ...aclName(author), id });
  }
  // authors_old is only counted by " | ": a bar inside a current name must not look like a separator.
  const old = listed(
    current.map(aclName).map((n) => ({ first: n.first.replace(/\|/g, '¦'), last: n.last.replace(/\|/g, '¦') })),
  );
  return { authors, deleted, old };
}

export function aclAnthologyExport(correction: Correction): AclExport {
  const anthologyId = anthologyIdOf(correction);
  if (!anthologyId) return { ok: false, problem: { kind: 'not-anthology' } };
  const json: AclCorrection = { anthology_id: anthologyId };
  const leftOut: string[] = [];
  for (const change of correction.changes) {
    if (change.field === 'title' || change.field === 'abstract') {
      const value = xmlText(String(change.to));
      if (value !== '') json[change.field] = value;
    } else leftOut.push(change.field);
  }
  if (correction.authorChanges.length > 0) {
    const lists = authorLists(correction);
    if ('kind' in lists) return { ok: false, problem: lists };
    if (lists.authors.some((a) => a.last === '')) return { ok: false, problem: { kind: 'author-unnamed' } };
    json.authors = lists.authors;
    if (lists.deleted.length > 0) json.deleted_authors = lists.deleted;
    json.authors_old = lists.old;
    json.authors_new = listed(lists.authors);
  }
  if (!json.title && !json.abstract && !json.authors)
    return { ok: false, problem: { kind: 'nothing-carried', fields: leftOut } };
  return { ok: true, json, leftOut };
}
