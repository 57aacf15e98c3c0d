import { describe, expect, it, vi } from 'vitest';
import { placeControls } from '@/components/inline/place-controls';
import type { DetectedPaper } from '@/lib/extract/types';
import { controlTargets } from '@/lib/page/control-targets';
import type { PaperMetadata } from '@/lib/schema/paper';

function metadata(overrides: Partial<PaperMetadata> = {}): PaperMetadata {
  return {
    title: 'A title',
    authors: [
      { name: 'Ada Lovelace', affiliations: [] },
      { name: 'Alan Turing', affiliations: [] },
    ],
    abstract: null,
    date: '2020-01-02',
    year: 2020,
    doi: '10.1/x',
    arxivId: null,
    pmid: null,
    venue: null,
    volume: null,
    issue: null,
    pages: null,
    publisher: null,
    language: null,
    pdfUrl: null,
    url: 'https://example.org/paper',
    site: 'generic',
    sources: {},
    shown: [],
    conflicts: [],
    ...overrides,
  };
}

function pagePaper(): DetectedPaper {
  document.body.innerHTML =
    '<h1 id="title">A title</h1><p><span id="a0">Ada Lovelace</span>, <a id="a1" href="/turing">Alan Turing</a></p><time id="date">2020-01-02</time>';
  const byId = (id: string) => document.getElementById(id)!;
  return {
    metadata: metadata(),
    anchors: {
      fields: { title: byId('title'), date: byId('date'), year: byId('date') },
      authors: [byId('a0'), byId('a1')],
    },
  };
}

describe('inline controls', () => {
  it('one control per shown field and per shown author; one for an element showing two fields', () => {
    const targets = controlTargets([pagePaper()]);
    expect(targets.map((target) => target.field)).toEqual(['title', 'date', 'author', 'author']);
    expect(targets.filter((target) => target.field === 'author').map((target) => target.authorIndex)).toEqual([0, 1]);
  });

  it('places labelled buttons without changing the text of the page', async () => {
    const paper = pagePaper();
    const before = document.body.textContent;
    const hosts = await placeControls(controlTargets([paper]), vi.fn(), new AbortController().signal);
    expect(hosts).toHaveLength(4);
    expect(document.body.textContent).toBe(before);
    const title = document.querySelector('erratum-control[data-erratum-field="title"]');
    const button = title?.shadowRoot?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Suggest a correction to the title');
    expect(button?.getAttribute('data-erratum-field')).toBe('title');
    // The author inside a link gets its control after the link, not inside it.
    expect(document.getElementById('a1')?.nextElementSibling?.tagName.toLowerCase()).toBe('erratum-control');
  });

  it("keeps an author's name from the page as text in the control's label, never as markup", async () => {
    const paper = pagePaper();
    const hostile = '<img src=x onerror="alert(1)"><b>Ada</b>';
    paper.metadata.authors[0] = { name: hostile, affiliations: [] };
    await placeControls(controlTargets([paper]), vi.fn(), new AbortController().signal);
    const control = document.querySelector('erratum-control[data-erratum-author="0"]');
    const button = control?.shadowRoot?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe(`Suggest a correction to author ${hostile}`);
    expect(control?.shadowRoot?.querySelectorAll('img, b')).toHaveLength(0);
    expect(button?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('ignores synthetic clicks a page dispatches on the control', async () => {
    const onOpen = vi.fn();
    await placeControls(controlTargets([pagePaper()]), onOpen, new AbortController().signal);
    const button = document.querySelector('erratum-control')?.shadowRoot?.querySelector('button');
    button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('removes every control when its run is aborted', async () => {
    const controller = new AbortController();
    await placeControls(controlTargets([pagePaper()]), vi.fn(), controller.signal);
    controller.abort();
    expect(document.querySelectorAll('erratum-control')).toHaveLength(0);
  });
});
