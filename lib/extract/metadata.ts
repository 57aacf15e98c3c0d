import type { PaperMetadata } from '../schema/paper';

/** A paper record with nothing known yet, for a page at `url` read by adapter `site`. */
export function emptyMetadata(url: string, site: string): PaperMetadata {
  return {
    title: null,
    authors: [],
    abstract: null,
    date: null,
    year: null,
    doi: null,
    arxivId: null,
    pmid: null,
    venue: null,
    volume: null,
    issue: null,
    pages: null,
    publisher: null,
    language: null,
    pdfUrl: null,
    url,
    site,
    sources: {},
    shown: [],
    conflicts: [],
  };
}
