// "Could this page carry a paper?": the one question the script on every page answers before
// anything else loads (issue #15). It may say yes to a page the readers then find no paper on
// (they decide, lib/extract/embedded.ts); it must never say no to a page they would read a paper
// from, so each test here is a superset of what the readers accept.
//
// Cheap by design, and cheap in a particular way: in a content script's fresh world the first
// touch of each kind of DOM object builds its bindings there, which costs more than the test
// itself (measured in Chromium 156: a loop over <meta> elements, +90 KB of heap and ~1 ms; one
// querySelector that finds nothing, +19 KB and ~0.2 ms). So the markup is asked about with one
// selector, and no page element is ever handed to us: JSON-LD is read as strings through XPath
// (reading one <script> element's text built the element bindings, +65 KB of heap on a blog page
// with a BlogPosting block; counting the blocks and reading their text through document.evaluate,
// +4.7 KB), and the address is
// read from document.URL rather than the Location object (+3.5 KB).
//
// Not a signal on its own: `og:type` article. Open Graph alone never makes a page a paper for
// the readers (isPaperPage in lib/extract/embedded.ts), and nearly every news story and blog
// post declares it, so counting it would load the readers on most pages for no pencil.

/** Scholarly vocabularies by name prefix: Highwire, Dublin Core, PRISM, eprints, bepress. */
const PREFIXES = ['citation_', 'dc.', 'dcterms.', 'prism.', 'eprints.', 'bepress_'];

/** Any scholarly meta tag (by name or property, any case) or a COinS span (class Z3988). */
const SCHOLARLY_MARKUP = [
  ...PREFIXES.flatMap((prefix) => [`meta[name^="${prefix}" i]`, `meta[property^="${prefix}" i]`]),
  '.Z3988',
].join(',');

const JSON_LD = 'script[type="application/ld+json" i]';
const XPATH_STRING = 2;

/**
 * The same blocks as an XPath, to read their text as strings. An HTML document matches `script`
 * by name (the fast path); XHTML's elements are namespaced, and only local-name() finds them.
 */
function jsonLdPath(doc: Document): string {
  const script = doc.contentType === 'text/html' ? 'script' : '*[local-name()="script"]';
  return `//${script}[translate(@type,"APLICTONDJS","aplictondjs")="application/ld+json"]`;
}

/**
 * A JSON-LD block the readers take a paper from: a scholarly type (ScholarlyArticle, Chapter,
 * Thesis, Report, also as "schema:…" or a schema.org URL), or any block carrying a DOI.
 */
const SCHOLARLY_JSON_LD = /["/:#](?:medical)?scholarlyarticle"|["/:#](?:chapter|thesis|report)"|\b10\.\d{4,9}\\?\//i;

/** Characters of a JSON-LD block looked at: the type and identifiers come first in practice. */
const MAX_JSON_LD_CHARS = 200_000;

const DOI_IN_ADDRESS = /\b10\.\d{4,9}\/\S/;
const ARXIV_HOST = /(?:^|\.)arxiv\.org$/i;
const ARXIV_PATH = /^\/(?:abs|pdf|html)\/(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i;

/** The parts of an address the gate reads: a URL, or the page's own `location`. */
export type Address = Pick<URL, 'hostname' | 'pathname' | 'search'>;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // A lone % is legal in a DOI; read the address as written.
  }
}

/** A DOI anywhere in the path or query, or an arXiv id in an arxiv.org address. */
export function addressNamesPaper(url: Address): boolean {
  const address = url.pathname + url.search;
  // "10." survives percent-encoding of the slash: most addresses skip the regular expression.
  if (address.includes('10.') && DOI_IN_ADDRESS.test(decoded(address))) return true;
  return url.hostname.includes('arxiv') && ARXIV_HOST.test(url.hostname) && ARXIV_PATH.test(url.pathname);
}

function hasScholarlyJsonLd(doc: Document): boolean {
  // Counting needs no element; most pages have no block, and then no XPath is built or run.
  const count = doc.querySelectorAll(JSON_LD).length;
  const path = count > 0 ? jsonLdPath(doc) : '';
  for (let i = 1; i <= count; i++) {
    const text = doc.evaluate(`substring((${path})[${i}],1,${MAX_JSON_LD_CHARS})`, doc, null, XPATH_STRING, null);
    if (SCHOLARLY_JSON_LD.test(text.stringValue)) return true;
  }
  return false;
}

/** Scheme, then user info, host and port, then path and query: a serialised URL's parts. */
const URL_PARTS = /^[^:]+:(?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)[^/?#]*)?([^?#]*)(\?[^#]*)?/;

/** The parts of a serialised URL (document.URL) the gate reads, without a URL or Location object. */
export function addressOf(url: string): Address {
  const [, hostname = '', pathname = '', search = ''] = URL_PARTS.exec(url) ?? [];
  return { hostname, pathname, search: search === '?' ? '' : search };
}

export function couldCarryPaper(doc: Document, url: Address): boolean {
  return addressNamesPaper(url) || doc.querySelector(SCHOLARLY_MARKUP) !== null || hasScholarlyJsonLd(doc);
}
