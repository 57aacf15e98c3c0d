// COinS: OpenURL ContextObjects in the title attribute of span.Z3988 (Zotero and reference
// managers read them). https://en.wikipedia.org/wiki/COinS
import { normaliseDoi } from '../identifiers';
import type { Author } from '../schema/paper';
import { parseAuthorName } from './authors';
import { bibliographic } from './bibliographic';
import { type Candidate, present } from './candidate';
import { cleanText } from './text';
import { firstDate } from './values';

/**
 * Reference lists: publishers (Nature among them) put a COinS span in every cited reference, and
 * those describe other papers.
 */
const REFERENCES =
  'ol.references, #references, [class*="reference" i], [id*="reference" i], section[aria-labelledby*="ref" i], .bibliography, #bibliography';

/**
 * The first COinS span on the page outside its reference list; list pages carry one per entry
 * (see readCoinsSpan).
 */
export function readCoins(doc: Document = document): Candidate {
  for (const span of coinsSpans(doc)) {
    if (span.hasAttribute('title') && !span.closest(REFERENCES)) return readCoinsSpan(span);
  }
  return { source: 'coins', fields: {} };
}

/**
 * Every span.Z3988, in document order: from the browser's kept list of the class rather than a
 * selector query, which walks the whole page on every call.
 */
export function coinsSpans(doc: Document): Element[] {
  return [...doc.getElementsByClassName('Z3988')].filter((el) => el.localName === 'span');
}

export function readCoinsSpan(span: Element): Candidate {
  const params = new URLSearchParams((span.getAttribute('title') ?? '').slice(0, 100_000));
  const authors: Author[] = [];
  for (const au of params.getAll('rft.au').slice(0, 5000)) if (cleanText(au)) authors.push(parseAuthorName(au));
  if (authors.length === 0) {
    const family = cleanText(params.get('rft.aulast'));
    const given = cleanText(params.get('rft.aufirst') ?? params.get('rft.auinit'));
    if (family)
      authors.push(given ? { name: `${given} ${family}`, given, family, affiliations: [] } : parseAuthorName(family));
  }
  const date = firstDate([params.get('rft.date') ?? '']);
  const identifiers = params.getAll('rft_id');
  return {
    source: 'coins',
    fields: present({
      title: cleanText(params.get('rft.atitle') ?? params.get('rft.title') ?? params.get('rft.btitle')),
      authors,
      date: date.date,
      year: date.year,
      doi: identifiers.map((id) => normaliseDoi(id.replace(/^info:doi\//i, ''))).find((d): d is string => d !== null),
      pmid: identifiers.find((id) => /^info:pmid\//i.test(id))?.replace(/^info:pmid\//i, ''),
      venue: cleanText(params.get('rft.jtitle') ?? params.get('rft.stitle')),
      ...bibliographic({
        volume: params.get('rft.volume'),
        issue: params.get('rft.issue'),
        firstPage: params.get('rft.spage'),
        lastPage: params.get('rft.epage'),
        pages: params.get('rft.pages'),
        publisher: params.get('rft.pub'),
        language: params.get('rft.language'),
      }),
    }),
  };
}
