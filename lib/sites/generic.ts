// The fallback for pages no site adapter claims: the standard metadata readers, nothing more.
import { extractEmbedded, mayHavePaper } from '../extract/embedded';
import { type MetaTags, readMetaTags } from '../extract/meta-tags';
import type { SiteAdapter } from './types';

// The meta tags detect() read to let a page through, for the read() that readPage makes next on
// the same page, unchanged in between: every <meta> is read once, not twice. Taken once; a
// read() without that detect() reads the page itself.
const readByDetect = new WeakMap<Document, MetaTags>();

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Other sites',
  matches: () => true,
  detect(doc, url) {
    readByDetect.delete(doc);
    const tags = readMetaTags(doc);
    if (!mayHavePaper(doc, url, tags)) return null;
    readByDetect.set(doc, tags);
    return 'paper';
  },
  read(doc, url) {
    const tags = readByDetect.get(doc);
    readByDetect.delete(doc);
    const paper = extractEmbedded(doc, url, 'generic', tags);
    return paper ? [paper] : [];
  },
};
