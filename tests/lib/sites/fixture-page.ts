import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

const FIXTURES = join(__dirname, '../../fixtures/sites');

/**
 * A saved site fixture as the content script would see it: parsed in a window at the page's
 * real URL (its sibling `<name>.url` file), so relative links resolve as on the site, with
 * scripts never run.
 */
export function loadSiteFixture(site: string, name: string): { doc: Document; url: URL } {
  const url = new URL(readFileSync(join(FIXTURES, site, `${name}.url`), 'utf8').trim());
  const html = readFileSync(join(FIXTURES, site, `${name}.html`), 'utf8');
  const window = new Window({
    url: url.href,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, url };
}
