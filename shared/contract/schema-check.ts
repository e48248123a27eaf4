// A validator in the Standard Schema shape (https://standardschema.dev), and a small one that checks JSON against
// a JSON Schema. zod schemas are Standard Schemas too, so the API client takes either. The JSON Schema check exists
// for the widget's first script, which must validate the consent state without carrying zod (first-load budget):
// its schemas are the contract's zod schemas turned into JSON Schema (./first-load.ts), never written by hand.

/** One reason a value was refused. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

export type SchemaResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<SchemaIssue> };

/** The part of the Standard Schema interface the API client uses. */
export interface Schema<T = unknown> {
  readonly '~standard': {
    readonly validate: (value: unknown) => SchemaResult<T> | Promise<SchemaResult<T>>;
    readonly types?: { readonly output: T } | undefined;
  };
}

/** The output type of a schema (zod's or a JSON Schema check). */
export type SchemaOutput<S extends Schema> = NonNullable<S['~standard']['types']>['output'];

/**
 * The JSON Schema keywords `checkJson` enforces: what zod's `toJSONSchema` writes for the first-load schemas.
 * A schema with any other keyword must not be checked with it (`onlyEnforcedKeywords` says so; first-load-schemas.ts
 * asserts it when it makes the schemas), or that keyword would go unchecked.
 */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  /** Documentation only, so allowed only beside the `pattern` that enforces it. */
  format?: string;
}

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** Keywords that carry no constraint, and the ones `checkJson` enforces. */
const KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  'description',
  'format',
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
]);

const typeOf = (v: unknown): JsonType =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : (typeof v as JsonType);

const hasOwn = (o: object, key: string) => Object.hasOwn(o, key);

type Checked = { ok: true; value: unknown } | { ok: false; path: PropertyKey[] };

/** The value as the schema allows it (objects keep only the properties the schema names, like zod's), or where it first breaks the schema. */
function check(schema: JsonSchema, value: unknown, path: PropertyKey[]): Checked {
  const fail: Checked = { ok: false, path };
  const actual = typeOf(value);
  const types = schema.type === undefined ? null : [schema.type].flat();
  if (types && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return fail;
  if (schema.enum && !schema.enum.includes(value)) return fail;
  if ('const' in schema && value !== schema.const) return fail;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const passed = alternatives.map((s) => check(s, value, path)).filter((r) => r.ok);
    if (!passed[0] || (schema.oneOf && passed.length > 1)) return fail;
    value = passed[0].value;
  }
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return fail;
    if (value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Infinity)) return fail;
  }
  if (typeof value === 'number' && (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)))
    return fail;
  if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity)) return fail;
    if (schema.items) {
      const out: unknown[] = [];
      for (const [i, item] of value.entries()) {
        const r = check(schema.items, item, [...path, i]);
        if (!r.ok) return r;
        out.push(r.value);
      }
      value = out;
    }
  }
  if (schema.properties && actual === 'object') {
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(schema.properties)) {
      const r = hasOwn(input, key) && input[key] !== undefined ? check(sub, input[key], [...path, key]) : null;
      if (r && !r.ok) return r;
      if (r) out[key] = r.value;
      else if (schema.required?.includes(key)) return { ok: false, path: [...path, key] };
    }
    value = out;
  }
  return { ok: true, value };
}

/**
 * True when every keyword in `schema` (and below) is one `checkJson` enforces or that constrains nothing. A `format`
 * counts only with its `pattern` (zod writes `z.url({ protocol })` as a bare format: that check would be lost).
 */
export function onlyEnforcedKeywords(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(onlyEnforcedKeywords);
  if (typeof schema !== 'object' || schema === null) return true;
  if ('format' in schema && !('pattern' in schema)) return false;
  return Object.entries(schema).every(([key, sub]) => {
    if (!KEYWORDS.has(key)) return false;
    if (key === 'properties') return Object.values(sub as object).every(onlyEnforcedKeywords);
    return key === 'enum' || key === 'const' || onlyEnforcedKeywords(sub);
  });
}

/** A Standard Schema that checks a value against a JSON Schema using only the keywords in `JsonSchema`. */
export function checkJson<T>(schema: JsonSchema): Schema<T> {
  return {
    '~standard': {
      validate(value) {
        const r = check(schema, value, []);
        // One message: callers act on where an answer breaks the contract (the path), not on how.
        return r.ok ? { value: r.value as T } : { issues: [{ message: 'does not match the contract', path: r.path }] };
      },
    },
  };
}
