// PubMed Central: pmc.ncbi.nlm.nih.gov/articles/PMC…/ (2024 layout), the older
// www.ncbi.nlm.nih.gov/pmc/articles/PMC…/ layout and the pre-2010 pubmedcentral.nih.gov one,
// which archived and cached copies still show.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findDois,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import { normaliseOrcid } from '../identifiers';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'pmc';
const ARTICLE_PATH = /^\/(?:pmc\/)?articles\/PMC\d+/i;

export const pmc: SiteAdapter = {
  id: ID,
  name: 'PubMed Central',
  matches: (url) =>
    url.hostname === 'pmc.ncbi.nlm.nih.gov' ||
    (url.hostname === 'www.ncbi.nlm.nih.gov' && url.pathname.startsWith('/pmc/')) ||
    url.hostname === 'www.pubmedcentral.nih.gov',
  detect: (doc, url) => (isArticle(url) && doc.querySelector('meta[name="citation_title"], h1') ? 'paper' : null),
  read: (doc, url) => [readArticle(doc, url)],
};

function readArticle(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const front = doc.querySelector('section.front-matter') ?? doc.querySelector('.fm-sec') ?? doc.body;
  const title = front.querySelector('h1');
  // 2024 layout: each name links to a hidden popover (aria-describedby) holding its
  // affiliations. Older layout: names in .fm-author followed by <sup> keys into .fm-affl.
  const nameLinks = [...front.querySelectorAll('.cg a[aria-describedby], .contrib-group.fm-author > a')];
  const authors = nameLinks.map((link) => readAuthor(doc, link));
  const abstractBlock = doc.querySelector('section.abstract, .tsec.sec[id^="Abs"]') ?? oldAbstract(doc);
  const citation = doc.querySelector('.pmc-layout__citation') ?? front.querySelector('.fm-citation');
  const journal = citation?.querySelector('button, .cit a, .cit') ?? null;
  // "Sci Data. 2016 Mar 15;3:160018" (2024) or "Published online 2016 Mar 15." (older): the
  // online date is when readers first had the article; citation_date is often the print issue.
  const dateEl = citation?.querySelector('.fm-vol-iss-date') ?? citation?.querySelector('div') ?? null;
  const dateText = visibleText(dateEl).replace(/^.*?(?:Published online|\.)\s+(?=\d{4})/, '');
  const { date, year } = toIsoDate(dateText.split(/[;:]/)[0] ?? '');
  const doiLink = citation?.querySelector('a[href*="doi.org/"]') ?? null;
  const pmidLink = front.querySelector('a[href*="pubmed.ncbi.nlm.nih.gov/"][href$="/"], .fm-citation-pmid a');
  const pdfLink = doc.querySelector('.pmc-sidebar__formats a[href$=".pdf"], .format-menu a[href$=".pdf"]');
  const patch: Partial<PaperMetadata> = {};
  if (title) patch.title = cleanText(visibleText(title));
  if (abstractBlock) patch.abstract = withoutHeading(abstractBlock);
  if (authors.length > 0) patch.authors = authors;
  if (date) Object.assign(patch, { date, year });
  const doi = findDois(visibleText(doiLink))[0];
  if (doi) patch.doi = doi;
  const pmid = /^\d+$/.exec(visibleText(pmidLink))?.[0];
  if (pmid) patch.pmid = pmid;
  if (pdfLink) patch.pdfUrl = new URL(pdfLink.getAttribute('href') ?? '', canonicalBase(url)).href;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract: abstractBlock,
      venue: journal,
      date: dateEl,
      year: dateEl,
      doi: doiLink,
      pmid: pmidLink,
      pdfUrl: pdfLink,
      authors: front.querySelector('.cg, .contrib-group.fm-author'),
    }),
  };
  if (nameLinks.length > 0) anchors.authors = nameLinks;
  return mergePaper(base, patch, 'site', anchors);
}

function readAuthor(doc: Document, link: Element): Author {
  const author: Author = { ...parseAuthorName(visibleText(link)), affiliations: [] };
  const popoverId = link.getAttribute('aria-describedby');
  if (popoverId) {
    // The popover is hidden until hovered, so its text is read whole rather than as "visible".
    const popover = doc.getElementById(popoverId);
    for (const line of popover?.querySelectorAll(':scope > div.p') ?? []) {
      if (line.querySelector('a')) continue; // "Find articles by …"
      const text = textWithoutMarkers(line);
      if (text) author.affiliations.push(text);
    }
  }
  // Markers and an ORCID link follow the name, up to the next author.
  for (let el = link.nextElementSibling; el && !isNameLink(el); el = el.nextElementSibling) {
    const href = el.getAttribute('href') ?? '';
    if (/orcid\.org\//i.test(href)) author.orcid = normaliseOrcid(href);
    if (!popoverId && el.tagName === 'SUP') {
      for (const key of (el.textContent ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)) {
        const affiliation = doc.getElementById(key);
        const text = affiliation?.classList.contains('fm-affl') ? textWithoutMarkers(affiliation) : null;
        if (text) author.affiliations.push(text);
      }
    }
  }
  return author;
}

/** Whole text (hidden or not) without the <sup> keys that number affiliations. */
function textWithoutMarkers(el: Element): string | null {
  const copy = el.cloneNode(true) as Element;
  for (const sup of copy.querySelectorAll('sup')) sup.remove();
  return cleanText(copy.textContent);
}

function isNameLink(el: Element): boolean {
  return (
    el.tagName === 'A' &&
    (el.hasAttribute('aria-describedby') ||
      (el.getAttribute('href') ?? '').includes('[Author]') ||
      /%5BAuthor%5D/i.test(el.getAttribute('href') ?? ''))
  );
}

/** Articles are /articles/PMC…; before 2010 they were /articlerender.fcgi?artid=… on pubmedcentral.nih.gov. */
function isArticle(url: URL): boolean {
  return ARTICLE_PATH.test(url.pathname) || (url.pathname === '/articlerender.fcgi' && url.searchParams.has('artid'));
}

/** The pre-2010 layout: a "section-title" div saying "Abstract", then the section's content. */
function oldAbstract(doc: Document): Element | null {
  const heading = [...doc.querySelectorAll('.section-title')].find((el) => visibleText(el) === 'Abstract');
  return heading?.nextElementSibling ?? null;
}

/** The abstract section without its "Abstract" heading. */
function withoutHeading(block: Element | null): string | null {
  if (!block) return null;
  const copy = block.cloneNode(true) as Element;
  copy.querySelector('h2')?.remove();
  return cleanText(visibleText(copy));
}

/** Relative links ("pdf/x.pdf") resolve against the article's folder, with its trailing slash. */
function canonicalBase(url: URL): URL {
  const folder = ARTICLE_PATH.exec(url.pathname)?.[0];
  return folder ? new URL(`${folder}/`, url) : url;
}
