// OpenReview (openreview.net): forum pages /forum?id=… (one paper) and venue pages
// /group?id=… (lists). Client-rendered: the content script waits for readySelector.
import {
  anchorsOf,
  blankPaper,
  cleanText,
  extractEmbedded,
  mergePaper,
  parseAuthorName,
  toIsoDate,
  visibleText,
} from '../extract';
import type { DetectedPaper, FieldAnchors } from '../extract/types';
import type { Author, PaperMetadata } from '../schema/paper';
import type { SiteAdapter } from './types';

const ID = 'openreview';
const FORUM_TITLE = '.forum-title h2';
const LIST_TITLE = '.note h4 a[href*="forum?id="]';

export const openreview: SiteAdapter = {
  id: ID,
  name: 'OpenReview',
  matches: (url) => url.hostname === 'openreview.net' || url.hostname === 'www.openreview.net',
  readySelector: `${FORUM_TITLE}, ${LIST_TITLE}`,
  // A bot challenge is served at the same address as the forum: it has neither selector.
  detect(doc, url) {
    if (url.pathname === '/forum') return doc.querySelector(FORUM_TITLE) ? 'paper' : null;
    if (url.pathname === '/group') return doc.querySelector(LIST_TITLE) ? 'list' : null;
    return null;
  },
  read(doc, url) {
    if (url.pathname === '/forum') return [readForum(doc, url)];
    return [...doc.querySelectorAll(LIST_TITLE)].flatMap((link) => {
      const note = link.closest('.note');
      return note ? [readNote(note, url)] : [];
    });
  },
};

function readForum(doc: Document, url: URL): DetectedPaper {
  const base = extractEmbedded(doc, url, ID) ?? blankPaper(url, ID);
  // Replies below the paper are .note elements too: only the first note is the submission.
  const note = doc.querySelector('.forum-container > .note') ?? doc.body;
  const title = note.querySelector(FORUM_TITLE);
  const authorLine = note.querySelector('.forum-authors');
  const authorLinks = [...(authorLine?.querySelectorAll('a') ?? [])];
  const dateEl = note.querySelector('.forum-meta .date');
  const venue = [...note.querySelectorAll('.forum-meta .item')].find((item) =>
    item.querySelector('.glyphicon-folder-open'),
  );
  const abstract = fieldValue(note, 'Abstract');
  const pdfLink = note.querySelector('a.citation_pdf_url');
  // citation_publication_date is the submission date; the page says when the paper was
  // published ("Published: 16 Jan 2024, Last Modified: …") and at which venue ("ICLR 2024 oral").
  const { date, year } = firstDate(visibleText(dateEl));
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    authors: namedAuthors(authorLinks.map((a) => visibleText(a))),
    abstract: cleanText(visibleText(abstract)),
  };
  if (date) Object.assign(patch, { date, year });
  const shownVenue = cleanText(visibleText(venue));
  if (shownVenue) patch.venue = shownVenue;
  if (pdfLink) patch.pdfUrl = new URL(pdfLink.getAttribute('href') ?? '', url).href;
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      abstract,
      date: dateEl,
      year: dateEl,
      venue: venue ?? null,
      pdfUrl: pdfLink,
      authors: authorLine,
    }),
    authors: authorLinks.filter((a) => !isAnonymous(visibleText(a))),
  };
  return mergePaper(base, patch, 'site', anchors);
}

/** One submission on a venue page: title link, authors, then "Published: …" and the venue. */
function readNote(note: Element, url: URL): DetectedPaper {
  const title = note.querySelector(LIST_TITLE);
  const authorLine = note.querySelector('.note-authors');
  const authorLinks = [...(authorLine?.querySelectorAll('a') ?? [])];
  const meta = [...note.querySelectorAll('.note-meta-info > li, .note-meta-info > span')];
  const dateEl = meta.find((el) => /\d{4}/.test(visibleText(el)) && !/^Readers/i.test(visibleText(el))) ?? null;
  const venue = dateEl ? (meta[meta.indexOf(dateEl) + 1] ?? null) : null;
  const pdfLink = note.querySelector('a.pdf-link');
  const names = authorLinks.length > 0 ? authorLinks.map((a) => visibleText(a)) : visibleText(authorLine).split(',');
  const { date, year } = firstDate(visibleText(dateEl));
  const patch: Partial<PaperMetadata> = {
    title: cleanText(visibleText(title)),
    authors: namedAuthors(names),
    venue: venue && !/^Readers/i.test(visibleText(venue)) ? cleanText(visibleText(venue)) : null,
    date,
    year,
    abstract: cleanText(visibleText(fieldValue(note, 'Abstract'))),
    pdfUrl: pdfLink ? new URL(pdfLink.getAttribute('href') ?? '', url).href : null,
  };
  const anchors: Partial<FieldAnchors> = {
    fields: anchorsOf({
      title,
      date: dateEl,
      year: dateEl,
      venue,
      pdfUrl: pdfLink,
      authors: authorLinks.length > 0 ? authorLine : null,
    }),
    authors: authorLinks,
  };
  return mergePaper({ ...blankPaper(url, ID), entry: note }, patch, 'site', anchors);
}

/** The value next to a "<strong>Abstract:</strong>" label in a note's content. */
function fieldValue(note: Element, label: string): Element | null {
  for (const field of note.querySelectorAll('.note-content-field')) {
    if (visibleText(field).replace(/:$/, '').trim() === label) {
      return field.parentElement?.querySelector('.note-content-value') ?? null;
    }
  }
  return null;
}

/** "Published: 16 Jan 2024, Last Modified: …" or "28 Oct 2017": the first date written. */
function firstDate(text: string) {
  const first = /(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})/.exec(text)?.[1] ?? '';
  return toIsoDate(first);
}

/** Double-blind submissions show "Anonymous" (or "Anonymous Authors"): not a person. */
function namedAuthors(names: string[]): Author[] {
  return names
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && !isAnonymous(name))
    .map((name) => parseAuthorName(name));
}

function isAnonymous(name: string): boolean {
  return /^anonymous\b/i.test(name.trim());
}
