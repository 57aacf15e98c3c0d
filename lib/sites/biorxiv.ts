// bioRxiv and medRxiv (www.biorxiv.org, www.medrxiv.org): preprint pages
// /content/10.1101/<id>v<N>, one adapter for both (same HighWire platform and markup).
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findDois,
  mergePaper,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import { normaliseOrcid } from '../identifiers';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'biorxiv';
const PREPRINT_PATH = /^\/content\/10\.1101\/[\d.]+(?:v\d+)?/;

export const biorxiv: SiteAdapter = {
  id: ID,
  name: 'bioRxiv / medRxiv',
  matches: (url) => /^(?:www\.|connect\.)?(?:bio|med)rxiv\.org$/.test(url.hostname),
  detect: (doc, url) =>
    PREPRINT_PATH.test(url.pathname) && doc.querySelector('h1.highwire-cite-title, meta[name="citation_title"]')
      ? 'paper'
      : null,
  read: (doc, url) => [readPreprint(doc, url)],
};

function readPreprint(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const top = doc.querySelector('.highwire-article-citation') ?? doc.body;
  const title = top.querySelector('h1.highwire-cite-title');
  const authorList = top.querySelector('.highwire-cite-authors');
  const authorEls = [...(authorList?.querySelectorAll('.highwire-citation-author') ?? [])];
  const abstract = doc.querySelector('.section.abstract');
  const doiEl = top.querySelector('.highwire-cite-metadata-doi');
  const posted = [...doc.querySelectorAll('.pane-1 .pane-content, .pane-custom .pane-content')].find((el) =>
    /^Posted\b/.test(visibleText(el)),
  );
  const pdfLink = doc.querySelector('a.article-dl-pdf-link');
  // citation_publication_date is a placeholder (always January 1st of the year); the page's
  // "Posted December 21, 2022." is the date of the version shown, as is citation_date.
  const { date, year } = toIsoDate(
    visibleText(posted)
      .replace(/^Posted\s*/, '')
      .replace(/\.$/, ''),
  );
  const metaAuthors = base.metadata.authors;
  // Each name span also holds a hidden "View ORCID Profile" link text, so names are read from
  // the given-names and surname spans, never from the whole author element.
  const authors = authorEls.map((el, i): Author => {
    const given = cleanText(visibleText(el.querySelector('.nlm-given-names'))) ?? undefined;
    const family = cleanText(visibleText(el.querySelector('.nlm-surname'))) ?? undefined;
    const name = [given, family].filter(Boolean).join(' ') || (cleanText(visibleText(el)) ?? '');
    const orcidHref = el.querySelector('a[href*="orcid.org/"]')?.getAttribute('href');
    const fromMeta = metaAuthors.length === authorEls.length ? metaAuthors[i] : undefined;
    const author: Author = { name, given, family, affiliations: fromMeta?.affiliations ?? [] };
    if (orcidHref) author.orcid = normaliseOrcid(orcidHref);
    else if (fromMeta?.orcid) author.orcid = fromMeta.orcid;
    return author;
  });
  const patch: Partial<PaperMetadata> = {
    // Both servers say who they are in citation_journal_title; the host says it as surely.
    venue: url.hostname.includes('medrxiv') ? 'medRxiv' : 'bioRxiv',
  };
  if (title) patch.title = cleanText(visibleText(title));
  if (abstract) patch.abstract = withoutHeading(abstract);
  if (authors.length > 0) patch.authors = authors;
  if (date) Object.assign(patch, { date, year });
  const doi = findDois(visibleText(doiEl))[0];
  if (doi) patch.doi = doi;
  // citation_pdf_url names the file by its posting date (/content/biorxiv/early/2022/02/18/…);
  // the "Download PDF" link a reader presses names the version shown (…v2.full.pdf). The link
  // wins: its pencil then sits beside the value the form shows.
  const pdfHref = pdfLink?.getAttribute('href');
  if (pdfHref) patch.pdfUrl = new URL(pdfHref, url).href;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      date: posted ?? null,
      year: posted ?? null,
      doi: doiEl,
      pdfUrl: pdfLink,
      authors: authorList,
    }),
  };
  if (authorEls.length > 0) anchors.authors = authorEls;
  return mergePaper(base, patch, 'site', anchors);
}

/** The abstract section without its "Abstract" heading. */
function withoutHeading(block: Element | null): string | null {
  if (!block) return null;
  const copy = block.cloneNode(true) as Element;
  copy.querySelector('h2')?.remove();
  return cleanText(visibleText(copy));
}
