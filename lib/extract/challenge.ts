// Bot-challenge interstitials (Cloudflare "Just a moment...", Turnstile "Verifying your
// browser"): served at the article's address in place of the article, so the address carries a
// DOI while the page carries none of the paper. Recognised by their markers, never read.

const CHALLENGE_TITLE =
  /^\s*(?:just a moment|attention required|verifying (?:you are human|your browser)|checking your browser|please wait|one more step|ddos-guard)\b/i;
const CHALLENGE_MARKERS =
  '#challenge-form, #challenge-running, #challenge-stage, #cf-challenge-running, .cf-turnstile, #turnstile-wrapper, form[action*="__cf_chl"], script[src*="/cdn-cgi/challenge-platform/"]';

const MAX_CHALLENGE_ELEMENTS = 400;

export function isChallengePage(doc: Document): boolean {
  if (CHALLENGE_TITLE.test(doc.querySelector('title')?.textContent ?? '')) return true;
  // Interstitials are a few dozen elements; an article page is not one, whatever it contains.
  if (doc.getElementsByTagName('*').length > MAX_CHALLENGE_ELEMENTS) return false;
  if (doc.querySelector(CHALLENGE_MARKERS)) return true;
  // Cloudflare's inline configuration object, present even when the form was not saved.
  // Challenge pages are tiny: only the first few inline scripts, and only their opening.
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < Math.min(scripts.length, 20); i++) {
    const text = (scripts[i] as Element).firstChild?.nodeValue ?? '';
    if (text.slice(0, 2000).includes('_cf_chl_opt')) return true;
  }
  return false;
}
