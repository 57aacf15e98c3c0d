// The fallback for pages no site adapter claims: the standard metadata readers, nothing more.
import { extractEmbedded, mayHavePaper } from '../extract/embedded';
import type { SiteAdapter } from './types';

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Other sites',
  matches: () => true,
  detect(doc, url) {
    return mayHavePaper(doc, url) ? 'paper' : null;
  },
  read(doc, url) {
    const paper = extractEmbedded(doc, url, 'generic');
    return paper ? [paper] : [];
  },
};
