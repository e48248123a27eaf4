import * as z from 'zod/mini';

/** A JSON Schema (2020-12) as `z.toJSONSchema` returns it, which OpenAPI 3.1 embeds unchanged. */
export type JsonSchema = Record<string, unknown>;

/**
 * Which side of the wire a schema describes. `'input'` is what a client may send (pre-coercion, optional defaults,
 * unknown keys stripped so no `additionalProperties: false`), `'output'` what the server writes.
 */
export type Io = 'input' | 'output';

/** A place the document shows a contract schema: a request body or parameter object (`input`) or a response (`output`). */
export interface SchemaUse {
  schema: z.core.$ZodType;
  io: Io;
}

export interface RenderedSchemas {
  /** `components.schemas`: every named schema, in the order given, plus the `…Output` variants (see {@link renderSchemas}). */
  components: Record<string, JsonSchema>;
  /** The JSON Schema of a declared use: a `$ref` when the schema is a component, else inline with `$ref`s to the components in it. */
  schemaOf(schema: z.core.$ZodType, io: Io): JsonSchema;
}

export const COMPONENT_REF_PREFIX = '#/components/schemas/';
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * Renders the contract schemas of a document with zod's registry conversion: the named schemas and the inline
 * uses go into one registry per `io`, and `z.toJSONSchema(registry, { uri })` emits each with every registered
 * sub-schema replaced by `{ $ref: uri(id) }`. The inline uses get ids no component name can have (`~0`, `~1`, …);
 * a `$ref` to one of them means an endpoint schema is nested in another and must be named instead.
 *
 * A component renders differently per `io` when it contains objects (`additionalProperties: false` is written for
 * output only), defaults or transforms. A component used on one side only is emitted as that side renders it.
 * One used on both sides whose renderings differ, or which refers to such a component, is split: the request
 * side keeps the name and the response side gets `<Name>Output` (the naming zod-openapi uses).
 */
export function renderSchemas(
  named: ReadonlyMap<string, z.core.$ZodType>,
  uses: readonly SchemaUse[],
): RenderedSchemas {
  const nameOf = new Map<z.core.$ZodType, string>();
  for (const [name, schema] of named) {
    if (!COMPONENT_NAME.test(name)) throw new Error(`${name}: a component name may only use A-Z a-z 0-9 . _ -`);
    const other = nameOf.get(schema);
    if (other !== undefined) throw new Error(`${name}: the same schema is already the component ${other}`);
    nameOf.set(schema, name);
  }

  const rendered = { input: convert(named, uses, nameOf, 'input'), output: convert(named, uses, nameOf, 'output') };
  const refsOf = (io: Io, id: string): Set<string> => {
    const refs = componentRefs(rendered[io].json.get(id));
    for (const ref of refs) {
      if (!named.has(ref))
        throw new Error(`An endpoint schema (${id}) is nested in another schema; add it to the components.`);
    }
    return refs;
  };

  // Which components each side reaches, from the uses through the refs between components.
  const used = { input: new Set<string>(), output: new Set<string>() };
  const visit = (io: Io, id: string): void => {
    if (used[io].has(id)) return;
    used[io].add(id);
    for (const ref of refsOf(io, id)) visit(io, ref);
  };
  for (const { schema, io } of uses) visit(io, nameOf.get(schema) ?? rendered[io].idOf(schema));
  // A component no endpoint reaches is still documented, as the server would write it.
  for (const name of named.keys()) if (!used.input.has(name) && !used.output.has(name)) visit('output', name);

  const split = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of named.keys()) {
      if (split.has(name) || !used.input.has(name) || !used.output.has(name)) continue;
      const differs = JSON.stringify(rendered.input.json.get(name)) !== JSON.stringify(rendered.output.json.get(name));
      if (differs || [...refsOf('input', name)].some((ref) => split.has(ref))) {
        split.add(name);
        grew = true;
      }
    }
  }
  const componentName = (name: string, io: Io): string => (io === 'output' && split.has(name) ? `${name}Output` : name);
  const relink = (json: JsonSchema | undefined, io: Io): JsonSchema =>
    mapRefs(json ?? {}, (name) => `${COMPONENT_REF_PREFIX}${componentName(name, io)}`);

  const components: Record<string, JsonSchema> = {};
  for (const name of named.keys()) {
    const io: Io = used.input.has(name) ? 'input' : 'output';
    components[name] = relink(rendered[io].json.get(name), io);
    if (split.has(name)) {
      const output = componentName(name, 'output');
      if (named.has(output)) throw new Error(`${name} needs an output variant named ${output}, which is taken`);
      components[output] = relink(rendered.output.json.get(name), 'output');
    }
  }

  return {
    components,
    schemaOf(schema, io) {
      const name = nameOf.get(schema);
      if (name !== undefined) return { $ref: `${COMPONENT_REF_PREFIX}${componentName(name, io)}` };
      return relink(rendered[io].json.get(rendered[io].idOf(schema)), io);
    },
  };
}

