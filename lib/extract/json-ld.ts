// schema.org JSON-LD: <script type="application/ld+json"> blocks holding a ScholarlyArticle (or
// kin), directly, in an array, in @graph, or nested (mainEntity). Pages get these blocks wrong
// in every way (HTML comments, trailing commas, several objects per block, bad JSON), and a
// hostile page can make them huge or deep: parsing is tolerant and traversal bounded.
import { normaliseDoi, normaliseOrcid } from '../identifiers';
import type { Author } from '../schema/paper';
import { parseAuthorName } from './authors';
import { bibliographic } from './bibliographic';
import { type Candidate, MAX_AUTHORS, present } from './candidate';
import { cleanText } from './text';
import { absoluteUrl, firstDate } from './values';

type Json = Record<string, unknown>;

const SCHOLARLY_TYPES = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'chapter', 'thesis', 'report']);
const ARTICLE_TYPES = new Set([...SCHOLARLY_TYPES, 'article', 'techarticle', 'creativework']);
const MAX_BLOCK_CHARS = 5_000_000;
const MAX_NODES = 20_000;
const MAX_DEPTH = 12;

/**
 * The page's <script type="application/ld+json"> (type compared ignoring case), in document
 * order. From the browser's kept list of scripts rather than a selector query, which walks the
 * whole page on every call.
 */
export function jsonLdScripts(doc: Document): Element[] {
  const found: Element[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i] as Element;
    if (script.getAttribute('type')?.toLowerCase() === 'application/ld+json') found.push(script);
  }
  return found;
}

/** Parses every JSON-LD block it can; blocks that are not JSON even after repair are skipped. */
export function parseJsonLdBlocks(doc: Document): unknown[] {
  const parsed: unknown[] = [];
  for (const script of jsonLdScripts(doc)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS) continue;
    const value = parseTolerant(text);
    if (value !== undefined) parsed.push(value);
  }
  return parsed;
}

function parseTolerant(text: string): unknown {
  const trimmed = text
    .replace(/^\s*(?:<!--|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\]\]>)\s*$/, '')
    .trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // Trailing commas before a closing bracket: the most common hand-written mistake.
    try {
      return JSON.parse(trimmed.replace(/,(\s*[}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/** Every object node, breadth first, bounded in count and depth; `@id` index for references. */
function collectNodes(roots: unknown[]): { nodes: Json[]; byId: Map<string, Json> } {
  const nodes: Json[] = [];
  const byId = new Map<string, Json>();
  const queue: { value: unknown; depth: number }[] = roots.map((value) => ({ value, depth: 0 }));
  for (let i = 0; i < queue.length && nodes.length < MAX_NODES && queue.length < MAX_NODES * 4; i++) {
    const { value, depth } = queue[i] as { value: unknown; depth: number };
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_NODES)) queue.push({ value: item, depth: depth + 1 });
      continue;
    }
    const node = value as Json;
    nodes.push(node);
    if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') queue.push({ value: child, depth: depth + 1 });
    }
  }
  return { nodes, byId };
}

function types(node: Json): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '').toLowerCase());
}

export interface JsonLdCandidate extends Candidate {
  /** The block declared a scholarly type (ScholarlyArticle …), not just a web Article. */
  scholarly: boolean;
}

