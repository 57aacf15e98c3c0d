// PubMed (pubmed.ncbi.nlm.nih.gov): article pages /<pmid>/ and search results /?term=… (lists);
// also the retired www.ncbi.nlm.nih.gov/pubmed/<pmid> layouts that archived copies still show.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findDois,
  mergePaper,
  parseAuthorName,
  readAbstract,
  toIsoDate,
  visibleText,
} from '../extract';
import { splitAuthorList } from '../extract/authors';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'pubmed';
const LEGACY_PATH = /^\/pubmed\/\d+/;

export const pubmed: SiteAdapter = {
  id: ID,
  name: 'PubMed',
  matches: (url) =>
    url.hostname === 'pubmed.ncbi.nlm.nih.gov' ||
    (url.hostname === 'www.ncbi.nlm.nih.gov' && url.pathname.startsWith('/pubmed')),
  detect(doc, url) {
    if (LEGACY_PATH.test(url.pathname)) return legacyReport(doc) ? 'paper' : null;
    if (/^\/\d+\/?$/.test(url.pathname))
      return doc.querySelector('#full-view-heading, h1.heading-title') ? 'paper' : null;
    return doc.querySelector('.search-results article.full-docsum') ? 'list' : null;
  },
  read(doc, url) {
    if (LEGACY_PATH.test(url.pathname)) return [readLegacy(doc, url)];
    if (/^\/\d+\/?$/.test(url.pathname)) return [readArticle(doc, url)];
    return [...doc.querySelectorAll('.search-results article.full-docsum')].map((entry) => readResult(entry, url));
  },
};

function readArticle(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  // The header holds the article twice: a full view and a short view for narrow screens. Only
  // the full view has affiliations and identifiers, and reading both would double every author.
  const heading = doc.querySelector('#full-view-heading') ?? doc.querySelector('#heading') ?? doc.body;
  const title = heading.querySelector('h1.heading-title');
  // The byline is the first author list; the "Collaborators" expander below it holds more
  // `.authors-list` blocks (consortium members, not authors of the paper).
  const byline = heading.querySelector('.inline-authors .authors-list') ?? heading.querySelector('.authors-list');
  const nameLinks = [...(byline?.querySelectorAll('a.full-name') ?? [])].filter((a) => !a.closest('.collaborations'));
  const abstract = doc.querySelector('#eng-abstract') ?? doc.querySelector('#abstract .abstract-content');
  const journal = heading.querySelector('#full-view-journal-trigger, .journal-actions-trigger');
  const cit = heading.querySelector('.article-source .cit');
  const doiLink = heading.querySelector('.identifier.doi a.id-link');
  const pmid = heading.querySelector('.identifier.pubmed .current-id');
  // citation_authors is "LeCun Y;Bengio Y;" (initials); the page shows full names, each with
  // its affiliations in the title of the numbered links beside it.
  const authors = nameLinks.map((link): Author => {
    const item = link.closest('.authors-list-item') ?? link;
    const affiliations = [...item.querySelectorAll('a.affiliation-link')]
      .map((a) => cleanText(a.getAttribute('title')))
      .filter((a): a is string => a !== null);
    return { ...parseAuthorName(visibleText(link)), affiliations };
  });
  // "2015 May 28;521(7553):436-44." — the date comes first, before the volume.
  const { date, year } = toIsoDate(visibleText(cit).split(/[;:]/)[0] ?? '');
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    abstract: abstract ? readAbstract(abstract) : null,
    // The button shows the NLM abbreviation ("Zookeys"); its title has the journal's own spelling.
    venue: cleanText(journal?.getAttribute('title')) ?? cleanText(visibleText(journal)) ?? base.metadata.venue,
    pmid: cleanText(visibleText(pmid)) ?? /^\/(\d+)/.exec(url.pathname)?.[1] ?? null,
    // PubMed hosts no full text, so no PDF: the full-text links lead to publishers and PMC.
    pdfUrl: null,
  };
  if (authors.length > 0) patch.authors = authors;
  if (date) Object.assign(patch, { date, year });
  const doi = findDois(visibleText(doiLink))[0];
  if (doi) patch.doi = doi;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      venue: journal,
      date: cit,
      year: cit,
      doi: doiLink,
      pmid,
      authors: byline,
    }),
  };
  if (nameLinks.length > 0) anchors.authors = nameLinks;
  return mergePaper(base, patch, 'site', anchors);
}

