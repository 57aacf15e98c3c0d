import { describe, expect, it } from 'vitest';
import { buildCorrection } from '../../../lib/build-correction';
import { formStateFromCorrection } from '../../../lib/form/from-correction';
import { formReducer } from '../../../lib/form/reducer';
import { initialFormState } from '../../../lib/form/state';
import { detectedPaper } from './paper-fixture';

const paper = detectedPaper();
const meta = { id: '019aab3c-1d2e-7f00-8a00-000000000001', createdAt: '2026-11-23T12:00:00.000Z', paper };

describe('formStateFromCorrection (editing a queued correction)', () => {
  it('gives back a state that builds the same correction', () => {
    let state = { ...initialFormState(paper, { name: 'Ada', email: 'ada@example.org' }), declaration: true };
    state = formReducer(state, { type: 'toggleField', field: 'venue' });
    state = formReducer(state, { type: 'suggest', field: 'venue', value: 'Proc. LMS' });
    state = formReducer(state, { type: 'editAuthor', key: 'a1', part: 'orcid', value: '0000-0002-1825-0097' });
    state = formReducer(state, { type: 'removeAuthor', key: 'a0' });
    state = formReducer(state, { type: 'addAuthor' });
    state = formReducer(state, { type: 'editAuthor', key: 'n0', part: 'name', value: 'Kurt Gödel' });
    state = formReducer(state, { type: 'moveAuthor', key: 'a2', to: 0 });
    state = formReducer(state, { type: 'set', key: 'comment', value: 'See the journal.' });
    const correction = buildCorrection(state, meta);

    const again = formStateFromCorrection(correction);
    expect(buildCorrection(again, meta)).toEqual(correction);
    expect(again.authors.find((a) => a.origin === 0)?.removed).toBe(true);
    expect(again.suggestions.venue).toBe('Proc. LMS');
    expect(again.comment).toBe('See the journal.');
  });
});
