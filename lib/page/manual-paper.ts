// The paper of a page where nothing was detected, as the reader identified it by hand. No zod
// here: the content script builds it too. `site` and `sources` say it was entered by hand, so
// whoever receives the correction knows no page metadata backs it.
import { normaliseDoi } from '../identifiers';
import type { PaperMetadata } from '../schema/paper';

export const MANUAL_SITE = 'manual';

export interface ManualIdentity {
  doi?: string;
  arxivId?: string;
  title?: string;
}

export function manualPaper(url: string, entered: ManualIdentity = {}): PaperMetadata {
  const doi = entered.doi ? normaliseDoi(entered.doi) : null;
  const arxivId = entered.arxivId?.trim().replace(/^arxiv:\s*/i, '') || null;
  const title = entered.title?.replace(/\s+/g, ' ').trim() || null;
  const sources: PaperMetadata['sources'] = {};
  if (doi) sources.doi = 'manual';
  if (arxivId) sources.arxivId = 'manual';
  if (title) sources.title = 'manual';
  return {
    title,
    authors: [],
    abstract: null,
    date: null,
    year: null,
    doi,
    arxivId,
    pmid: null,
    venue: null,
    volume: null,
    issue: null,
    pages: null,
    publisher: null,
    language: null,
    pdfUrl: null,
    url,
    site: MANUAL_SITE,
    sources,
    shown: [],
    conflicts: [],
  };
}
