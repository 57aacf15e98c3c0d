import { describe, expect, it } from 'vitest';
import { openPrivateDb } from '../../lib/background/private-db';
import { clearDraft, type FormDraft, loadDraft, paperKey, saveDraft } from '../../lib/drafts';
import { initialFormState } from '../../lib/form/state';
import { detectedPaper } from './form/paper-fixture';

function draft(): FormDraft {
  const state = initialFormState(detectedPaper(), { name: 'Ada', email: 'ada@example.org' });
  return {
    version: 1,
    savedAt: 1,
    hadPdf: true,
    state: { ...state, selected: ['title'], suggestions: { title: 'On Computable Numbers, with an Application' } },
  };
}

describe('paperKey', () => {
  it('names a paper by DOI first, lower-cased', () => {
    expect(paperKey(detectedPaper({ doi: '10.1000/ABC', arxivId: '2101.01234' }))).toBe('doi:10.1000/abc');
  });

  it('falls back to the arXiv id without its version, then the PubMed id', () => {
    expect(paperKey(detectedPaper({ doi: null, arxivId: '2101.01234v3' }))).toBe('arxiv:2101.01234');
    expect(paperKey(detectedPaper({ doi: null, arxivId: null, pmid: '31452104' }))).toBe('pmid:31452104');
  });

  it('otherwise tells papers apart by page and title, ignoring the fragment', () => {
    const bare = { doi: null, arxivId: null, pmid: null };
    const a = paperKey(detectedPaper({ ...bare, url: 'https://x.org/p/1', title: 'A' }));
    expect(a).toMatch(/^page:[0-9a-f]{8}$/);
    expect(paperKey(detectedPaper({ ...bare, url: 'https://x.org/p/1#abstract', title: 'A' }))).toBe(a);
    expect(paperKey(detectedPaper({ ...bare, url: 'https://x.org/p/1', title: 'B' }))).not.toBe(a);
    expect(paperKey(detectedPaper({ ...bare, url: 'https://x.org/p/2', title: 'A' }))).not.toBe(a);
  });
});

describe('drafts in the private database', () => {
  it('come back as saved, per paper, and never appear in storage.local', async () => {
    const saved = draft();
    await saveDraft('doi:10.1000/abc', saved);
    expect(await loadDraft('doi:10.1000/abc')).toEqual(saved);
    expect(await loadDraft('doi:10.1000/other')).toBeNull();
    const { browser } = await import('wxt/browser');
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('are gone once cleared', async () => {
    await saveDraft('k', draft());
    await clearDraft('k');
    expect(await loadDraft('k')).toBeNull();
  });

  it('that no longer fit the form are ignored rather than half-restored', async () => {
    const db = await openPrivateDb();
    await db.put('drafts', { version: 1, savedAt: 1, hadPdf: false, state: { selected: 'title' } } as never, 'k');
    expect(await loadDraft('k')).toBeNull();
  });
});
