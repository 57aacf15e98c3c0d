// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctionJsonSchema, REGENERATE_COMMAND, SCHEMA_PATH } from '../../scripts/json-schema';

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  $defs?: Record<string, JsonSchemaNode>;
}

/** Every property name anywhere in the schema: each must be described in docs/endpoint.md. */
function propertyNames(node: JsonSchemaNode, names = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    names.add(name);
    propertyNames(child, names);
  }
  for (const child of [node.items, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...Object.values(node.$defs ?? {})])
    if (child) propertyNames(child, names);
  return names;
}

describe('the published JSON Schema', () => {
  it('is current with CorrectionSchema', () => {
    const committed = readFileSync(SCHEMA_PATH, 'utf8');
    expect(
      committed === correctionJsonSchema(),
      `docs/correction.schema.json is out of date: run ${REGENERATE_COMMAND}`,
    ).toBe(true);
  });

  it('has every field described in the table of docs/endpoint.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'endpoint.md'), 'utf8');
    const documentedRows = new Set(
      [...docs.matchAll(/^\|\s*`([\w.[\]]+)`\s*\|/gm)].map((match) => match[1]!.split('.').pop()!.replace('[]', '')),
    );
    const schema = JSON.parse(correctionJsonSchema()) as JsonSchemaNode;
    const undocumented = [...propertyNames(schema)].filter((name) => !documentedRows.has(name));
    expect(undocumented).toEqual([]);
  });
});