interface Converted {
  /** Registry id → JSON Schema, refs as `#/components/schemas/<registry id>`. */
  json: Map<string, JsonSchema>;
  /** The registry id of an inline use. */
  idOf(schema: z.core.$ZodType): string;
}

function convert(
  named: ReadonlyMap<string, z.core.$ZodType>,
  uses: readonly SchemaUse[],
  nameOf: ReadonlyMap<z.core.$ZodType, string>,
  io: Io,
): Converted {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of named) registry.add(schema, { id: name });
  const inline = new Map<z.core.$ZodType, string>();
  for (const use of uses) {
    if (use.io !== io || nameOf.has(use.schema) || inline.has(use.schema)) continue;
    const id = `~${inline.size}`;
    inline.set(use.schema, id);
    registry.add(use.schema, { id });
  }

  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `${COMPONENT_REF_PREFIX}${id}`,
  });
  const json = new Map<string, JsonSchema>();
  for (const [id, schema] of Object.entries(schemas)) {
    // `__shared` holds `$defs` for sub-schemas that carry an id but are not in the registry (e.g. a global `.meta({ id })`);
    // `#/$defs/…` refs would resolve against the OpenAPI document and break, so fail loudly instead.
    if (id === '__shared' || '$defs' in schema) {
      throw new Error('A contract schema produced $defs; add the schema with an id to server/openapi/components.ts.');
    }
    // `$schema` is dropped: OpenAPI 3.1 documents carry the dialect. `$id` is the `uri` of the schema itself.
    const { $schema: _dialect, $id: _self, ...rest } = schema as JsonSchema;
    json.set(id, rest);
  }
  return {
    json,
    idOf(schema) {
      const id = inline.get(schema);
      if (id === undefined) throw new Error(`A schema is rendered for ${io} but was not declared as a use`);
      return id;
    },
  };
}

/** The component names a schema refers to. */
function componentRefs(json: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(json)) for (const item of json) componentRefs(item, into);
  else if (json !== null && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if (key === '$ref' && typeof value === 'string') into.add(componentOf(value));
      else componentRefs(value, into);
    }
  }
  return into;
}

/** A deep copy with every `$ref` rewritten from its component name. */
function mapRefs(json: JsonSchema, rename: (component: string) => string): JsonSchema {
  const copy = (value: unknown, key?: string): unknown => {
    if (key === '$ref' && typeof value === 'string') return rename(componentOf(value));
    if (Array.isArray(value)) return value.map((item) => copy(item));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v, k)]));
    return value;
  };
  return copy(json) as JsonSchema;
}

function componentOf(ref: string): string {
  if (!ref.startsWith(COMPONENT_REF_PREFIX))
    throw new Error(`Unexpected $ref ${ref}: only components can be referenced`);
  return ref.slice(COMPONENT_REF_PREFIX.length);
}

/** The per-property schemas and required names of an inline object schema (path and query parameters). */
export function objectProperties(json: JsonSchema): { properties: Record<string, JsonSchema>; required: string[] } {
  if ('$ref' in json) throw new Error('Path and query parameters must be an inline object schema, not a component');
  return {
    properties: (json.properties ?? {}) as Record<string, JsonSchema>,
    required: (json.required ?? []) as string[],
  };
}

export const stringSchema: JsonSchema = { type: 'string' };
