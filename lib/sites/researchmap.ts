// researchmap (researchmap.jp), Japan's researcher database: a researcher's portal
// /<user> and lists such as /<user>/published_papers and /<user>/misc, in Japanese or English
// (?lang=en). Every paper row is one entry; awards, keywords and career rows are not papers.
// A single paper's page (/<user>/published_papers/<id>) is read from its citation tags.
import {
  anchorsOf,
  cleanText,
  emptyMetadata,
  extractEmbedded,
  findDois,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'researchmap';
// Awards and keywords use the same .rm-cv-list-title links: the link target tells papers apart.
const PAPER_LINK = 'a.rm-cv-list-title[href*="/published_papers/"], a.rm-cv-list-title[href*="/misc/"]';

export const researchmap: SiteAdapter = {
  id: ID,
  name: 'researchmap',
  matches: (url) => url.hostname === 'researchmap.jp' || url.hostname === 'www.researchmap.jp',
  detect(doc) {
    if (doc.querySelector(PAPER_LINK)) return 'list';
    // A single paper's page (/<user>/published_papers/<id>) carries standard citation tags.
    return doc.querySelector('meta[name="citation_title"]') ? 'paper' : null;
  },
  read(doc, url) {
    if (!doc.querySelector(PAPER_LINK)) {
      const paper = extractEmbedded(doc, url, ID);
      return paper ? [paper] : [];
    }
    return [...doc.querySelectorAll(PAPER_LINK)].flatMap((link) => {
      const entry = link.closest('li');
      return entry ? [readEntry(entry, link, url)] : [];
    });
  },
};

function readEntry(entry: Element, title: Element, url: URL): DetectedPaper {
  const authorLine = entry.querySelector('.rm-cv-list-author');
  // The row after the authors: "Cell 126(4) 663-676 2006年8月" (Japanese) or "… Aug, 2006"
  // (English), the parts separated by no-break spaces, then labels such as 査読有り (peer-reviewed).
  const detail = authorLine?.nextElementSibling ?? authorLine?.parentElement?.nextElementSibling ?? null;
  const parts = detailParts(detail);
  const dated = parts
    .map((part) => ({ part, ...toIsoDate(part) }))
    .find((p) => p.year && /年|[A-Za-z]{3}|\d{4}[/-]/.test(p.part));
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    // Names are written as entered: "兼松秀行, 呉松竹" or "Dana M.Barry", sometimes with a
    // Japanese comma (、); family and given are not told apart, so the name is kept whole.
    authors: visibleText(authorLine)
      .split(/[,、，]/)
      .map((name) => name.trim())
      .filter((name) => name.length > 0)
      .map((name) => (/\s/.test(name) ? parseAuthorName(name) : { name, affiliations: [] })),
    venue: parts[0] && parts[0] !== dated?.part ? cleanText(parts[0]) : null,
    date: dated?.date ?? null,
    year: dated?.year ?? null,
    doi: findDois(entry.querySelector('a[href*="doi.org/"]')?.getAttribute('href') ?? '')[0] ?? null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, authors: authorLine, venue: detail, date: detail, year: detail }),
  };
  return mergePaper(
    { metadata: emptyMetadata(url.href, ID), anchors: { fields: {}, authors: [] }, entry },
    patch,
    'site',
    anchors,
  );
}

/** The detail row's text split at its no-break spaces, without the labels. */
function detailParts(detail: Element | null): string[] {
  if (!detail) return [];
  const copy = detail.cloneNode(true) as Element;
  for (const label of copy.querySelectorAll('.rm-cv-list-label')) label.remove();
  return (copy.textContent ?? '')
    .split('\u00a0')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
}
