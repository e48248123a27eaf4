import { RULES, type RuleName } from './rules.ts';

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
  /** Documentation only, so allowed only beside the `pattern` (or `x-url`) that enforces it. */
  format?: string;
  /** Rules of the contract JSON Schema cannot say (./rules.ts), by name: the zod schema refines with the same functions. */
  'x-rules'?: RuleName[];
  /** zod's `z.url({ protocol })`: a URL the platform parses, with a protocol (without its colon) that matches. */
  'x-url'?: { protocol: string };
  /** zod's `z.trim()`: the string is checked, and kept, without its surrounding white space. */
  'x-trim'?: true;
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
  'x-rules',
  'x-url',
  'x-trim',
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

// Each pattern compiled once: an answer checks the same few patterns on many values.
const compiled = new Map<string, RegExp>();
export const regex = (source: string): RegExp => {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source)));
  return r;
};

type Checked = { ok: true; value: unknown } | { ok: false; path: PropertyKey[] };

/** The value as the schema allows it (objects keep only the properties the schema names, like zod's), or where it first breaks the schema. */
/**
 * The keywords beyond JSON Schema (`x-url`, `x-rules`), checked last on a value that passed the rest: the value kept
 * (a URL as zod keeps it), or `null` to refuse it. Given by answer-checks.ts, so the first script carries none of it.
 */
export type MoreKeywords = (schema: JsonSchema, value: unknown) => { value: unknown } | null;

function check(schema: JsonSchema, value: unknown, path: PropertyKey[], more?: MoreKeywords): Checked {
  const fail: Checked = { ok: false, path };
  const actual = typeOf(value);
  const types = schema.type === undefined ? null : [schema.type].flat();
  if (types && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return fail;
  if (schema.enum && !schema.enum.includes(value)) return fail;
  if ('const' in schema && value !== schema.const) return fail;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const passed = alternatives.map((s) => check(s, value, path, more)).filter((r) => r.ok);
    if (!passed[0] || (schema.oneOf && passed.length > 1)) return fail;
    value = passed[0].value;
  }
  if (typeof value === 'string') {
    const text = schema['x-trim'] ? value.trim() : value;
    if (schema.pattern !== undefined && !regex(schema.pattern).test(text)) return fail;
    if (text.length < (schema.minLength ?? 0) || text.length > (schema.maxLength ?? Infinity)) return fail;
    value = text;
  }
  if (typeof value === 'number' && (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)))
    return fail;
  if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity)) return fail;
    if (schema.items) {
      const out: unknown[] = [];
      for (const [i, item] of value.entries()) {
        const r = check(schema.items, item, [...path, i], more);
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
      const r = hasOwn(input, key) && input[key] !== undefined ? check(sub, input[key], [...path, key], more) : null;
      if (r && !r.ok) return r;
      if (r) out[key] = r.value;
      else if (schema.required?.includes(key)) return { ok: false, path: [...path, key] };
    }
    value = out;
  }
  // Last, on the value as allowed, as zod runs a refinement only once the shape has passed.
  if (more && (schema['x-url'] || schema['x-rules'])) {
    const kept = more(schema, value);
    if (!kept) return fail;
    value = kept.value;
  } else if (schema['x-url'] || schema['x-rules']) return fail; // a keyword nothing here can check refuses all
  return { ok: true, value };
}

/**
 * True when every keyword in `schema` (and below) is one `checkJson` enforces or that constrains nothing. A `format`
 * counts only with its `pattern` (zod writes `z.url({ protocol })` as a bare format: that check would be lost).
 */
export function onlyEnforcedKeywords(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(onlyEnforcedKeywords);
  if (typeof schema !== 'object' || schema === null) return true;
  if ('format' in schema && !('pattern' in schema) && !('x-url' in schema)) return false;
  return Object.entries(schema).every(([key, sub]) => {
    if (!KEYWORDS.has(key)) return false;
    if (key === 'x-rules') return Array.isArray(sub) && sub.every((name) => Object.hasOwn(RULES, name));
    if (key === 'x-url') return typeof (sub as { protocol?: unknown }).protocol === 'string';
    if (key === 'properties') return Object.values(sub as object).every(onlyEnforcedKeywords);
    return key === 'enum' || key === 'const' || onlyEnforcedKeywords(sub);
  });
}

/** A Standard Schema that checks a value against a JSON Schema using only the keywords in `JsonSchema`. */
export function checkJson<T>(schema: JsonSchema, more?: MoreKeywords): Schema<T> {
  return {
    '~standard': {
      validate(value) {
        const r = check(schema, value, [], more);
        // One message: callers act on where an answer breaks the contract (the path), not on how.
        return r.ok ? { value: r.value as T } : { issues: [{ message: 'does not match the contract', path: r.path }] };
      },
    },
  };
}