/** One search result: title link, "Family Initials" author list and the journal citation line. */
function readResult(entry: Element, url: URL): DetectedPaper {
  const title = entry.querySelector('a.docsum-title');
  const authorLine = entry.querySelector('.docsum-authors.full-authors');
  const citation = entry.querySelector('.docsum-journal-citation.full-journal-citation');
  const pmid = entry.querySelector('.docsum-pmid');
  const citationText = visibleText(citation);
  // "Nature. 2015 May 28;521(7553):436-44. doi: …": journal, then the date up to the volume.
  const [, venue = '', when = ''] = /^(.*?)\.\s+(\d{4}[^;:.]*)/.exec(citationText) ?? [];
  const { date, year } = toIsoDate(when);
  const patch: Partial<PaperMetadata> = {
    // Result titles end with a full stop that is PubMed's citation style, not the title's.
    title: cleanText(visibleText(title).replace(/\.$/, '')),
    // Long author lists end with "et al." or an ellipsis: those are not people.
    authors: splitAuthorList(visibleText(authorLine).replace(/\.$/, ''))
      .filter((name) => !/^(?:et al\.?|…|\.\.\.)$/i.test(name))
      .map(initialsAuthor),
    venue: cleanText(venue),
    date,
    year,
    doi: findDois(citationText)[0] ?? null,
    pmid: cleanText(visibleText(pmid)),
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, authors: authorLine, venue: citation, date: citation, year: citation, pmid }),
  };
  return mergePaper({ ...blankPaper(url, ID), entry }, patch, 'site', anchors);
}

/** The report of the 2010-2020 layout (div.rprt) or of the Entrez layout before it (dd.abstract). */
function legacyReport(doc: Document): Element | null {
  return doc.querySelector('.rprt.abstract') ?? doc.querySelector('dl.AbstractPlusReport');
}

/**
 * The retired layouts had no citation tags: everything is read from the report. Titles end
 * with a full stop, names are "Powell DJ", and the citation line is "Journal. 2015 Mar 12;56:
 * 120-131." or "2005;52(4):789-96. Epub 2005 Jun 6." (the e-pub date is when it appeared).
 */
function readLegacy(doc: Document, url: URL): DetectedPaper {
  const report = legacyReport(doc) ?? doc.body;
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const title = report.querySelector('h1, dd.abstract > h2');
  const authorList = report.querySelector('.auths, .authors');
  const nameLinks = [...(authorList?.querySelectorAll('a') ?? [])];
  const abstract = report.querySelector('.abstr > div, p.abstract');
  const cit = report.querySelector('.cit, .abstitle .ti');
  const journal = cit?.querySelector('[title]') ?? null;
  const citText = visibleText(cit);
  const epub = /Epub (\d{4} \w+(?: \d{1,2})?)/.exec(citText)?.[1];
  const { date, year } = toIsoDate(epub ?? /(\d{4}(?: [A-Za-z]{3,9})?(?: \d{1,2})?)[;:.]/.exec(citText)?.[1] ?? '');
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title).replace(/\.$/, '')),
    authors: nameLinks.map((a) => initialsAuthor(visibleText(a))),
    abstract: cleanText(visibleText(abstract)),
    venue: cleanText(journal?.getAttribute('title')?.replace(/\.$/, '')),
    date,
    year,
    doi: findDois(citText)[0] ?? base.metadata.doi,
    pmid: /^\/pubmed\/(\d+)/.exec(url.pathname)?.[1] ?? null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({ title, abstract, venue: journal, date: cit, year: cit, authors: authorList }),
    authors: nameLinks,
  };
  return mergePaper(base, patch, 'site', anchors);
}

/** PubMed writes "LeCun Y" and "Moss-Morris R": family name, then the initials of the given names. */
function initialsAuthor(raw: string): Author {
  const m = /^(.+?)\s+([A-Z]{1,4})$/.exec(raw.trim());
  if (!m?.[1] || !m[2]) return parseAuthorName(raw);
  return { name: `${m[2]} ${m[1]}`, given: m[2], family: m[1], affiliations: [] };
}
