import * as z from 'zod/mini';

/** A JSON Schema (2020-12) as `z.toJSONSchema` returns it, which OpenAPI 3.1 embeds unchanged. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a contract schema. `io: 'input'` describes what a client may send (optional defaults,
 * pre-coercion), `'output'` what the server writes. `$schema` is dropped: OpenAPI 3.1 documents carry the dialect.
 */
export function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as JsonSchema;
  // `#/$defs/…` refs would resolve against the OpenAPI document, not this schema, and break.
  // Today's contract has no ids or cycles; fail loudly if one appears instead of emitting a broken document.
  if ('$defs' in rest) throw new Error('A contract schema produced $defs; hoist them into components.schemas first.');
  return rest;
}

/** The per-property schemas and required names of an object schema (path and query parameters). */
export function objectProperties(schema: z.ZodMiniObject): { properties: Record<string, JsonSchema>; required: string[] } {
  const json = jsonSchema(schema, 'input');
  return {
    properties: (json.properties ?? {}) as Record<string, JsonSchema>,
    required: (json.required ?? []) as string[],
  };
}

export const stringSchema: JsonSchema = { type: 'string' };
