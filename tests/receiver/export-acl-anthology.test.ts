// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Correction } from '../../lib/schema/correction';
import { CorrectionSchema } from '../../lib/schema/correction';
import { aclAnthologyExport } from '../../scripts/receiver/export/acl-anthology';
import { parseHtml } from './inbox-client';
import { sampleCorrection, samplePaper } from './sample-correction';

// The expectation is the ACL Anthology's own rules for the JSON their bot applies, restated
// here from acl-org/acl-anthology bin/correct/bulk_process_metadata.py (commit
// 1b77b09262b5fc2eda16ea12c2d5e4ad8a89d9af): the shape it validates with jsonschema, the two
// checks it makes on the author strings, and that title and abstract parse as XML. Person ids
// are checked against the /people/<id>/ links of a saved Anthology page (tests/fixtures/sites).

const NAME_PART = { type: 'string', pattern: '^\\S+( \\S+)*$' };
const author = (id: string) => ({
  type: 'object',
  required: ['first', 'last', 'id'],
  additionalProperties: false,
  properties: {
    first: { type: 'string', pattern: '^(\\S+( \\S+)*)?$' },
    last: NAME_PART,
    id: { type: 'string', pattern: id },
  },
});
const PERSON_ID = '[a-z0-9]+(-[a-z0-9]+)*(/unverified)?';
const THEIR_RULES = {
  type: 'object',
  required: ['anthology_id'],
  anyOf: [{ required: ['authors', 'authors_old', 'authors_new'] }, { required: ['title'] }, { required: ['abstract'] }],
  additionalProperties: false,
  properties: {
    anthology_id: { type: 'string', pattern: '^([.a-z0-9-]+\\.[0-9]+|[A-Z][0-9][0-9]-[0-9]+)$' },
    title: NAME_PART,
    abstract: { type: 'string' },
    authors: { type: 'array', minItems: 1, items: author(`^(${PERSON_ID}|##ADDED##)$`) },
    deleted_authors: { type: 'array', items: author(`^${PERSON_ID}$`) },
    authors_old: { type: 'string' },
    authors_new: { type: 'string' },
  },
};
const validate = new Ajv({ allErrors: true }).compile(THEIR_RULES);

interface Json {
  anthology_id: string;
  title?: string;
  abstract?: string;
  authors?: { first: string; last: string; id: string }[];
  deleted_authors?: { first: string; last: string; id: string }[];
  authors_old?: string;
  authors_new?: string;
}

/** What their bot checks before applying; returns the problems it would log. */
function botProblems(json: Json): string[] {
  if (!validate(json)) return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const problems: string[] = [];
  if (json.authors) {
    const fromList = json.authors.map((a) => `${a.first}  ${a.last}`).join(' | ');
    if (fromList !== json.authors_new) problems.push('authors and authors_new differ');
    const kept = json.authors.filter((a) => a.id !== '##ADDED##').length;
    if (json.authors_old?.split(' | ').length !== kept + (json.deleted_authors?.length ?? 0))
      problems.push('authors_old does not count the kept and deleted authors');
  }
  for (const key of ['title', 'abstract'] as const) {
    const value = json[key];
    if (value === undefined) continue;
    const doc = new DOMParser().parseFromString(`<dummy>${value}</dummy>`, 'application/xml');
    if (doc.querySelector('parsererror')) problems.push(`${key} is not XML`);
  }
  return problems;
}

/** The text an XML fragment stands for, as an XML parser reads it. */
const xmlTextOf = (fragment: string) =>
  new DOMParser().parseFromString(`<dummy>${fragment}</dummy>`, 'application/xml').documentElement.textContent;

const { DOMParser } = parseHtml('').defaultView as unknown as { DOMParser: typeof globalThis.DOMParser };

const PAGE = readFileSync(join(import.meta.dirname, '../fixtures/sites/acl-anthology/N19-1423.html'), 'utf8');
const PAGE_URL = 'https://aclanthology.org/N19-1423/';
/** The paper's authors as the page lists them, each with the person id its link carries. */
const pageAuthors = [...parseHtml(PAGE).querySelectorAll('#main p.lead a[href*="/people/"]')].map((a) => ({
  name: a.textContent ?? '',
  id: /\/people\/([^/]+)\/?$/.exec(a.getAttribute('href') ?? '')?.[1] ?? '',
}));

function aclCorrection(overrides: Partial<Correction> = {}): Correction {
  const detected = samplePaper({
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: pageAuthors.map((a) => ({ name: a.name, affiliations: [] })),
    url: PAGE_URL,
    site: 'acl-anthology',
    arxivId: null,
    doi: '10.18653/v1/N19-1423',
    pdfUrl: 'https://aclanthology.org/N19-1423.pdf',
  });
  return CorrectionSchema.parse(
    sampleCorrection({
      pageUrl: PAGE_URL,
      paper: { title: detected.title, doi: detected.doi, arxivId: null, pmid: null, url: PAGE_URL },
      detected,
      changes: [],
      ...overrides,
    }),
  );
}

function exported(correction: Correction): Json {
  const made = aclAnthologyExport(correction);
  if (!made.ok) throw new Error(made.problem.kind);
  expect(botProblems(made.json)).toEqual([]);
  return made.json;
}

