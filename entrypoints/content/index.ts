import { startPageSession } from './page-session';

// Any page may carry citation_* metadata, so this script runs on every page (at document idle,
// doing little unless it finds a paper) with the generic readers only. Pages of sites with an
// adapter get that site's own script instead: the build excludes their hosts from this one
// (excludeSiteHosts in scripts/site-entrypoints.ts) and gives each its own script.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPageSession(ctx, []);
  },
});
