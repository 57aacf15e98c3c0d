import { couldCarryPaper } from '@/lib/gate/could-carry-paper';
import { startGate } from './gate';

// Any page may carry citation_* metadata, so this script runs on every page; most are not
// papers, so all it does is ask, after load and when the page is idle, whether this one could
// be (lib/gate/could-carry-paper.ts), and only then loads the generic reader
// (content-scripts/reader.js, see lib/gate/load-reader.ts for how and why). Pages of sites with
// an adapter get that site's own gate instead: the build excludes their hosts from this one
// (excludeSiteHosts in scripts/site-entrypoints.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startGate(ctx, 'reader', couldCarryPaper);
  },
});