describe('ACL Anthology correction JSON', () => {
  it('the saved page has the four authors this test relies on', () => {
    expect(pageAuthors.map((a) => a.id)).toEqual([
      'jacob-devlin',
      'ming-wei-chang',
      'kenton-lee',
      'kristina-toutanova',
    ]);
  });

  it('files a hostile title as an XML fragment their bot accepts, reading back as the corrected title', () => {
    const title = 'BERT: <b>Pre-training</b> & "Deep"\n\tTransformers\u0007   for  Language Understanding';
    const json = exported(aclCorrection({ changes: [{ field: 'title', from: 'BERT', to: title }] }));
    expect(json.anthology_id).toBe('N19-1423');
    expect(xmlTextOf(json.title!)).toBe('BERT: <b>Pre-training</b> & "Deep" Transformers for Language Understanding');
    expect(Object.keys(json)).toEqual(['anthology_id', 'title']);
  });

  it('files a very long abstract with Japanese text as XML that reads back the same', () => {
    const abstract = `${'言語モデルの事前学習について述べる。'.repeat(2000)} a < b`;
    const json = exported(aclCorrection({ changes: [{ field: 'abstract', from: null, to: abstract }] }));
    expect(xmlTextOf(json.abstract!)).toBe(abstract);
  });

  it('keeps each current author by the id on their Anthology page, marks a new one ##ADDED##, lists the removed', () => {
    const [devlin, chang, lee] = pageAuthors.map((a) => ({ name: a.name, affiliations: [] }));
    const proposed = [
      { name: 'Kenton Lee', affiliations: [] },
      { name: 'Jacob  Devlin-Smith', given: 'Jacob', family: 'Devlin-Smith', affiliations: [] },
      { name: '山田 太郎', given: '太郎', family: '山田', affiliations: [] },
      { name: 'Kristina Toutanova', affiliations: [] },
    ];
    const json = exported(
      aclCorrection({
        authorChanges: [
          { kind: 'edit', index: 0, from: devlin!, to: proposed[1]! },
          { kind: 'remove', index: 1, author: chang! },
          { kind: 'add', position: 2, author: proposed[2]! },
          { kind: 'reorder', from: [lee!.name, 'Jacob  Devlin-Smith'], to: [lee!.name, 'Jacob  Devlin-Smith'] },
        ],
        proposedAuthors: proposed,
      }),
    );
    expect(json.authors).toEqual([
      { first: 'Kenton', last: 'Lee', id: 'kenton-lee' },
      { first: 'Jacob', last: 'Devlin-Smith', id: 'jacob-devlin' },
      { first: '太郎', last: '山田', id: '##ADDED##' },
      { first: 'Kristina', last: 'Toutanova', id: 'kristina-toutanova' },
    ]);
    expect(json.deleted_authors).toEqual([{ first: 'Ming-Wei', last: 'Chang', id: 'ming-wei-chang' }]);
    expect(json.authors_old).toBe('Jacob  Devlin | Ming-Wei  Chang | Kenton  Lee | Kristina  Toutanova');
  });

  it('finds the id of a paper corrected from a volume listing by its PDF link, or by its Anthology DOI', () => {
    const listing = 'https://aclanthology.org/volumes/2020.acl-main/';
    const base = aclCorrection({ changes: [{ field: 'title', from: 'x', to: 'Right title' }] });
    const fromPdf = {
      ...base,
      pageUrl: listing,
      detected: { ...base.detected, url: listing, pdfUrl: 'https://aclanthology.org/2020.acl-main.1.pdf', doi: null },
      paper: { ...base.paper, doi: null, url: listing },
    };
    expect(exported(fromPdf).anthology_id).toBe('2020.acl-main.1');
    const fromDoi = {
      ...fromPdf,
      detected: { ...fromPdf.detected, pdfUrl: null },
      paper: { ...fromPdf.paper, doi: '10.18653/v1/2020.acl-main.7' },
    };
    expect(exported(fromDoi).anthology_id).toBe('2020.acl-main.7');
  });

  it('says so, and makes nothing, when the paper is not on the ACL Anthology', () => {
    const made = aclAnthologyExport(sampleCorrection());
    expect(made).toEqual({ ok: false, problem: { kind: 'not-anthology' } });
  });

  it('says what it cannot carry: a DOI-only correction is refused, other fields beside the title are named', () => {
    const doiOnly = aclAnthologyExport(aclCorrection({ changes: [{ field: 'doi', from: null, to: '10.1234/abcd' }] }));
    expect(doiOnly).toEqual({ ok: false, problem: { kind: 'nothing-carried', fields: ['doi'] } });
    const both = aclAnthologyExport(
      aclCorrection({
        changes: [
          { field: 'title', from: 'x', to: 'Right' },
          { field: 'year', from: 2019, to: 2018 },
        ],
      }),
    );
    expect(both).toMatchObject({ ok: true, leftOut: ['year'] });
  });

  it('refuses rather than guesses an id for a current author whose name has no Latin letters', () => {
    const base = aclCorrection({ changes: [{ field: 'title', from: 'x', to: 'Right' }] });
    const current = [{ name: '鈴木 花子', affiliations: [] }];
    const added = { name: 'Ada Lovelace', affiliations: [] };
    const made = aclAnthologyExport(
      CorrectionSchema.parse({
        ...base,
        detected: { ...base.detected, authors: current },
        authorChanges: [{ kind: 'add', position: 1, author: added }],
        proposedAuthors: [...current, added],
      }),
    );
    expect(made).toEqual({ ok: false, problem: { kind: 'author-id', name: '鈴木 花子' } });
  });
});
