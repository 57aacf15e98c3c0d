import { newCorrectionId } from '../../lib/correction-id';
import type { Correction } from '../../lib/schema/correction';
import type { PaperMetadata } from '../../lib/schema/paper';

const PAGE_URL = 'https://arxiv.org/abs/2101.01234';

/** A paper as detected on an arXiv abstract page, with a wrong title. */
export function samplePaper(overrides: Partial<PaperMetadata> = {}): PaperMetadata {
  return {
    title: 'Attention Is Almost All You Need',
    authors: [
      { name: 'Ada Lovelace', given: 'Ada', family: 'Lovelace', affiliations: ['Analytical Engine Society'] },
      { name: 'Alan Turing', affiliations: [], orcid: '0000-0002-1825-0097' },
    ],
    abstract: 'We study attention.',
    date: '2021-01-05',
    year: 2021,
    doi: null,
    arxivId: '2101.01234',
    pmid: null,
    venue: null,
    volume: null,
    issue: null,
    pages: null,
    publisher: null,
    language: null,
    pdfUrl: 'https://arxiv.org/pdf/2101.01234',
    url: PAGE_URL,
    site: 'arxiv',
    sources: { title: 'highwire' },
    shown: ['title', 'authors', 'abstract'],
    conflicts: [],
    ...overrides,
  };
}

/**
 * A valid correction (it passes CorrectionSchema) with a fresh UUIDv7 id on every call: one
 * title change by a named submitter. Overrides replace top-level fields.
 */
export function sampleCorrection(overrides: Partial<Correction> = {}): Correction {
  const detected = samplePaper();
  return {
    id: newCorrectionId(),
    createdAt: new Date().toISOString(),
    pageUrl: PAGE_URL,
    paper: { title: detected.title, doi: null, arxivId: detected.arxivId, pmid: null, url: PAGE_URL },
    detected,
    changes: [{ field: 'title', from: detected.title, to: 'Attention Is All You Need' }],
    authorChanges: [],
    submitter: { name: 'Grace Hopper', email: 'grace@example.org' },
    declaration: true,
    ...overrides,
  };
}
