import { describe, expect, it } from 'vitest';
import { controlTargets } from '../../../lib/page/control-targets';
import { ieee, readDocumentMetadata } from '../../../lib/sites/ieee';
import { loadSiteFixture } from './fixture-page';

function docWithScript(script: string): Document {
  return new DOMParser().parseFromString(
    `<html><head><script>${script}</script></head><body></body></html>`,
    'text/html',
  );
}

describe('ieee', () => {
  it('matches IEEE Xplore only', () => {
    expect(ieee.matches(new URL('https://ieeexplore.ieee.org/document/7780459'))).toBe(true);
    expect(ieee.matches(new URL('https://ieeexplore.ieee.org/abstract/document/7780459/'))).toBe(true);
    expect(ieee.matches(new URL('http://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=793383'))).toBe(true);
    expect(ieee.matches(new URL('https://www.ieee.org/publications/index.html'))).toBe(false);
    expect(ieee.matches(new URL('https://dl.acm.org/doi/10.1145/2939672.2939785'))).toBe(false);
    expect(ieee.matches(new URL('https://www.computer.org/csdl/journal/tp/2016/01/07112511/13rRUxAASTX'))).toBe(false);
  });

  it('reads the rendered document page from its inline metadata, anchored on the visible page', () => {
    const { doc, url } = loadSiteFixture('ieee', 'document');
    expect(ieee.detect(doc, url)).toBe('paper');
    const [paper] = ieee.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Deep Residual Learning for Image Recognition');
    expect(m?.authors.map((a) => a.name)).toEqual(['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun']);
    expect(m?.authors[0]?.affiliations).toEqual(['Microsoft Research, Redmond, WA']);
    expect(m?.authors[3]?.orcid).toBe('0000-0002-6178-4166');
    expect(m?.abstract).toMatch(/^Deeper neural networks are more difficult to train\./);
    expect(m?.date).toBe('2016-06');
    expect(m?.year).toBe(2016);
    expect(m?.doi).toBe('10.1109/cvpr.2016.90');
    expect(m?.venue).toBe('2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)');
    expect(m?.pdfUrl).toBe('https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=7780459');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('Deep Residual Learning for Image Recognition');
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual([
      'Kaiming He',
      'Xiangyu Zhang',
      'Shaoqing Ren',
      'Jian Sun',
    ]);
    expect(anchors?.fields.abstract?.textContent).toMatch(/^Deeper neural networks/);
    expect(anchors?.fields.doi?.textContent).toBe('10.1109/CVPR.2016.90');
    expect(anchors?.fields.date?.textContent).toContain('27-30 June 2016');
    expect(anchors?.fields.pdfUrl?.textContent).toBe('PDF');
  });

  it('reads the metadata before the app has rendered, with nothing to anchor to yet', () => {
    const { doc, url } = loadSiteFixture('ieee', 'document-unrendered');
    expect(ieee.detect(doc, url)).toBe('paper');
    const [paper] = ieee.read(doc, url);
    expect(paper?.metadata.title).toBe('Deep Residual Learning for Image Recognition');
    expect(paper?.metadata.authors).toHaveLength(4);
    expect(paper?.metadata.doi).toBe('10.1109/cvpr.2016.90');
    expect(paper?.anchors.fields.title).toBeUndefined();
    expect(ieee.readySelector).toBe('h1.document-title');
  });

  it('reads a page saved from the 2015 full-text view, with no tags or JSON', () => {
    const { doc, url } = loadSiteFixture('ieee', 'fulltext-2015');
    expect(ieee.detect(doc, url)).toBe('paper');
    const [paper] = ieee.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('High-availability free space optical and RF hybrid wireless networks');
    expect(m?.authors.map((a) => a.name)).toEqual([
      'H. Izadpanah',
      'T. ElBatt',
      'V. Kukshya',
      'F. Dolezal',
      'B.K. Ryu',
    ]);
    expect(m?.abstract).toMatch(/^We introduce hybrid free-space optical/);
    expect(m?.year).toBe(2003);
    expect(m?.doi).toBe('10.1109/mwc.2003.1196402');
    expect(m?.venue).toBe('IEEE Wireless Communications');
    // This page's own PDF, not a reference's.
    expect(m?.pdfUrl).toBe('http://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=1196402');
    expect(paper?.anchors.fields.doi?.textContent).toBe('10.1109/MWC.2003.1196402');
    expect(paper?.anchors.fields.title?.tagName).toBe('H1');
  });

  it('reads a page saved from Xplore 2.0 (2009), with its "Family, Initials" author links', () => {
    const { doc, url } = loadSiteFixture('ieee', 'abstract-2009');
    expect(ieee.detect(doc, url)).toBe('paper');
    const [paper] = ieee.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe(
      'Collection efficiency of ultrafine particles by an electrostaticprecipitator under DC and pulse operating modes',
    );
    expect(m?.authors.map((a) => a.name)).toEqual(['A. Zukeran', 'P.C. Looy', 'Jen-Shih Chang']);
    expect(m?.abstract).toMatch(
      /^High particle collection efficiency in terms of particle weight\/volume mg\/m3 is achieved/,
    );
    expect(m?.year).toBe(1999);
    expect(m?.doi).toBe('10.1109/28.793383');
    expect(m?.venue).toBe('IEEE Transactions on Industry Applications');
    expect(m?.pdfUrl).toBe('http://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=793383&isnumber=17214');
    expect(paper?.anchors.authors.map((el) => el?.textContent?.trim())).toEqual([
      'Zukeran, A.',
      'Looy, P.C.',
      'Jen-Shih Chang',
    ]);
    // The details paragraph writes the year and the DOI: each control stands right after its
    // value (the DOI ends the paragraph, so its control goes at the end).
    const targets = controlTargets(paper ? [paper] : []);
    const doi = targets.find((target) => target.field === 'doi');
    expect(doi?.textEnd).toBeUndefined();
    expect(doi?.anchor.textContent?.trim()).toMatch(/Digital Object Identifier: 10\.1109\/28\.793383$/);
    const year = targets.find((target) => target.field === 'year')?.textEnd;
    expect(year?.node.data.slice(0, year.offset).trim()).toBe('Publication Date: Sep/Oct 1999');
  });

  it('gives no paper on a search page', () => {
    const { doc, url } = loadSiteFixture('ieee', 'search');
    expect(ieee.detect(doc, url)).toBeNull();
    expect(ieee.read(doc, url)).toEqual([]);
  });

  it('parses the metadata object without evaluating it, and rejects malformed ones', () => {
    expect(readDocumentMetadata(docWithScript('xplGlobal.document.metadata={"a":"}{","b":{"c":1}};'))).toEqual({
      a: '}{',
      b: { c: 1 },
    });
    expect(readDocumentMetadata(docWithScript('global.document.metadata = {"title":"T\\"}"};'))).toEqual({
      title: 'T"}',
    });
    expect(readDocumentMetadata(docWithScript('xplGlobal.document.metadata={"a":1,};'))).toBeNull();
    expect(readDocumentMetadata(docWithScript('xplGlobal.document.metadata={"a":alert(1)};'))).toBeNull();
    expect(readDocumentMetadata(docWithScript('xplGlobal.document.metadata={"a":[1,2'))).toBeNull();
    // Nesting 50,000 deep is still JSON: it is parsed (natively, no recursion of ours) and only its
    // top-level fields are ever read.
    const deep = readDocumentMetadata(
      docWithScript(
        `xplGlobal.document.metadata={"title":"Deep",${'"a":{'.repeat(50_000)}"b":1${'}'.repeat(50_000)}};`,
      ),
    );
    expect(deep?.title).toBe('Deep');
    // A "};" inside a string is not the object's end.
    expect(readDocumentMetadata(docWithScript('xplGlobal.document.metadata={"t":"a};b","n":2};'))).toEqual({
      t: 'a};b',
      n: 2,
    });
  });

  it('ignores metadata values of the wrong type instead of failing', () => {
    const doc = docWithScript(
      'xplGlobal.document.metadata={"title":["x"],"authors":[null,7,{"name":"Ada Lovelace","affiliation":{"x":1}}],"doi":"nope","publicationYear":"2001"};',
    );
    const [paper] = ieee.read(doc, new URL('https://ieeexplore.ieee.org/document/1'));
    expect(paper?.metadata.title).toBeNull();
    expect(paper?.metadata.authors).toEqual([
      { name: 'Ada Lovelace', given: 'Ada', family: 'Lovelace', affiliations: [] },
    ]);
    expect(paper?.metadata.doi).toBeNull();
    expect(paper?.metadata.year).toBe(2001);
  });
});
