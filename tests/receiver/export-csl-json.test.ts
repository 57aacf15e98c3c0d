// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';
import { type Correction, CorrectionSchema } from '../../lib/schema/correction';
import { cslJson } from '../../scripts/receiver/export/csl-json';
import { TEST_LOCALE, TEST_STYLE } from './csl-style';
import { sampleCorrection, samplePaper } from './sample-correction';

// Checked against two things we did not write: the published CSL-JSON schema (a copy in
// tests/fixtures/schemas, validated with ajv) and citeproc-js, the processor Zotero and
// Mendeley use, which must read the corrected title, authors, DOI and year from it.

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/schemas/csl-data.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function render(items: { id: string }[]): string {
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine({ retrieveLocale: () => TEST_LOCALE, retrieveItem: (id) => byId.get(id) }, TEST_STYLE);
  engine.setOutputFormat('text');
  engine.updateItems([...byId.keys()]);
  const bibliography = engine.makeBibliography();
  if (!bibliography) throw new Error('citeproc made no bibliography');
  return bibliography[1].join('');
}

/** citeproc typesets straight quotes as curly ones: compare text with them made straight again. */
const straightQuotes = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

const HOSTILE_TITLE = `He said "stop" & <script>alert(1)</script>\u0007 — ${'very long title '.repeat(300)}end`;

function hostileCorrection(): Correction {
  const detected = samplePaper({
    title: 'Wrong title',
    doi: '10.1234/wrong',
    venue: 'Journal of "Quoted" Things',
    authors: [
      { name: 'Ada Lovelace', given: 'Ada', family: 'Lovelace', affiliations: [] },
      { name: 'Alan Turing', affiliations: [] },
    ],
  });
  const proposed = [
    { name: '山田 太郎', given: '太郎', family: '山田', affiliations: [] },
    { name: 'Ada Lovelace', given: 'Ada', family: 'Lovelace', affiliations: [] },
    { name: 'Plato', affiliations: [] },
  ];
  return CorrectionSchema.parse(
    sampleCorrection({
      detected,
      changes: [
        { field: 'title', from: detected.title, to: HOSTILE_TITLE },
        { field: 'doi', from: detected.doi, to: '10.5555/right.2020' },
        { field: 'date', from: detected.date, to: '2020-03-04' },
        { field: 'year', from: detected.year, to: 2020 },
      ],
      authorChanges: [
        { kind: 'remove', index: 1, author: detected.authors[1]! },
        { kind: 'add', position: 0, author: proposed[0]! },
        { kind: 'add', position: 2, author: proposed[2]! },
      ],
      proposedAuthors: proposed,
    }),
  );
}

describe('CSL-JSON of the corrected record', () => {
  it('is valid against the published CSL-JSON schema, for a plain and a hostile correction', () => {
    for (const correction of [sampleCorrection(), hostileCorrection()]) {
      const items = cslJson(correction);
      expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('the schema check can fail: an item with a date as a bare string is refused', () => {
    const [item] = cslJson(sampleCorrection());
    expect(validate([{ ...item, issued: '2020' }])).toBe(false);
  });

  it('citeproc-js reads the corrected title, authors in their new order, DOI and year', () => {
    const text = straightQuotes(render(cslJson(hostileCorrection())));
    // One line of text per entry: the bell character and no line break of the page's made it through.
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).not.toContain('\u0007');
    const [authors, year, title, venue, doi] = text.trim().split(' | ');
    expect(authors).toBe('山田太郎; Lovelace, Ada; Plato');
    expect(year).toBe('2020');
    expect(title).toBe(HOSTILE_TITLE.replace('\u0007', '').replace(/\s+/g, ' ').trim());
    expect(venue).toBe('Journal of "Quoted" Things');
    expect(doi).toBe('doi:10.5555/right.2020');
  });

  it('keeps the fields the reader did not correct as the page gave them', () => {
    const text = render(cslJson(sampleCorrection()));
    expect(text.trim()).toBe('Lovelace, Ada; Turing, Alan | 2021 | Attention Is All You Need');
  });
});
