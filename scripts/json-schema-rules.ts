// The cross-field and format rules of lib/schema/correction.ts (its superRefine/refine code, which
// z.toJSONSchema cannot see), written in JSON Schema 2020-12 so that an endpoint validating with
// docs/correction.schema.json refuses what Erratum refuses. tests/receiver/schema-agreement.test.ts
// feeds one list of good and bad corrections to zod and to ajv and checks that they agree except on
// CODE_ONLY_RULES: keep a rule here in step with its code by adding a case there.
import type { z } from 'zod';
import {
  CorrectedAuthorSchema,
  CorrectionSchema,
  FieldChangeSchema,
  HttpUrlSchema,
  SubmitterSchema,
} from '../lib/schema/correction';
import { SCALAR_FIELDS, type ScalarField } from '../lib/schema/fields';

type JsonSchema = Record<string, unknown>;

/** Rules only code can check, by name: the only places where zod and the JSON Schema disagree. */
export const CODE_ONLY_RULES = {
  'orcid-check-digit':
    'a non-empty CorrectedAuthor.orcid ends in its ISO 7064 MOD 11-2 check character (the schema checks only its form)',
  'to-differs-from-from': 'changes[].to is not equal to changes[].from (JSON Schema cannot compare two values)',
  'url-parses':
    'pageUrl, evidenceUrl and a pdfUrl change parse as URLs by the WHATWG URL Standard (the schema checks only the http/https scheme)',
} as const;
export type CodeOnlyRule = keyof typeof CODE_ONLY_RULES;

/**
 * `http:` or `https:` as the WHATWG URL parser reads a scheme: after any leading C0 controls and
 * spaces (which it strips), in any case, with ASCII tabs and newlines anywhere (which it removes).
 */
const HTTP_SCHEME = `^[\\u0000-\\u0020]*${[...'http']
  .map((letter) => `[${letter.toUpperCase()}${letter}][\\t\\n\\r]*`)
  .join('')}(?:[Ss][\\t\\n\\r]*)?:`;
/** Not empty once trimmed: String.prototype.trim and `\s` know the same white space. */
const NOT_BLANK = '\\S';
/** lib/identifiers.ts isValidOrcid's form, after its trim, orcid.org prefix and upper-casing. */
const ORCID_FORM =
  '^(?:\\s*(?:[Hh][Tt][Tt][Pp][Ss]?://(?:[Ww]{3}\\.)?[Oo][Rr][Cc][Ii][Dd]\\.[Oo][Rr][Gg]/)?\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx]\\s*)?$';

/** What changes[].to must be for each field (the switch in FieldChangeSchema). */
const TO_BY_FIELD: Record<ScalarField, JsonSchema> = {
  title: { type: 'string', pattern: NOT_BLANK },
  abstract: { type: 'string', pattern: NOT_BLANK },
  year: { type: 'integer', minimum: 1000, maximum: 3000 },
  date: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
  venue: { type: 'string', pattern: NOT_BLANK },
  volume: { type: 'string', pattern: NOT_BLANK },
  issue: { type: 'string', pattern: NOT_BLANK },
  pages: { type: 'string', pattern: NOT_BLANK },
  publisher: { type: 'string', pattern: NOT_BLANK },
  language: { type: 'string', pattern: NOT_BLANK },
  // isDoi: 10.<4–9 digits>/<no white space>, after trimming; `doi:xyz` is refused.
  doi: { type: 'string', pattern: '^\\s*10\\.\\d{4,9}/\\S+\\s*$' },
  // isArxivId: new-style 2101.01234(v2) or old-style hep-th/9901001, an optional arxiv: prefix.
  arxivId: {
    type: 'string',
    pattern:
      '^\\s*(?:[Aa][Rr][Xx][Ii][Vv]:)?(?:\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7}(?:v\\d+)?)\\s*$',
  },
  pmid: { type: 'string', pattern: '^\\d{1,9}$' },
  pdfUrl: { type: 'string', pattern: HTTP_SCHEME },
};

/** A submitter name of 1–max characters once trimmed (z.string().trim().min(1).max(max)). */
function trimmedLength(max: number): JsonSchema {
  return { type: 'string', pattern: `^\\s*\\S(?:[\\s\\S]{0,${max - 2}}\\S)?\\s*$` };
}

/** JSON Schema's if/then, in one place so the linter's thenable warning is silenced once. */
function ifThen(condition: JsonSchema, consequence: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword; this object is never awaited.
  return { ...extra, if: condition, then: consequence };
}

function properties(json: JsonSchema): Record<string, JsonSchema> {
  return json.properties as Record<string, JsonSchema>;
}

/**
 * Extra keywords per zod schema, applied in z.toJSONSchema's `override`. Child objects are
 * replaced, never edited in place: zod shares one JSON object between the places a child schema
 * is used (Author's and CorrectedAuthor's orcid are the same).
 */
const RULES = new Map<z.core.$ZodType, (json: JsonSchema) => void>([
  [
    HttpUrlSchema,
    (json) => {
      json.pattern = HTTP_SCHEME;
    },
  ],
  [
    CorrectedAuthorSchema,
    (json) => {
      // zod writes CorrectedAuthor as a $ref to Author: the pattern sits beside it.
      const props = (json.properties ?? {}) as Record<string, JsonSchema>;
      json.type = 'object';
      json.properties = { ...props, orcid: { ...props.orcid, type: 'string', pattern: ORCID_FORM } };
    },
  ],
  [
    SubmitterSchema,
    (json) => {
      const max = SubmitterSchema.shape.name.maxLength ?? 300;
      // The email keeps zod's own pattern but not `format: email`: ajv-formats reads that as
      // RFC 5321 host names and refuses addresses Erratum accepts (a domain label ending in "-").
      const { format: _format, ...email } = properties(json).email ?? {};
      json.properties = { ...properties(json), name: trimmedLength(max), email };
    },
  ],
  [
    FieldChangeSchema,
    (json) => {
      json.allOf = SCALAR_FIELDS.map((field) =>
        ifThen({ properties: { field: { const: field } } }, { properties: { to: TO_BY_FIELD[field] } }),
      );
    },
  ],
  [
    CorrectionSchema,
    (json) => {
      const props = properties(json);
      // No field twice: at most one entry of each field name.
      const onceEach = SCALAR_FIELDS.map((field) => ({
        contains: { type: 'object', properties: { field: { const: field } } },
        minContains: 0,
        maxContains: 1,
      }));
      json.properties = { ...props, changes: { ...props.changes, allOf: onceEach } };
      json.allOf = [
        {
          description: 'At least one field selected: a scalar change or an author change.',
          anyOf: [
            { properties: { changes: { type: 'array', minItems: 1 } } },
            { properties: { authorChanges: { type: 'array', minItems: 1 } } },
          ],
        },
        ifThen(
          { properties: { authorChanges: { type: 'array', minItems: 1 } }, required: ['authorChanges'] },
          // properties beside required only for ajv's strictRequired: the type is the one above.
          { properties: { proposedAuthors: { type: 'array' } }, required: ['proposedAuthors'] },
          { description: 'Author changes come with the whole proposed author list.' },
        ),
      ];
    },
  ],
]);

export function applyCrossFieldRules(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  RULES.get(ctx.zodSchema)?.(ctx.jsonSchema);
}
