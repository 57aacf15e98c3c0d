// Hugging Face paper pages (huggingface.co/papers/<arXiv id>): arXiv papers with discussion,
// models and datasets. The page has no citation tags; the paper record the page was rendered
// from is in the hydration props of the PaperPage component, the rest is visible markup.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  findArxivIds,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'huggingface';
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?$/;

interface PaperProps {
  title?: unknown;
  summary?: unknown;
  publishedAt?: unknown;
  authors?: { name?: unknown; hidden?: unknown }[];
}

export const huggingface: SiteAdapter = {
  id: ID,
  name: 'Hugging Face Papers',
  matches: (url) => url.hostname === 'huggingface.co',
  readySelector: 'main h1',
  detect: (doc, url) => (PAPER_PATH.test(url.pathname) && doc.querySelector('main h1') ? 'paper' : null),
  read: (doc, url) => [readPaper(doc, url)],
};

function readPaper(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  const props = paperProps(doc);
  const title = doc.querySelector('main h1');
  const authorLine = [...doc.querySelectorAll('main div')].find((div) =>
    /^Authors:/.test(div.firstElementChild?.textContent?.trim() ?? ''),
  );
  // Authors with a Hugging Face account are links; the others are buttons to claim the name.
  // Button text is not "visible text" to the generic reader, so names are read from textContent.
  const authorEls = [...(authorLine?.querySelectorAll('a, button') ?? [])].filter(
    (el) => !/^(?:\+\s*\d+|show|hide)/i.test(el.textContent?.trim() ?? ''),
  );
  const abstractHeading = [...doc.querySelectorAll('main h2')].find((h) => visibleText(h) === 'Abstract');
  const abstract = abstractHeading?.nextElementSibling ?? null;
  const dateEl = [...doc.querySelectorAll('main div')].find(
    (div) => div.childElementCount === 0 && /^Published on /.test(visibleText(div)),
  );
  const pdfLink = doc.querySelector('main a[href*="arxiv.org/pdf/"]');
  const arxivId = findArxivIds(`arXiv:${PAPER_PATH.exec(url.pathname)?.[1] ?? ''}`)[0] ?? null;
  const shownNames = authorEls.map((el) => cleanText(el.textContent) ?? '');
  const propNames = (Array.isArray(props?.authors) ? (props?.authors ?? []) : [])
    .filter((a) => typeof a?.name === 'string' && a.hidden !== true)
    .map((a) => String(a.name));
  // "Published on Sep 28, 2023" is when the paper appeared on arXiv; the page drops the year for the current year.
  const shownDate = toIsoDate(visibleText(dateEl).replace(/^Published on\s+/, ''));
  const propDate = typeof props?.publishedAt === 'string' ? toIsoDate(props.publishedAt) : { date: null, year: null };
  const { date, year } = shownDate.date && shownDate.date.length > 4 ? shownDate : propDate;
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)) ?? (typeof props?.title === 'string' ? cleanText(props.title) : null),
    authors: (propNames.length >= shownNames.length ? propNames : shownNames).map((name) => parseAuthorName(name)),
    abstract:
      cleanText(visibleText(abstract)) ?? (typeof props?.summary === 'string' ? cleanText(props.summary) : null),
    arxivId,
    venue: 'arXiv',
    date,
    year,
    pdfUrl: pdfLink?.getAttribute('href') ?? (arxivId ? `https://arxiv.org/pdf/${arxivId}` : null),
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      date: dateEl ?? null,
      year: dateEl ?? null,
      pdfUrl: pdfLink,
      authors: authorLine ?? null,
    }),
    authors: (patch.authors ?? []).map((author) => authorEls[shownNames.indexOf(author.name)]),
  };
  return mergePaper(base, patch, 'site', anchors);
}

/** The paper record passed to the page's PaperPage component (JSON in an attribute, never markup). */
function paperProps(doc: Document): PaperProps | null {
  const raw = doc.querySelector('[data-target="PaperPage"][data-props]')?.getAttribute('data-props');
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    const paper = (parsed as { paper?: unknown } | null)?.paper;
    return paper && typeof paper === 'object' ? (paper as PaperProps) : null;
  } catch {
    return null; // A half-rendered page: the visible markup alone is read.
  }
}
