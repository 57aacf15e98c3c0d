// Bot-challenge interstitials (Cloudflare "Just a moment...", Turnstile "Verifying your
// browser"): served at the article's address in place of the article, so the address carries a
// DOI while the page carries none of the paper. Recognised by their markers, never read.

const CHALLENGE_TITLE = /^\s*(?:just a moment|attention required|verifying (?:you are human|your browser)|checking your browser|please wait|one more step|ddos-guard)\b/i;
const CHALLENGE_MARKERS =
  '#challenge-form, #challenge-running, #challenge-stage, #cf-challenge-running, .cf-turnstile, #turnstile-wrapper, form[action*="__cf_chl"], script[src*="/cdn-cgi/challenge-platform/"]';

export function isChallengePage(doc: Document): boolean {
  if (CHALLENGE_TITLE.test(doc.title)) return true;
  if (doc.querySelector(CHALLENGE_MARKERS)) return true;
  // Cloudflare's inline configuration object, present even when the form was not saved.
  for (const script of doc.querySelectorAll('script:not([src])')) {
    if ((script.textContent ?? '').slice(0, 2000).includes('_cf_chl_opt')) return true;
  }
  return false;
}
