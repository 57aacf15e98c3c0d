// Open Graph (og:*) and its article:* extension, with the other link-preview descriptions
// (twitter:description, the plain description tag) as fallbacks. Written for link previews:
// descriptions are often teasers and og:title may carry the site's name, so these rank last
// among meta tags, and a description is taken for the abstract only when it could be one
// (see dropTeasers in embedded.ts). Pensoft's ZooKeys pages carry the abstract only here.
import { type Candidate, present } from './candidate';
import { type MetaTags, readMetaTags } from './meta-tags';
import { cleanText } from './text';
import { firstDate } from './values';

export function readOpenGraph(doc: Document = document, tags: MetaTags = readMetaTags(doc)): Candidate {
  const date = firstDate(tags.all('article:published_time', 'og:published_time'));
  return {
    source: 'open-graph',
    abstractIsDescription: true,
    fields: present({
      title: stripSiteName(cleanText(tags.first('og:title')), cleanText(tags.first('og:site_name'))),
      abstract: cleanText(tags.first('og:description', 'twitter:description', 'description')),
      date: date.date,
      year: date.year,
    }),
  };
}

// "Frontiers | Title", "Title | Semantic Scholar", "[PDF] Title": previews carry the brand.
export function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  let out = title.replace(/^\[(?:PDF|HTML)\]\s*/i, '');
  if (siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`^${escaped}\\s*[|:–—-]\\s*|\\s*[|:–—-]\\s*${escaped}$`, 'i'), '');
  }
  return cleanText(out);
}
