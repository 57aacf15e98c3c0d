// @vitest-environment node
// zod (what Erratum checks) and ajv, a third-party JSON Schema 2020-12 validator reading the
// published docs/correction.schema.json (what an endpoint checks), against one list of cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CorrectionSchema } from '../../lib/schema/correction';
import { SCHEMA_PATH } from '../../scripts/json-schema';
import { CODE_ONLY_RULES } from '../../scripts/json-schema-rules';
import { CORRECTION_CASES } from './correction-cases';

function publishedValidator() {
  // strict: an unknown keyword or a type mistake in the published schema fails here.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
}

const acceptsByJsonSchema = publishedValidator();
const acceptsByZod = (value: unknown) => CorrectionSchema.safeParse(value).success;

describe('zod and the published JSON Schema', () => {
  it.each(CORRECTION_CASES)('zod: $name', ({ correction, valid, why }) => {
    expect(acceptsByZod(correction), why || 'a good correction').toBe(valid);
  });

  it.each(CORRECTION_CASES.filter((c) => !c.codeOnly))('ajv: $name', ({ correction, valid, why }) => {
    const accepted = acceptsByJsonSchema(correction);
    expect(accepted, `${why || 'a good correction'} ${JSON.stringify(acceptsByJsonSchema.errors)}`).toBe(valid);
  });

  it('has every code-only rule listed by name in docs/endpoint.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'endpoint.md'), 'utf8');
    // Only that section: other sections list fields the same way (the Status answer's `state`).
    const section = docs.split(/^## /m).find((part) => part.startsWith('What the JSON Schema checks')) ?? '';
    const listed = [...section.matchAll(/^- `([a-z0-9-]+)`: /gm)].map((match) => match[1]);
    expect(listed).toEqual(Object.keys(CODE_ONLY_RULES));
  });

  it('disagree exactly on the named rules only code can check', () => {
    const disagreements = CORRECTION_CASES.filter(
      (c) => acceptsByZod(c.correction) !== acceptsByJsonSchema(c.correction),
    );
    expect(disagreements.map((c) => c.name)).toEqual(CORRECTION_CASES.filter((c) => c.codeOnly).map((c) => c.name));
    expect(new Set(disagreements.map((c) => c.codeOnly))).toEqual(new Set(Object.keys(CODE_ONLY_RULES)));
  });
});
