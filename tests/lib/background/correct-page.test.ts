import { describe, expect, it, vi } from 'vitest';
import { type CorrectPageDeps, correctPage } from '@/lib/background/correct-page';
import { UserFacingError } from '@/lib/background/router';
import { CorrectPageCommandSchema } from '@/lib/schema/messages';

const PAGE = 'https://blog.example.net/2026/notes';
const FORM = { contextId: '0b5a3c1e-8d4f-4e2a-9c7b-1f2e3d4c5b6a', claim: '6c1f0e4a-8a61-4d7b-9a53-2f7c3b9e1d20' };

function deps(overrides: Partial<CorrectPageDeps> = {}) {
  const sent: unknown[] = [];
  const saved: Parameters<CorrectPageDeps['saveContext']>[0][] = [];
  const opened: (typeof FORM)[] = [];
  const all: CorrectPageDeps = {
    detection: async () => undefined,
    sendToTab: async (_tab, command) => {
      sent.push(command);
      return true;
    },
    tabUrl: async () => undefined,
    saveContext: async (context) => {
      saved.push(context);
      return FORM;
    },
    openFormTab: async (form) => {
      opened.push(form);
    },
    t: (key) => key,
    now: () => 1,
    ...overrides,
  };
  return { all, sent, saved, opened };
}

describe('Correct this page, in the worker', () => {
  it('asks the page to open its panel for the detected paper picked', async () => {
    const { all, sent, saved } = deps({
      detection: async () => ({ url: PAGE, papers: [{ name: 'A' }, { name: 'B' }] }),
    });
    await expect(correctPage(4, { paperIndex: 1 }, all)).resolves.toEqual({ openedIn: 'panel' });
    expect(sent).toEqual([{ type: 'page/correct', request: { paperIndex: 1 } }]);
    expect(CorrectPageCommandSchema.safeParse(sent[0]).success).toBe(true);
    expect(saved).toEqual([]);
  });

  it('has the page open a paper entered by hand, as a pencil does (form/open)', async () => {
    const { all, sent, saved } = deps({ detection: async () => ({ url: PAGE, papers: [] }) });
    await correctPage(4, { manual: { doi: 'https://doi.org/10.5555/ABC.1', title: 'A paper' } }, all);
    expect(saved).toEqual([]);
    expect(CorrectPageCommandSchema.safeParse(sent[0]).success).toBe(true);
    const { paper } = CorrectPageCommandSchema.parse(sent[0]);
    expect(paper).toMatchObject({ site: 'manual', url: PAGE, doi: '10.5555/abc.1', title: 'A paper' });
    expect(paper?.sources).toEqual({ doi: 'manual', title: 'manual' });
  });

  it('says "pick the entry" when the page could not tell which one', async () => {
    const { all } = deps({
      detection: async () => ({ url: PAGE, papers: [{ name: 'A' }, { name: 'B' }] }),
      sendToTab: async () => false,
    });
    await expect(correctPage(4, {}, all)).rejects.toThrow(new UserFacingError('reachPickEntryFirst'));
  });

  it('opens a tab of its own where no content script answers, for the paper by hand', async () => {
    const { all, opened, saved } = deps({
      tabUrl: async () => 'https://example.org/paper.pdf',
      sendToTab: vi.fn(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
    });
    await expect(correctPage(9, { manual: { arxivId: '2101.01234' } }, all)).resolves.toEqual({ openedIn: 'tab' });
    expect(opened).toEqual([FORM]);
    expect(saved[0]?.paper).toMatchObject({
      site: 'manual',
      url: 'https://example.org/paper.pdf',
      arxivId: '2101.01234',
    });
  });

  it('names the paper’s own address when the browser did not tell the page’s (no click granted it)', async () => {
    const { all, saved } = deps({ tabUrl: async () => undefined });
    await correctPage(9, { manual: { doi: '10.5555/ABC.1' } }, all);
    await correctPage(9, { manual: { arxivId: 'arXiv:2101.01234' } }, all);
    expect(saved.map(({ paper }) => paper.url)).toEqual([
      'https://doi.org/10.5555/abc.1',
      'https://arxiv.org/abs/2101.01234',
    ]);
  });

  it('falls back to a tab of its own when the page that reported has gone', async () => {
    const { all, opened } = deps({
      detection: async () => ({ url: PAGE, papers: [{ name: 'A' }] }),
      sendToTab: async () => {
        throw new Error('gone');
      },
    });
    await expect(correctPage(4, {}, all)).resolves.toEqual({ openedIn: 'tab' });
    expect(opened).toHaveLength(1);
  });
});
