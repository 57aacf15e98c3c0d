import { startPageSession } from './page-session';

// Any page may carry citation_* metadata, so the script is on every page, at document idle, and
// does nothing visible (and little work) unless it finds a paper.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPageSession(ctx);
  },
});
