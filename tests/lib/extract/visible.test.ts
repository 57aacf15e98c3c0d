import { describe, expect, it } from 'vitest';
import { isShown } from '../../../lib/extract/visibility';
import { readVisible, readVisibleAbstract, readVisibleTitle } from '../../../lib/extract/visible';
import { page } from './page';

describe('readVisibleTitle', () => {
  it('prefers an element marked up as the title over the first h1', () => {
    const doc = page('<h1>Site name</h1><main><h1 class="citation__title">The paper</h1></main>');
    expect(readVisibleTitle(doc)?.textContent).toBe('The paper');
  });

  it('drops the "Title:" label arXiv prints inside the heading', () => {
    const doc = page('<h1 class="title mathjax"><span class="descriptor">Title:</span>Attention Is All You Need</h1>');
    expect(readVisible(doc).candidate.fields.title).toBe('Attention Is All You Need');
  });

  it('ignores hidden headings and challenge or error headings', () => {
    expect(readVisibleTitle(page('<div class="hidden"><h1>A hidden heading</h1></div>'))).toBeUndefined();
    expect(readVisibleTitle(page('<h1>Just a moment...</h1>'))).toBeUndefined();
    expect(readVisibleTitle(page('<h1>OOPS</h1>'))).toBeUndefined();
  });
});

describe('readVisibleAbstract', () => {
  const text =
    'Mutualisms can play important roles in influencing species coexistence and determining community structure.';

  it('reads a structured abstract under its heading as one box, without the heading', () => {
    const doc = page(
      `<div id="box"><a name="abstract"></a><h3>Abstract (provisional)</h3><h4>Background</h4><p>${text}</p><h4>Results</h4><p>More.</p></div>`,
    );
    const el = readVisibleAbstract(doc);
    expect(el?.id).toBe('box');
    // Section labels stay labels, one section per line, never glued into the sentence.
    expect(readVisible(doc).candidate.fields.abstract).toBe(`Background: ${text}\nResults: More.`);
  });

  it('keeps bold inline section labels as "Label: text", in English and Japanese', () => {
    const en = page(
      `<section class="abstract"><h2>Abstract</h2><p><b>Objectives</b> To compare two ${text}</p><p><b>Methods</b> We did it.</p><p><b>Conclusions.</b> It worked.</p></section>`,
    );
    expect(readVisible(en).candidate.fields.abstract).toBe(
      `Objectives: To compare two ${text}\nMethods: We did it.\nConclusions: It worked.`,
    );
    const ja = page(
      '<div id="abstract"><p><strong>目的：</strong>共生が種の共存に果たす役割を明らかにする。この研究では野外で長期の観察を行った。</p><p><strong>方法：</strong>野外調査。</p><p><strong>結果：</strong>役割は大きい。</p></div>',
    );
    expect(readVisible(ja).candidate.fields.abstract).toBe(
      '目的: 共生が種の共存に果たす役割を明らかにする。この研究では野外で長期の観察を行った。\n方法: 野外調査。\n結果: 役割は大きい。',
    );
  });

  it('reads one labelled paragraph as plain text (a label alone is no structure)', () => {
    const doc = page(`<div class="abstract"><p><b>Background</b> ${text}</p><p>More of it.</p></div>`);
    expect(readVisible(doc).candidate.fields.abstract).toBe(`Background ${text} More of it.`);
  });

  it('passes over highlights and a header box classed "abstract"', () => {
    const doc = page(
      `<div class="abstract"><h1>Title</h1><p>${text} and the rest of a header.</p></div><div class="abstract"><h2>Highlights</h2><ul><li>${text}</li></ul></div><div class="abstract"><p>${text}</p></div>`,
    );
    expect(readVisible(doc).candidate.fields.abstract).toBe(text);
  });

  it('drops the HighWire "Next Section" link before the heading', () => {
    const doc = page(`<div class="abstract"><a>Next Section</a> <h2>Abstract</h2><p>${text}</p></div>`);
    expect(readVisible(doc).candidate.fields.abstract).toBe(text);
  });
});

describe('readVisible', () => {
  it('reads microdata authors and a PDF link, keeping the elements', () => {
    const doc = page(
      '<div itemprop="author"><span itemprop="name">Ada Lovelace</span></div><div itemprop="author"><span itemprop="name">Charles Babbage</span></div><a href="/a.pdf">Download PDF</a>',
      'https://example.org/paper/1',
    );
    const reading = readVisible(doc);
    expect(reading.candidate.fields.authors?.map((a) => a.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(reading.authorElements.map((el) => el.textContent)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(reading.candidate.fields.pdfUrl).toBe('https://example.org/a.pdf');
  });
});

describe('isShown', () => {
  it('is false in <head>, under hidden ancestors, and for <body> itself', () => {
    const doc = page(
      '<p id="a">shown</p><div style="display: none"><p id="b">x</p></div><div aria-hidden="true"><p id="c">x</p></div><div hidden><p id="d">x</p></div>',
    );
    expect(isShown(doc.getElementById('a')!)).toBe(true);
    for (const id of ['b', 'c', 'd']) expect(isShown(doc.getElementById(id)!), id).toBe(false);
    expect(isShown(doc.body)).toBe(false);
    expect(isShown(doc.querySelector('base')!)).toBe(false);
  });
});
