// "Could this page carry a paper?": the one question the script on every page answers before
// anything else loads (issue #15). Cheap by design: one pass over <meta>, the text of JSON-LD
// blocks only, one class lookup, the address. It may say yes to a page the readers then find no
// paper on (they decide, lib/extract/embedded.ts); it must never say no to a page they would
// read a paper from, so each test here is a superset of what the readers accept.
//
// Not a signal on its own: `og:type` article. Open Graph alone never makes a page a paper for
// the readers (isPaperPage in lib/extract/embedded.ts), and nearly every news story and blog
// post declares it, so counting it would load the readers on most pages for no pencil.

/** Scholarly vocabularies by name prefix: Highwire, Dublin Core, PRISM, eprints, bepress. */
const SCHOLARLY_META = /^\s*(?:citation_|dc\.|dcterms\.|prism\.|eprints\.|bepress_)/i;

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

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // A lone % is legal in a DOI; read the address as written.
  }
}

function hasScholarlyMeta(doc: Document): boolean {
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i] as Element;
    const name = meta.getAttribute('name') ?? meta.getAttribute('property');
    if (name && SCHOLARLY_META.test(name)) return true;
  }
  return false;
}

function hasScholarlyJsonLd(doc: Document): boolean {
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i] as Element;
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    if (SCHOLARLY_JSON_LD.test((script.textContent ?? '').slice(0, MAX_JSON_LD_CHARS))) return true;
  }
  return false;
}

/** A DOI anywhere in the path or query, or an arXiv id in an arxiv.org address. */
export function addressNamesPaper(url: URL): boolean {
  if (DOI_IN_ADDRESS.test(decoded(url.pathname + url.search))) return true;
  return ARXIV_HOST.test(url.hostname) && ARXIV_PATH.test(url.pathname);
}

export function couldCarryPaper(doc: Document, url: URL): boolean {
  return (
    addressNamesPaper(url) ||
    hasScholarlyMeta(doc) ||
    // COinS: span.Z3988 (the readers keep only spans; any element of the class is enough here).
    doc.getElementsByClassName('Z3988').length > 0 ||
    hasScholarlyJsonLd(doc)
  );
}
