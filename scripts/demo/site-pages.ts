import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'sites');

// Pages of real sites, at their real addresses: the browser `npm start` opens serves them from
// the project's own fixtures, so the site adapters run as on the sites (loaded by hand, the
// links go to the live sites).
const SITE_PAGES = [
  { label: 'arXiv abstract page', fixture: 'arxiv/abs-1810.04805v2' },
  { label: 'arXiv listing (one set of controls per entry)', fixture: 'arxiv/list-cs.CL-new' },
  { label: 'dblp person page (one set per entry)', fixture: 'dblp/pid-toutanova' },
  { label: 'PubMed article', fixture: 'pubmed/26017442' },
  { label: 'J-STAGE article (Japanese)', fixture: 'jstage/lsj-49-6-349-ja' },
  { label: 'researchmap publication list (Japanese)', fixture: 'researchmap/published-papers-ja' },
  { label: 'OpenReview forum (client-rendered)', fixture: 'openreview/forum-iclr2024' },
];

export interface SitePage {
  label: string;
  url: string;
  html: string;
}

export function sitePages(): SitePage[] {
  return SITE_PAGES.map(({ label, fixture }) => ({
    label,
    url: readFileSync(join(FIXTURES, `${fixture}.url`), 'utf8').trim(),
    html: readFileSync(join(FIXTURES, `${fixture}.html`), 'utf8'),
  }));
}
