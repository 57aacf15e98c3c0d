import { describe, expect, it } from 'vitest';
import { huggingface } from '../../../lib/sites/huggingface';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('huggingface', name);

const AUTHORS = ['Timothée Darcet', 'Maxime Oquab', 'Julien Mairal', 'Piotr Bojanowski'];

describe('huggingface adapter', () => {
  it('matches Hugging Face and no other site', () => {
    expect(huggingface.matches(load('papers-2309.16588').url)).toBe(true);
    for (const other of [
      'https://arxiv.org/abs/2309.16588',
      'https://paperswithcode.com/paper/vision-transformers-need-registers',
    ]) {
      expect(huggingface.matches(new URL(other))).toBe(false);
    }
  });

  it('reads a paper page, including authors shown as claim buttons', () => {
    const { doc, url } = load('papers-2309.16588');
    expect(huggingface.detect(doc, url)).toBe('paper');
    const [paper] = huggingface.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Vision Transformers Need Registers');
    expect(m?.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(m?.arxivId).toBe('2309.16588');
    expect(m?.date).toBe('2023-09-28');
    expect(m?.abstract).toMatch(/^Transformers have recently emerged/);
    expect(m?.pdfUrl).toBe('https://arxiv.org/pdf/2309.16588');
    expect(m?.site).toBe('huggingface');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(AUTHORS);
    expect(paper?.anchors.authors[1]?.tagName).toBe('BUTTON');
    expect(paper?.anchors.fields.title?.tagName).toBe('H1');
    expect(paper?.anchors.fields.date?.textContent).toBe('Published on Sep 28, 2023');
  });

  it('takes the year from the page data when the page leaves it out', () => {
    const { doc, url } = load('papers-2309.16588');
    const dateEl = [...doc.querySelectorAll('main div')].find((d) => d.textContent === 'Published on Sep 28, 2023');
    if (dateEl) dateEl.textContent = 'Published on Sep 28';
    const [paper] = huggingface.read(doc, url);
    expect(paper?.metadata.date).toBe('2023-09-28');
  });

  it('finds no paper on models, the daily list or an unrendered page', () => {
    const { doc } = load('papers-2309.16588');
    expect(huggingface.detect(doc, new URL('https://huggingface.co/facebook/dinov2-base'))).toBeNull();
    expect(huggingface.detect(doc, new URL('https://huggingface.co/papers'))).toBeNull();
    const shell = new DOMParser().parseFromString('<html><body><main></main></body></html>', 'text/html');
    expect(huggingface.detect(shell, new URL('https://huggingface.co/papers/2309.16588'))).toBeNull();
  });
});
