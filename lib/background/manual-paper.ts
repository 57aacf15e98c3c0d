// The paper of a page where nothing was detected, as the reader identified it by hand (the
// worker builds it; the page's panel gets it through page/correct and form/open). `site` and
// `sources` say it was entered by hand, so whoever receives the correction knows no page
// metadata backs it.
import { emptyMetadata } from '../extract/metadata';
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
  // The page's address, where the browser told it; else the paper's own (a correction names an
  // http(s) page): without the reader's click on the button or the menu (activeTab), the worker
  // is not told the address of a page no content script of ours reads.
  const ownAddress = doi ? `https://doi.org/${doi}` : arxivId ? `https://arxiv.org/abs/${arxivId}` : url;
  const address = /^https?:\/\//i.test(url) ? url : ownAddress;
  const sources: PaperMetadata['sources'] = {};
  if (doi) sources.doi = 'manual';
  if (arxivId) sources.arxivId = 'manual';
  if (title) sources.title = 'manual';
  return { ...emptyMetadata(address, MANUAL_SITE), title, doi, arxivId, sources };
}
