// Identifiers in the page address ('url') and in the visible text ('text').
import { isArxivId, normaliseDoi } from '../identifiers';
import { type Candidate, present } from './candidate';
import { bodyOf, visibleText } from './text';

// Path words that follow a DOI in publisher URLs (/doi/10.3389/x/full), not part of it.
const DOI_URL_TAIL = /\/(?:full|abstract|abs|pdf|epdf|html|fulltext|meta|summary|references|figures|info|metrics)\/?$/i;

export function readUrlIdentifiers(url: URL): Candidate {
  let doi: string | null = null;
  const path = safeDecode(url.pathname);
  const inPath = /(10\.\d{4,9}\/.+)$/.exec(path)?.[1];
  if (inPath) doi = normaliseDoi(inPath.replace(DOI_URL_TAIL, '').replace(/\/$/, ''));
  if (!doi) {
    for (const value of queryValues(url.search)) {
      doi = /^(?:doi:)?10\.\d{4,9}\//i.test(value) ? normaliseDoi(value) : null;
      if (doi) break;
    }
  }
  let arxivId: string | null = null;
  if (/(?:^|\.)arxiv\.org$/i.test(url.hostname)) {
    const id = /^\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/.exec(path)?.[1];
    if (id && isArxivId(id)) arxivId = id.replace(/v\d+$/, '');
  }
  return { source: 'url', fields: present({ doi, arxivId }) };
}

/**
 * The values of a query string, read from its text. Not `url.searchParams.values()`: in Firefox a
 * content script may be handed a page-world URL through an Xray wrapper, whose iterators are not
 * iterable from the content script ("e.searchParams.values() is not iterable").
 */
function queryValues(search: string): string[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => safeDecode(pair.slice(pair.indexOf('=') + 1 || pair.length).replace(/\+/g, ' ')));
}

/**
 * Characters of body text scanned for a labelled DOI: an article's own DOI is printed in its
 * opening (IEEE Xplore 2.0 under the abstract, legacy PubMed in the citation line); what comes
 * later is mostly references, whose DOIs are other papers'.
 */
const MAX_SCANNED_CHARS = 30_000;
// "arXiv:1706.03762v7", "arXiv: hep-th/9901001": the preprint a published page points to.
const LABELLED_ARXIV = /\barxiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i;
const LABELLED_DOI =
  /\b(?:doi|digital object identifier)\b\s*[:：]?\s*(?:https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"'<>]+)/i;

/**
 * A DOI the page labels as such ("DOI: 10.1109/28.793383", "doi:10.3390/ani10122390"): the
 * first one, since reference lists, which repeat other papers' DOIs, come after the header.
 */
export function readTextIdentifiers(doc: Document): Candidate {
  // visibleText, not textContent: blocks stay apart ("…Old page" + "DOI: …"), scripts are
  // skipped, and the walk stops after the article's opening.
  const text = visibleText(bodyOf(doc), MAX_SCANNED_CHARS);
  const match = LABELLED_DOI.exec(text);
  const labelled = match?.[1] ? normaliseDoi(match[1]) : null;
  const arxiv = LABELLED_ARXIV.exec(text)?.[1];
  return {
    source: 'text',
    fields: present({
      doi: labelled ?? displayedDoiLink(doc),
      arxivId: arxiv && isArxivId(arxiv) ? arxiv.replace(/v\d+$/, '') : null,
    }),
  };
}

/**
 * A doi.org link that shows its own DOI as text (arXiv's DataCite line), outside anything
 * that looks like references or citations, which are full of other papers' DOI links.
 */
function displayedDoiLink(doc: Document): string | null {
  const links = bodyOf(doc)?.querySelectorAll('a[href*="doi.org/10."]') ?? [];
  for (let i = 0; i < Math.min(links.length, 50); i++) {
    const link = links[i] as Element;
    const doi = normaliseDoi(link.getAttribute('href') ?? '');
    if (!doi || !(link.textContent ?? '').toLowerCase().includes(doi)) continue;
    if (link.closest('[class*="ref" i], [id*="ref" i], [class*="cit" i], [id*="cit" i]')) continue;
    return doi;
  }
  return null;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
