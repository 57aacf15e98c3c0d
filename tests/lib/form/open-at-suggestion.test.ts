import { describe, expect, it } from 'vitest';
import { manualPaper } from '@/lib/background/manual-paper';
import { buildCorrection } from '@/lib/build-correction';
import { initialFormState, openAtSelection } from '@/lib/form/state';
import { CorrectionSchema } from '@/lib/schema/correction';
import { detectedPaper } from './paper-fixture';

const submitter = { name: 'Ada Lovelace', email: 'ada@example.org' };

describe('a form opened with selected text', () => {
  it('selects the field the reader picked, with the selection as its suggestion', () => {
    const state = initialFormState(detectedPaper(), submitter, {
      field: 'title',
      suggestion: 'On Computable Numbers, with an Application',
    });
    expect(state.selected).toEqual(['title']);
    expect(state.suggestions.title).toBe('On Computable Numbers, with an Application');
  });

  it('puts the selection over a restored draft’s older suggestion', () => {
    const draft = {
      ...initialFormState(detectedPaper(), submitter),
      selected: ['doi' as const],
      suggestions: { doi: '10.1/old' },
    };
    const state = openAtSelection(draft, { field: 'doi', suggestion: '10.1112/plms/s2-42.1.544' });
    expect(state.selected).toEqual(['doi']);
    expect(state.suggestions.doi).toBe('10.1112/plms/s2-42.1.544');
  });
});

describe('a correction of a paper entered by hand', () => {
  it('is a valid payload that says so in detected.site and sources', () => {
    const paper = manualPaper('https://blog.example.net/notes', { doi: 'doi:10.5555/XYZ.9' });
    const state = {
      ...initialFormState(paper, submitter, { field: 'title', suggestion: 'The Real Title' }),
      declaration: true,
    };
    const correction = CorrectionSchema.parse(
      buildCorrection(state, {
        id: '01900000-0000-7000-8000-000000000001',
        createdAt: '2026-12-07T08:00:00.000Z',
        paper,
      }),
    );
    expect(correction.detected.site).toBe('manual');
    expect(correction.detected.sources).toEqual({ doi: 'manual' });
    expect(correction.paper.doi).toBe('10.5555/xyz.9');
    expect(correction.changes).toEqual([{ field: 'title', from: null, to: 'The Real Title' }]);
  });
});
