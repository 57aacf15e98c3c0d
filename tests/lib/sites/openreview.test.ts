import { describe, expect, it } from 'vitest';
import { openreview } from '../../../lib/sites/openreview';
import { loadSiteFixture } from './fixture-page';

const load = (name: string) => loadSiteFixture('openreview', name);

const AUTHORS = ['Timothée Darcet', 'Maxime Oquab', 'Julien Mairal', 'Piotr Bojanowski'];

describe('openreview adapter', () => {
  it('matches OpenReview and no other site', () => {
    expect(openreview.matches(load('forum-iclr2024').url)).toBe(true);
    expect(openreview.matches(load('group-iclr2024').url)).toBe(true);
    for (const other of [
      'https://arxiv.org/abs/2309.16588',
      'https://proceedings.neurips.cc/paper/2017/hash/x-Abstract.html',
    ]) {
      expect(openreview.matches(new URL(other))).toBe(false);
    }
  });

  it('reads a forum with the published date and venue shown, not the submission date in the tags', () => {
    const { doc, url } = load('forum-iclr2024');
    expect(openreview.detect(doc, url)).toBe('paper');
    expect(doc.querySelector(openreview.readySelector ?? '')).not.toBeNull();
    const [paper] = openreview.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Vision Transformers Need Registers');
    expect(m?.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(m?.date).toBe('2024-01-16');
    expect(m?.year).toBe(2024);
    expect(m?.venue).toBe('ICLR 2024 oral');
    expect(m?.abstract).toMatch(/^Transformers have recently emerged/);
    expect(m?.abstract).toMatch(/internal computations\.$/);
    expect(m?.pdfUrl).toBe('https://openreview.net/pdf?id=2dnO3LLiJ1');
    expect(paper?.anchors.authors.map((a) => a?.textContent)).toEqual(AUTHORS);
    expect(paper?.anchors.fields.date?.textContent).toContain('Published: 16 Jan 2024');
    expect(paper?.anchors.fields.venue?.textContent).toContain('ICLR 2024 oral');
    expect(paper?.anchors.fields.abstract?.textContent).toMatch(/^Transformers have/);
  });

  it('reads a venue page as entries and reports no "Anonymous" author', () => {
    const { doc, url } = load('group-iclr2024');
    expect(openreview.detect(doc, url)).toBe('list');
    const [published, blind] = openreview.read(doc, url);
    expect(published?.metadata).toMatchObject({
      title: 'Vision Transformers Need Registers',
      venue: 'ICLR 2024 oral',
      date: '2024-01-16',
      pdfUrl: 'https://openreview.net/pdf?id=2dnO3LLiJ1',
    });
    expect(published?.metadata.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(published?.metadata.abstract).toMatch(/^Transformers have recently emerged/);
    expect(blind?.metadata.authors).toEqual([]);
    expect(blind?.metadata.date).toBe('2023-09-22');
    expect(blind?.metadata.venue).toBe('ICLR 2024 Conference Submission');
    expect(blind?.entry?.contains(blind.anchors.fields.title ?? null)).toBe(true);
  });

  it('finds no paper on a bot challenge served at the forum address', () => {
    const { doc, url } = load('challenge');
    expect(openreview.detect(doc, url)).toBeNull();
  });
});
