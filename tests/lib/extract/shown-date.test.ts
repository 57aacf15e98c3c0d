// The publication date the reader sees wins over an issue, cover or online-first date in the
// tags, and its element is the date's anchor (issue #13, items 1 and 3). Expectations are the
// dates these small pages print, as a reader would read them.
import { describe, expect, it } from 'vitest';
import { extractEmbedded } from '../../../lib/extract/embedded';
import { shortElements } from '../../../lib/extract/short-elements';
import { readShownDate } from '../../../lib/extract/shown-date';
import { page } from './page';

const URL_ = new URL('https://journal.example.org/articles/1');
const anyYear = () => true;

function shown(body: string) {
  const doc = page(`<body>${body}</body>`);
  return readShownDate(shortElements(doc.body), anyYear);
}

/** A HighWire-tagged article whose tags date it by its issue (the first of the month). */
function article(dateLine: string, tagDate = '2015/01/01'): Document {
  return page(`<html><head>
<meta name="citation_title" content="Root fungi widen the niche of a grass">
<meta name="citation_author" content="Ada Lovelace"><meta name="citation_author" content="Yui Tanaka">
<meta name="citation_publication_date" content="${tagDate}">
<meta name="citation_doi" content="10.5555/roots.2015.7">
</head><body><main><h1>Root fungi widen the niche of a grass</h1>
<p class="authors"><span>Ada Lovelace</span>, <span>Yui Tanaka</span></p>
${dateLine}
<section class="abstract"><h2>Abstract</h2><p>We grew a grass with and without its fungus across a moisture gradient and measured where it survived.</p></section>
</main>
<aside><h2>Related articles</h2><ul><li>Another paper. Published online: 3 March 2009</li></ul></aside>
</body></html>`);
}

describe('readShownDate', () => {
  it('reads the labelled publication date in the forms publishers print', () => {
    expect(shown('<p>Published: 3 May 2016</p>')?.date).toBe('2016-05-03');
    expect(shown('<p>First published online: January 19, 2015</p>')?.date).toBe('2015-01-19');
    expect(shown('<div>Publication Date (Web) : October 3, 2011</div>')?.date).toBe('2011-10-03');
    expect(shown('<p>Posted 12 Mar 2020</p>')?.date).toBe('2020-03-12');
    expect(shown('<p>This Article Published May 23, 2016, doi: 10.5555/x</p>')?.date).toBe('2016-05-23');
  });

  it('takes the publication step of a history line, not the received or accepted dates', () => {
    const history = shown(
      '<div class="history"><span>Received </span><span>25 November 2015</span> <span>Accepted </span><span>09 February 2016</span> <span>Published online </span><span>02 May 2016</span></div>',
    );
    expect(history?.date).toBe('2016-05-02');
    expect(shown('<p>Received 23 Jan 2013 Accepted 13 Mar 2013 Published online: 24 Apr 2013</p>')?.date).toBe(
      '2013-04-24',
    );
  });

  it('passes over dates that are not the publication', () => {
    expect(
      shown('<div>Accepted author version posted online: 15 Apr 2013</div><div>Published online: 24 Apr 2013</div>')
        ?.date,
    ).toBe('2013-04-24');
    expect(shown('<p>Current Version Published: 2002-08-06</p>')).toBeUndefined();
    expect(shown('<p>Published in issue 9 November 2011</p>')).toBeUndefined();
    expect(shown('<p>[published online ahead of print September 2, 2015]</p>')).toBeUndefined();
    expect(shown('<p>Published by Oxford University Press, 2015</p>')).toBeUndefined();
    expect(shown('<div class="hidden"><p>Published: 3 May 2016</p></div>')).toBeUndefined();
  });

  it('passes over a labelled date of a year the paper was not published in', () => {
    const doc = page('<p>Cited: [published online July 7, 2015]</p><p>Published May 23, 2016</p>');
    expect(readShownDate(shortElements(doc.body), (year) => year === 2016)?.date).toBe('2016-05-23');
  });
});

describe('the date the reader sees, in the generic readers', () => {
  it('wins over the issue date in the tags, and is anchored where it is printed', () => {
    const paper = extractEmbedded(article('<p class="dates">First published online: January 19, 2015</p>'), URL_);
    expect(paper?.metadata.date).toBe('2015-01-19');
    expect(paper?.metadata.sources.date).toBe('visible');
    expect(paper?.anchors.fields.date?.textContent).toBe('First published online: January 19, 2015');
  });

  it('leaves the tags date alone when the page labels none, or only another year (a related article)', () => {
    const paper = extractEmbedded(article('<p>Volume 7, 2015</p>'), URL_);
    expect(paper?.metadata.date).toBe('2015-01-01');
    expect(paper?.anchors.fields.date).toBeUndefined();
  });

  it('anchors the tags date where the page prints it, also outside the header box (a sidebar widget)', () => {
    const doc = article('', '2013/04/24');
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div class="widget"><div>Received 23 Jan 2013</div><div>Published online: 24 Apr 2013</div></div>',
    );
    const paper = extractEmbedded(doc, URL_);
    expect(paper?.metadata.date).toBe('2013-04-24');
    expect(paper?.anchors.fields.date?.textContent).toBe('Published online: 24 Apr 2013');
  });
});
