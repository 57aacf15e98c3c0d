import { describe, expect, it } from 'vitest';
import { fieldSuggestion } from '../../../lib/form/field-suggestion';
import { type FormAction, formReducer } from '../../../lib/form/reducer';
import { type FormState, initialFormState } from '../../../lib/form/state';
import { emailProblem, formProblems, orcidProblem, urlProblem } from '../../../lib/form/validation';
import { detectedPaper } from './paper-fixture';

const paper = detectedPaper();

function ready(...actions: FormAction[]): FormState {
  const start = { ...initialFormState(paper, { name: 'Ada', email: 'ada@example.org' }), declaration: true };
  return actions.reduce(formReducer, start);
}

const keys = (state: FormState) => formProblems(state, paper).map((p) => p.message.key);

describe('field suggestions', () => {
  it.each([
    ['year', '1937', { kind: 'change', from: 1936, to: 1937 }],
    ['year', '1936', { kind: 'same' }],
    ['year', '37', { kind: 'invalid', messageKey: 'formErrorYear' }],
    ['year', '1937.5', { kind: 'invalid', messageKey: 'formErrorYear' }],
    ['year', '0999', { kind: 'invalid', messageKey: 'formErrorYear' }],
    ['date', '1937-02-28', { kind: 'change', from: '1936-11-12', to: '1937-02-28' }],
    ['date', '1937-02', { kind: 'change', from: '1936-11-12', to: '1937-02' }],
    ['date', '1937-02-30', { kind: 'invalid', messageKey: 'formErrorDate' }],
    ['date', '12/11/1936', { kind: 'invalid', messageKey: 'formErrorDate' }],
    ['doi', 'doi: 10.1112/PLMS/S2-42.1.230', { kind: 'same' }],
    ['doi', '10.1112/plms/s2-43.6.544', { kind: 'change', from: paper.doi, to: '10.1112/plms/s2-43.6.544' }],
    ['doi', '1112/plms', { kind: 'invalid', messageKey: 'formErrorDoi' }],
    ['arxivId', 'arXiv:2101.01234v2', { kind: 'change', from: null, to: '2101.01234v2' }],
    ['arxivId', '2101.1', { kind: 'invalid', messageKey: 'formErrorArxivId' }],
    ['pmid', '31452104', { kind: 'change', from: null, to: '31452104' }],
    ['pmid', 'PMC123', { kind: 'invalid', messageKey: 'formErrorPmid' }],
    ['pdfUrl', 'ftp://example.org/a.pdf', { kind: 'invalid', messageKey: 'formErrorUrl' }],
    ['pdfUrl', 'https://example.org/b.pdf', { kind: 'change', from: paper.pdfUrl, to: 'https://example.org/b.pdf' }],
    ['title', '   ', { kind: 'empty' }],
    ['title', ' On Computable Numbers ', { kind: 'same' }],
  ] as const)('%s "%s"', (field, typed, expected) => {
    expect(fieldSuggestion(paper, field, typed)).toEqual(expected);
  });
});

describe('single checks', () => {
  it('tells an ORCID typo (check digit) from a malformed iD', () => {
    expect(orcidProblem('0000-0002-1825-0097')).toBeNull();
    expect(orcidProblem('https://orcid.org/0000-0002-1825-0097')).toBeNull();
    expect(orcidProblem('0000-0002-1825-0098')).toEqual({ key: 'formErrorOrcidChecksum' });
    expect(orcidProblem('0000-0002-1825')).toEqual({ key: 'formErrorOrcidFormat' });
    expect(orcidProblem('')).toBeNull();
  });

  it('checks email and URLs', () => {
    expect(emailProblem('ada@example.org')).toBeNull();
    expect(emailProblem('ada@')).toEqual({ key: 'formErrorEmail' });
    expect(emailProblem(' ')).toEqual({ key: 'formErrorEmailMissing' });
    expect(urlProblem('')).toBeNull();
    expect(urlProblem('example.org')).toEqual({ key: 'formErrorUrl' });
    expect(urlProblem('javascript:alert(1)')).toEqual({ key: 'formErrorUrl' });
  });
});

describe('formProblems', () => {
  it('starts with the refusal when nothing is selected', () => {
    expect(keys(ready())[0]).toBe('formReasonNothingSelected');
  });

  it('says a selection without a real change is not enough', () => {
    expect(keys(ready({ type: 'toggleField', field: 'title' }))).toEqual(['formReasonNoRealChange']);
  });

  it('has no problems for a real change with submitter and declaration', () => {
    expect(
      keys(ready({ type: 'toggleField', field: 'year' }, { type: 'suggest', field: 'year', value: '1937' })),
    ).toEqual([]);
  });

  it('lists invalid entries, then name, email and declaration', () => {
    const state = {
      ...ready(
        { type: 'toggleField', field: 'title' },
        { type: 'suggest', field: 'title', value: 'Computable Numbers' },
        { type: 'toggleField', field: 'doi' },
        { type: 'suggest', field: 'doi', value: 'not a doi' },
        { type: 'set', key: 'evidenceUrl', value: 'example.org' },
      ),
      name: ' ',
      email: 'nobody',
      declaration: false,
    };
    const problems = formProblems(state, paper);
    expect(problems.map((p) => [p.target, p.message.key])).toEqual([
      ['field-doi', 'formErrorDoi'],
      ['evidence-url', 'formErrorUrl'],
      ['submitter-name', 'formErrorNameMissing'],
      ['submitter-email', 'formErrorEmail'],
      ['declaration', 'formErrorDeclaration'],
    ]);
    expect(problems[0]?.subject).toEqual({ key: 'formFieldDoi' });
  });

  it('names the author whose ORCID fails its check digit', () => {
    let state = ready({ type: 'toggleField', field: 'year' }, { type: 'suggest', field: 'year', value: '1937' });
    state = formReducer(state, { type: 'editAuthor', key: 'a1', part: 'orcid', value: '0000-0002-1825-0098' });
    expect(formProblems(state, paper)).toEqual([
      {
        target: 'author-a1-orcid',
        message: { key: 'formErrorOrcidChecksum' },
        subject: { key: 'formAuthorSubject', args: ['Alan Turing'] },
      },
    ]);
  });

  it('ignores an added author row left blank, but not one half filled', () => {
    let state = ready({ type: 'addAuthor' });
    expect(keys(state)).toEqual(['formReasonNoRealChange']);
    state = formReducer(state, { type: 'setAffiliation', key: 'n0', index: 0, value: 'ETH Zürich' });
    expect(keys(state)).toEqual(['formErrorAuthorName', 'formReasonNoRealChange']);
  });
});
