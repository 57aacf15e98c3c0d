import { describe, expect, it } from 'vitest';
import { buildCorrection } from '../../lib/build-correction';
import { type FormAction, formReducer } from '../../lib/form/reducer';
import { type FormState, initialFormState } from '../../lib/form/state';
import { CorrectionSchema } from '../../lib/schema/correction';
import { detectedPaper } from './form/paper-fixture';

const paper = detectedPaper();
const meta = { id: '019aab3c-1d2e-7f00-8a00-000000000001', createdAt: '2026-11-23T12:00:00.000Z', paper };

function stateAfter(...actions: FormAction[]): FormState {
  const start = { ...initialFormState(paper, { name: 'Ada Lovelace', email: 'ada@example.org' }), declaration: true };
  return actions.reduce(formReducer, start);
}

function keyOf(state: FormState, name: string): string {
  return state.authors.find((a) => a.name === name)!.key;
}

describe('buildCorrection', () => {
  it('makes a correction the schema accepts, with parsed values and the paper as detected', () => {
    const state = stateAfter(
      { type: 'toggleField', field: 'year' },
      { type: 'suggest', field: 'year', value: ' 1937 ' },
      { type: 'toggleField', field: 'doi' },
      { type: 'suggest', field: 'doi', value: 'https://doi.org/10.1112/PLMS/S2-43.6.544' },
      { type: 'set', key: 'comment', value: '  Published in 1937.  ' },
      { type: 'set', key: 'evidenceUrl', value: 'https://example.org/erratum' },
    );
    const correction = buildCorrection(state, meta);
    expect(CorrectionSchema.safeParse(correction).success).toBe(true);
    expect(correction.changes).toEqual([
      { field: 'year', from: 1936, to: 1937 },
      { field: 'doi', from: '10.1112/plms/s2-42.1.230', to: '10.1112/plms/s2-43.6.544' },
    ]);
    expect(correction.detected).toBe(paper);
    expect(correction.paper).toEqual({ title: paper.title, doi: paper.doi, arxivId: null, pmid: null, url: paper.url });
    expect(correction.comment).toBe('Published in 1937.');
    expect(correction.evidenceUrl).toBe('https://example.org/erratum');
    expect(correction.submitter).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(correction.authorChanges).toEqual([]);
    expect(correction.proposedAuthors).toBeUndefined();
  });

  it('leaves out selected fields that are empty or unchanged', () => {
    const state = stateAfter(
      { type: 'toggleField', field: 'title' },
      { type: 'suggest', field: 'title', value: '  On Computable Numbers ' },
      { type: 'toggleField', field: 'venue' },
      { type: 'toggleField', field: 'abstract' },
      { type: 'suggest', field: 'abstract', value: 'A new abstract.' },
    );
    expect(buildCorrection(state, meta).changes).toEqual([
      { field: 'abstract', from: paper.abstract, to: 'A new abstract.' },
    ]);
  });

  it('turns an edited affiliation into an edit with the whole proposed list', () => {
    let state = stateAfter();
    const turing = keyOf(state, 'Alan Turing');
    state = formReducer(state, { type: 'setAffiliation', key: turing, index: 0, value: 'Princeton University' });
    state = formReducer(state, { type: 'addAffiliation', key: turing });
    state = formReducer(state, { type: 'setAffiliation', key: turing, index: 1, value: ' King’s College ' });
    const correction = buildCorrection(state, meta);
    expect(CorrectionSchema.safeParse(correction).success).toBe(true);
    expect(correction.authorChanges).toEqual([
      {
        kind: 'edit',
        index: 1,
        from: paper.authors[1],
        to: {
          name: 'Alan Turing',
          given: 'Alan',
          family: 'Turing',
          affiliations: ['Princeton University', 'King’s College'],
        },
      },
    ]);
    expect(correction.proposedAuthors?.map((a) => a.name)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  });

  it('describes a removal, an addition and a new order', () => {
    let state = stateAfter({ type: 'addAuthor' });
    const added = state.authors[3]!.key;
    state = formReducer(state, { type: 'editAuthor', key: added, part: 'name', value: 'Kurt Gödel' });
    state = formReducer(state, {
      type: 'editAuthor',
      key: added,
      part: 'orcid',
      value: 'https://orcid.org/0000-0002-1825-0097',
    });
    state = formReducer(state, { type: 'removeAuthor', key: keyOf(state, 'Ada Lovelace') });
    state = formReducer(state, { type: 'moveAuthor', key: keyOf(state, 'Grace Hopper'), to: 0 });
    const correction = buildCorrection(state, meta);
    expect(CorrectionSchema.safeParse(correction).success).toBe(true);
    expect(correction.authorChanges).toEqual([
      { kind: 'remove', index: 0, author: paper.authors[0] },
      { kind: 'add', position: 2, author: { name: 'Kurt Gödel', affiliations: [], orcid: '0000-0002-1825-0097' } },
      {
        kind: 'reorder',
        from: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
        to: ['Grace Hopper', 'Alan Turing', 'Kurt Gödel'],
      },
    ]);
    expect(correction.proposedAuthors?.map((a) => a.name)).toEqual(['Grace Hopper', 'Alan Turing', 'Kurt Gödel']);
  });

  it('does not call a removal a reorder, nor an undone removal a change', () => {
    let state = stateAfter();
    const ada = keyOf(state, 'Ada Lovelace');
    state = formReducer(state, { type: 'removeAuthor', key: ada });
    expect(buildCorrection(state, meta).authorChanges.map((c) => c.kind)).toEqual(['remove']);
    state = formReducer(state, { type: 'undoRemoveAuthor', key: ada });
    expect(buildCorrection(state, meta).authorChanges).toEqual([]);
  });

  it('is refused by the schema without the declaration', () => {
    const state = {
      ...stateAfter({ type: 'toggleField', field: 'year' }, { type: 'suggest', field: 'year', value: '1937' }),
      declaration: false,
    };
    expect(CorrectionSchema.safeParse(buildCorrection(state, meta)).success).toBe(false);
  });
});