export function readJsonLd(doc: Document = document): JsonLdCandidate {
  const { nodes, byId } = collectNodes(parseJsonLdBlocks(doc));
  const article =
    nodes.find((node) => types(node).some((t) => SCHOLARLY_TYPES.has(t))) ??
    nodes.find((node) => types(node).some((t) => ARTICLE_TYPES.has(t)));
  if (!article) return { source: 'json-ld', fields: {}, scholarly: false };
  const resolve = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json)['@id'] === 'string'
      ? (byId.get((value as Json)['@id'] as string) ?? value)
      : value;
  const date = firstDate([article.datePublished, article.dateCreated, article.publicationDate].filter(isString));
  const doi = [article.doi, article.identifier, article.sameAs, article['@id'], article.url]
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .map((v) => resolve(v))
    .map((v) => (v && typeof v === 'object' ? (v as Json).value : v))
    .filter(isString)
    .map((v) => normaliseDoi(v.replace(/^https?:\/\/[^/]*doi\.org\//i, '')))
    .find((v): v is string => v !== null);
  return {
    source: 'json-ld',
    abstractIsDescription: firstString(article.abstract) === undefined,
    scholarly: types(article).some((t) => SCHOLARLY_TYPES.has(t)) || doi !== undefined,
    fields: present({
      title: cleanText(firstString(article.headline) ?? firstString(article.name)),
      authors: readAuthors(article.author ?? article.creator, resolve),
      abstract: cleanText(firstString(article.abstract) ?? firstString(article.description)),
      date: date.date,
      year: date.year,
      doi,
      venue: readVenue(article.isPartOf, resolve),
      ...readPlacement(article, resolve),
      pdfUrl: readPdf(article, resolve, doc),
    }),
  };
}

function readAuthors(value: unknown, resolve: (v: unknown) => unknown): Author[] {
  const list = (Array.isArray(value) ? value : [value]).slice(0, MAX_AUTHORS);
  const authors: Author[] = [];
  for (const item of list) {
    const person = resolve(item);
    if (typeof person === 'string') {
      if (cleanText(person)) authors.push(parseAuthorName(person));
      continue;
    }
    if (!person || typeof person !== 'object') continue;
    const p = person as Json;
    const given = cleanText(firstString(p.givenName));
    const family = cleanText(firstString(p.familyName));
    const name = cleanText(firstString(p.name)) ?? cleanText([given, family].filter(Boolean).join(' '));
    if (!name) continue;
    const author = given && family ? { name, given, family, affiliations: [] } : parseAuthorName(name);
    author.affiliations = (Array.isArray(p.affiliation) ? p.affiliation : [p.affiliation])
      .slice(0, 100)
      .map((a) => resolve(a))
      .map((a) => cleanText(typeof a === 'string' ? a : firstString((a as Json | null)?.name)))
      .filter((a): a is string => a !== null);
    const orcid = [p.identifier, p.sameAs, p['@id']]
      .flat()
      .filter(isString)
      .find((v) => /orcid\.org\//i.test(v));
    if (orcid) author.orcid = normaliseOrcid(orcid);
    authors.push(author);
  }
  return authors;
}

// isPartOf may be the Periodical itself or a PublicationIssue -> PublicationVolume -> Periodical.
function readVenue(value: unknown, resolve: (v: unknown) => unknown): string | null {
  let node = resolve(Array.isArray(value) ? value[0] : value);
  for (let depth = 0; depth < 4 && node && typeof node === 'object'; depth++) {
    const part = node as Json;
    const kinds = types(part);
    if (!kinds.some((t) => t === 'publicationissue' || t === 'publicationvolume')) {
      return cleanText(firstString(part.name));
    }
    node = resolve(part.isPartOf);
  }
  return typeof node === 'string' ? cleanText(node) : null;
}

/**
 * Volume and issue from the isPartOf chain (PublicationIssue.issueNumber,
 * PublicationVolume.volumeNumber), pages from the article, its publisher and language.
 */
function readPlacement(article: Json, resolve: (v: unknown) => unknown) {
  let volume: string | undefined;
  let issue: string | undefined;
  let node = resolve(Array.isArray(article.isPartOf) ? article.isPartOf[0] : article.isPartOf);
  for (let depth = 0; depth < 4 && node && typeof node === 'object'; depth++) {
    const part = node as Json;
    issue ??= firstText(part.issueNumber);
    volume ??= firstText(part.volumeNumber);
    node = resolve(part.isPartOf);
  }
  const publisher = resolve(Array.isArray(article.publisher) ? article.publisher[0] : article.publisher);
  const language = resolve(Array.isArray(article.inLanguage) ? article.inLanguage[0] : article.inLanguage);
  const named = (value: unknown) =>
    typeof value === 'string'
      ? value
      : value && typeof value === 'object'
        ? firstString((value as Json).name)
        : undefined;
  return bibliographic({
    volume: volume ?? firstText(article.volumeNumber),
    issue: issue ?? firstText(article.issueNumber),
    firstPage: firstText(article.pageStart),
    lastPage: firstText(article.pageEnd),
    pages: firstText(article.pagination),
    publisher: named(publisher),
    language:
      language && typeof language === 'object'
        ? (firstString((language as Json).alternateName) ?? firstString((language as Json).name))
        : firstText(language),
  });
}

/** A string, or a number written as one (volumeNumber: 12). */
function firstText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return firstString(value);
}

function readPdf(article: Json, resolve: (v: unknown) => unknown, doc: Document): string | null {
  for (const key of ['encoding', 'associatedMedia', 'distribution']) {
    const list = article[key];
    for (const item of (Array.isArray(list) ? list : [list]).slice(0, 50)) {
      const media = resolve(item) as Json | null;
      if (!media || typeof media !== 'object') continue;
      const url = firstString(media.contentUrl) ?? firstString(media.url);
      const format = `${firstString(media.encodingFormat) ?? ''} ${url ?? ''}`;
      if (url && /pdf/i.test(format)) return absoluteUrl(url, doc);
    }
  }
  return null;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find(isString);
  return undefined;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
