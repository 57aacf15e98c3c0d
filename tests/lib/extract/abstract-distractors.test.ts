// Issue #13, item 3: boxes near the abstract that a reader never takes for it (a cookie banner,
// a table of contents, "Jump to section", highlights, a graphical-abstract caption, related
// articles), on one small page of our own. The expectation is the paragraph under "Abstract".
import { describe, expect, it } from 'vitest';
import { extractEmbedded } from '../../../lib/extract/embedded';
import { fixture } from './page';

const ABSTRACT =
  'Coastal redwoods receive much of their summer water as fog drip. We measured fog drip and tree-ring growth at twelve sites over eleven years and found that growth follows fog frequency more closely than rainfall.';

describe('what is never an abstract', () => {
  it('reads the abstract under its heading, past the banner, contents, highlights, caption and related list', () => {
    const url = 'https://journal.example.org/articles/fog';
    const paper = extractEmbedded(fixture('abstract-distractors.html', url), new URL(url));
    expect(paper?.metadata.abstract).toBe(ABSTRACT);
    expect(paper?.anchors.fields.abstract?.id).toBe('abstract');
  });

  it('leaves the abstract empty rather than take one of them when the page has no abstract', () => {
    const url = 'https://journal.example.org/articles/fog';
    const doc = fixture('abstract-distractors.html', url);
    doc.getElementById('abstract')?.remove();
    const paper = extractEmbedded(doc, new URL(url));
    expect(paper?.metadata.abstract ?? null).toBeNull();
  });
});
