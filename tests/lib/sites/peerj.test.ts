import { describe, expect, it } from 'vitest';
import { peerj } from '../../../lib/sites/peerj';
import { loadSiteFixture } from './fixture-page';

const AUTHORS = ['Michael J. Emslie', 'Alistair J. Cheal', 'M. Aaron MacNeil', 'Ian R. Miller', 'Hugh P.A. Sweatman'];

describe('peerj', () => {
  it('matches PeerJ articles and preprints, not other pages or sites', () => {
    expect(peerj.matches(new URL('https://peerj.com/articles/4886/'))).toBe(true);
    expect(peerj.matches(new URL('https://peerj.com/articles/4886'))).toBe(true);
    expect(peerj.matches(new URL('https://peerj.com/articles/cs-1023/'))).toBe(true);
    expect(peerj.matches(new URL('https://peerj.com/preprints/3210/'))).toBe(true);
    expect(peerj.matches(new URL('https://peerj.com/search/?q=reef'))).toBe(false);
    expect(peerj.matches(new URL('https://peerj.com/articles/4886.pdf'))).toBe(false);
    expect(peerj.matches(new URL('https://elifesciences.org/articles/44753'))).toBe(false);
  });

  it('reads the article with its authors only (no editor, no zero-width space)', () => {
    const { doc, url } = loadSiteFixture('peerj', 'article');
    expect(peerj.detect(doc, url)).toBe('paper');
    const [paper] = peerj.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Reef fish communities are spooked by scuba surveys and may take hours to recover');
    expect(m?.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(m?.authors[2]?.affiliations).toHaveLength(2);
    expect(m?.abstract).toMatch(/^Ecological monitoring programs.*by divers\.$/);
    expect(m?.date).toBe('2018-05-24');
    expect(m?.doi).toBe('10.7717/peerj.4886');
    expect(m?.venue).toBe('PeerJ');
    expect(m?.pdfUrl).toBe('https://peerj.com/articles/4886.pdf');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.tagName).toBe('H1');
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual(AUTHORS);
    expect(anchors?.fields.date?.textContent).toBe('2018-05-24');
    expect(anchors?.fields.doi?.textContent).toBe('10.7717/peerj.4886');
    expect(anchors?.fields.abstract?.textContent).toMatch(/^Ecological monitoring/);
    expect(anchors?.fields.pdfUrl?.textContent).toBe('Download PDF');
  });
});

describe('peerj, the layout with a download dialog', () => {
  it('anchors the PDF at the "Download" the reader presses when the PDF link is in the closed dialog', () => {
    const { doc, url } = loadSiteFixture('peerj', 'article');
    const link = doc.querySelector('a.article-download-pdf') as Element;
    // The 2024 layout: a "Download" box in the sidebar opens a hidden dialog holding the PDF link.
    link
      .closest('.article-item-rightbar-wrap')
      ?.insertAdjacentHTML(
        'afterbegin',
        '<div class="sidebar-box js-download-modal-trigger">Download</div><div class="modal hide"><a href="https://peerj.com/articles/4886.pdf" class="btn js-download-btn">PDF (1.7MB)</a></div>',
      );
    link.remove();
    const [paper] = peerj.read(doc, url);
    expect(paper?.metadata.pdfUrl).toBe('https://peerj.com/articles/4886.pdf');
    expect(paper?.anchors.fields.pdfUrl?.textContent).toBe('Download');
  });
});
