// Where the reader sees each field, on layouts no site adapter knows (issue #13, item 1). Each
// expectation is the element a reader looks at for that field in these small pages.
import { describe, expect, it } from 'vitest';
import { findAnchors, findTitleAnchor } from '../../../lib/extract/anchors';
import { parseAuthorName } from '../../../lib/extract/authors';
import { emptyMetadata } from '../../../lib/extract/metadata';
import type { PaperMetadata } from '../../../lib/schema/paper';
import { page } from './page';

const TITLE = 'Longevity of sharpnose sharks from tag-recapture data';

function paper(fields: Partial<PaperMetadata>): PaperMetadata {
  return { ...emptyMetadata('https://journal.example.org/articles/1', 'generic'), ...fields };
}

const authors = (...names: string[]) => names.map((name) => parseAuthorName(name));

describe('title anchors', () => {
  it('finds the title behind a badge before it and a status note after it, in a box that is no heading', () => {
    const doc =
      page(`<body><div class="article-title-and-info" id="anchor-title"><span class="badge"><i>Revised&nbsp;</i></span>
      Longevity of sharpnose sharks from <i>tag-recapture</i> data<span class="other-info"> [v2; ref status: indexed]</span></div></body>`);
    expect(findTitleAnchor(doc, TITLE)?.id).toBe('anchor-title');
  });

  it('finds a title shown in an element named by its id only', () => {
    const doc = page(`<body><p>Journal of Sharks</p><div id="html-article-title">Longevity of sharpnose sharks from
      <span class="html-italic">tag-recapture</span> data</div></body>`);
    expect(findTitleAnchor(doc, TITLE)?.id).toBe('html-article-title');
  });

  it('never takes a longer text that merely contains the title (a citation line)', () => {
    const doc = page(
      `<body><p class="cite-title">Frazier BS, Driggers WB and Ulrich GF. ${TITLE}. F1000Research 2015, 3:190 (doi: 10.5555/f.2)</p></body>`,
    );
    expect(findTitleAnchor(doc, TITLE)).toBeUndefined();
  });
});

describe('author lines', () => {
  it('anchors authors written as one line with affiliation markers after each name', () => {
    const doc = page(`<body><main><h1>${TITLE}</h1>
      <div class="authors">Bryan S. Frazier<sup>1</sup>, William B. Driggers III<sup>2</sup>, Glenn F. Ulrich<sup>1</sup></div></main></body>`);
    const anchors = findAnchors(
      doc,
      paper({ title: TITLE, authors: authors('Bryan S. Frazier', 'William B. Driggers III', 'Glenn F. Ulrich') }),
    );
    expect(anchors.fields.authors?.className).toBe('authors');
  });

  it('anchors a family-first line ("Izadpanah, H.; ElBatt, T.")', () => {
    const doc = page(
      `<body><main><h1>${TITLE}</h1><p>Written by: <span id="authorData">Izadpanah, H.; ElBatt, T.; Ryu, B.K.</span></p></main></body>`,
    );
    const anchors = findAnchors(
      doc,
      paper({ title: TITLE, authors: authors('H. Izadpanah', 'T. ElBatt', 'B.K. Ryu') }),
    );
    expect(anchors.fields.authors?.id).toBe('authorData');
  });

  it('anchors an author box whose markers make it too busy for a short element', () => {
    const names = [
      'Barbara Laddomada',
      'Laura Del Coco',
      'Miriana Durante',
      'Dominique S. Presicce',
      'Pietro A. Siciliano',
    ];
    const doc = page(
      `<body><main><h1>${TITLE}</h1><div class="html-author-group">${names
        .map((name, i) => `${name} <sup><span data-rid="af${i}">${i + 1}</span></sup>,`)
        .join('\n')}</div></main></body>`,
    );
    const anchors = findAnchors(doc, paper({ title: TITLE, authors: authors(...names) }));
    expect(anchors.fields.authors?.className).toBe('html-author-group');
  });

  it('does not take a line that leaves one of the authors out', () => {
    const doc = page(
      `<body><main><h1>${TITLE}</h1><div class="authors">Bryan S. Frazier<sup>1</sup>, Glenn F. Ulrich<sup>1</sup></div></main></body>`,
    );
    const anchors = findAnchors(
      doc,
      paper({ title: TITLE, authors: authors('Bryan S. Frazier', 'William B. Driggers III', 'Glenn F. Ulrich') }),
    );
    expect(anchors.fields.authors).toBeUndefined();
  });
});

describe('DOI anchors', () => {
  it('passes over a hidden "How to cite" copy for the DOI the reader sees', () => {
    const doc = page(`<body><main><h1>${TITLE}</h1>
      <div class="popup hidden"><span>Frazier BS. ${TITLE}. (doi: <a id="hidden" href="https://doi.org/10.5555/f.4767.2">10.5555/f.4767.2</a>)</span></div>
      <p>F1000Research 2015, 3:190 (doi: <a id="shown" href="https://doi.org/10.5555/f.4767.2">10.5555/f.4767.2</a>)</p></main></body>`);
    expect(findAnchors(doc, paper({ title: TITLE, doi: '10.5555/f.4767.2' })).fields.doi?.id).toBe('shown');
  });
});
