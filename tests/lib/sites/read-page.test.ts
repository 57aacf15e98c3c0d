// A site adapter's markup knowledge is not the only way to a control: whatever field it read but
// left unanchored is looked for as on any page, and a value it replaced never keeps the anchor of
// the value it replaced (the control would offer one value and the form show another).
import { describe, expect, it } from 'vitest';
import { extractEmbedded, mergePaper } from '../../../lib/extract';
import { readPage } from '../../../lib/sites/read-page';
import type { SiteAdapter } from '../../../lib/sites/types';
import { page } from '../extract/page';

const URL_ = new URL('https://press.example.org/article/7');

const ARTICLE = `<html><head>
<meta name="citation_title" content="Tidal mixing in a fjord">
<meta name="citation_author" content="Keiko Ito"><meta name="citation_author" content="Maja Lindqvist">
<meta name="citation_publication_date" content="2019/06/01">
</head><body><main><h1>Tidal mixing in a fjord</h1>
<p><span>Keiko Ito</span>, <span>Maja Lindqvist</span></p>
<p>Published online: 1 June 2019</p>
</main><aside><p>DOI: <a href="https://doi.org/10.5555/fjord.7">https://doi.org/10.5555/fjord.7</a></p></aside>
</body></html>`;

/** An adapter that reads the DOI from its sidebar but knows no selector for where it is shown. */
function adapter(patch: Parameters<typeof mergePaper>[1]): SiteAdapter {
  return {
    id: 'press',
    name: 'Press',
    matches: (url) => url.hostname === URL_.hostname,
    detect: () => 'paper',
    read(doc, url) {
      const base = extractEmbedded(doc, url, 'press');
      return base ? [mergePaper(base, patch, 'site')] : [];
    },
  };
}

describe('readPage on a site adapter', () => {
  it('anchors a field the adapter read but did not anchor, where the page shows it', () => {
    const doc = page(ARTICLE, URL_.href);
    const [paper] = readPage(doc, URL_, [adapter({ doi: '10.5555/fjord.7' })]).papers;
    expect(paper?.anchors.fields.doi?.textContent).toBe('https://doi.org/10.5555/fjord.7');
    expect(paper?.metadata.shown).toContain('doi');
  });

  it('drops the anchor of a value the adapter replaced when the page does not show the new one', () => {
    const doc = page(ARTICLE, URL_.href);
    const [paper] = readPage(doc, URL_, [adapter({ date: '2019-06-04', year: 2019 })]).papers;
    expect(paper?.metadata.date).toBe('2019-06-04');
    expect(paper?.anchors.fields.date).toBeUndefined();
    expect(paper?.metadata.shown).not.toContain('date');
  });

  it('anchors the replacing value when the page shows it', () => {
    const doc = page(ARTICLE.replace('Published online: 1 June 2019', 'Published online: 4 June 2019'), URL_.href);
    const [paper] = readPage(doc, URL_, [adapter({ date: '2019-06-04', year: 2019 })]).papers;
    expect(paper?.anchors.fields.date?.textContent).toBe('Published online: 4 June 2019');
  });
});
