import { describe, expect, it } from 'vitest';
import type { DetectedPaper } from '@/lib/extract/types';
import { choosePaper } from '@/lib/page/choose-paper';
import { detectedPaper } from '../form/paper-fixture';

function listPage(): { papers: DetectedPaper[]; entries: HTMLElement[]; outside: HTMLElement } {
  document.body.innerHTML = `<h1>Proceedings</h1><ul><li><cite>First paper</cite></li><li><cite>Second paper</cite></li></ul>`;
  const entries = Array.from(document.querySelectorAll('li'));
  const papers = entries.map((entry, index) => ({
    metadata: detectedPaper({ title: `Paper ${index + 1}` }),
    anchors: { fields: {}, authors: [] },
    entry,
  }));
  return { papers, entries, outside: document.querySelector('h1') as HTMLElement };
}

describe('which paper "Correct this page" is about', () => {
  it('is the one picked in the popup', () => {
    const { papers } = listPage();
    expect(choosePaper(papers, { paperIndex: 1 })?.metadata.title).toBe('Paper 2');
    expect(choosePaper(papers, { paperIndex: 9 })).toBeUndefined();
  });

  it('on a list page, is the entry right-clicked inside', () => {
    const { papers, entries } = listPage();
    const cite = entries[1]?.querySelector('cite')?.firstChild ?? null;
    expect(choosePaper(papers, {}, cite)?.metadata.title).toBe('Paper 2');
  });

  it('on a list page, is nobody’s guess when the click was outside every entry', () => {
    const { papers, outside } = listPage();
    expect(choosePaper(papers, {}, outside)).toBeUndefined();
    expect(choosePaper(papers, {})).toBeUndefined();
  });

  it('is the only paper of a paper page, wherever the click was', () => {
    const { papers, outside } = listPage();
    expect(choosePaper(papers.slice(0, 1), {}, outside)?.metadata.title).toBe('Paper 1');
  });
});
