// `npx tsx scripts/json-schema.ts` writes docs/correction.schema.json from CorrectionSchema, the
// one source of the payload's shape; `--check` only says whether the committed file is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  AuthorChangeSchema,
  CorrectedAuthorSchema,
  CorrectionSchema,
  FieldChangeSchema,
  PdfAttachmentSchema,
  SubmitterSchema,
} from '../lib/schema/correction';
import { AuthorSchema, PaperMetadataSchema } from '../lib/schema/paper';
import { applyCrossFieldRules, CODE_ONLY_RULES } from './json-schema-rules';

export const SCHEMA_PATH = join(import.meta.dirname, '..', 'docs', 'correction.schema.json');
export const REGENERATE_COMMAND = 'npx tsx scripts/json-schema.ts';

/** Shapes used more than once, or worth a name, become $defs instead of being repeated inline. */
function namedShapes() {
  const registry = z.registry<{ id: string; description: string }>();
  registry.add(AuthorSchema, { id: 'Author', description: 'One author as a reader sees them.' });
  registry.add(CorrectedAuthorSchema, {
    id: 'CorrectedAuthor',
    description:
      'An author as the submitter proposes them; a non-empty orcid has the ORCID iD form (checked here) and its check digit (checked by code only).',
  });
  registry.add(PaperMetadataSchema, {
    id: 'PaperMetadata',
    description: 'The paper as Erratum detected it on the page, before any correction.',
  });
  registry.add(FieldChangeSchema, {
    id: 'FieldChange',
    description: 'One scalar field corrected: its value on the page (from) and the proposed value (to).',
  });
  registry.add(AuthorChangeSchema, {
    id: 'AuthorChange',
    description: 'One change to the author list; index and position count from 0 in detected.authors.',
  });
  registry.add(PdfAttachmentSchema, {
    id: 'PdfAttachment',
    description: 'Describes the PDF sent as the multipart part "pdf"; the bytes must match size and sha256.',
  });
  registry.add(SubmitterSchema, { id: 'Submitter', description: 'Who sent the correction.' });
  return registry;
}

/**
 * The JSON Schema text. `io: 'input'` describes what a sender may send: fields with defaults
 * (affiliations, sources, shown, conflicts) are optional on the wire.
 */
export function correctionJsonSchema(): string {
  const schema = z.toJSONSchema(CorrectionSchema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: namedShapes(),
    override: applyCrossFieldRules,
  });
  const documented = {
    $schema: schema.$schema,
    title: 'Erratum correction',
    description:
      'The body an Erratum endpoint receives (docs/endpoint.md). Generated from lib/schema/correction.ts ' +
      `by \`${REGENERATE_COMMAND}\`; do not edit. It states every rule Erratum checks except these, which only ` +
      `code can check (docs/endpoint.md): ${Object.values(CODE_ONLY_RULES).join('; ')}.`,
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}

function main(): void {
  const text = correctionJsonSchema();
  if (process.argv.includes('--check')) {
    const current = readFileSync(SCHEMA_PATH, 'utf8');
    if (current !== text) {
      console.error(`${SCHEMA_PATH} is out of date: run ${REGENERATE_COMMAND}`);
      process.exit(1);
    }
    console.log(`${SCHEMA_PATH} is up to date.`);
    return;
  }
  writeFileSync(SCHEMA_PATH, text);
  console.log(`Wrote ${SCHEMA_PATH}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
