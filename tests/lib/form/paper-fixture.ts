import type { PaperMetadata } from '../../../lib/schema/paper';

/** A paper as a site adapter would detect it, with three authors. */
export function detectedPaper(overrides: Partial<PaperMetadata> = {}): PaperMetadata {
  return {
    title: 'On Computable Numbers',
    authors: [
      { name: 'Ada Lovelace', given: 'Ada', family: 'Lovelace', affiliations: ['Analytical Society'] },
      { name: 'Alan Turing', given: 'Alan', family: 'Turing', affiliations: ['University of Cambridge'] },
      { name: 'Grace Hopper', affiliations: [] },
    ],
    abstract: 'We study numbers whose decimals are calculable by finite means.',
    date: '1936-11-12',
    year: 1936,
    doi: '10.1112/plms/s2-42.1.230',
    arxivId: null,
    pmid: null,
    venue: 'Proceedings of the London Mathematical Society',
    volume: 's2-42',
    issue: '1',
    pages: '230–265',
    publisher: null,
    language: 'en',
    pdfUrl: 'https://example.org/turing.pdf',
    url: 'https://example.org/papers/turing-1936',
    site: 'generic',
    sources: {},
    shown: ['title', 'authors', 'doi'],
    conflicts: [],
    ...overrides,
  };
}
