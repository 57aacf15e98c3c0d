import { ALL_SITE_HOSTS } from '@/lib/sites/hosts';
import { startPageSession } from './page-session';

// Any page may carry citation_* metadata, so this script runs on every page (at document idle,
// doing little unless it finds a paper) with the generic readers only. Pages of sites with an
// adapter get that site's own script instead (scripts/site-entrypoints.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  excludeMatches: ALL_SITE_HOSTS,
  runAt: 'document_idle',
  main(ctx) {
    startPageSession(ctx, []);
  },
});
