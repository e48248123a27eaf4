import {
  endpoints,
  JobBody,
  JobResult,
  Problem,
  type Endpoint,
  type ResponseSpec,
} from '../../shared/contract/index.ts';
import { API_VERSION } from '../version.ts';
import { describeReasons, problemReasons } from './errors.ts';
import { apiDescription, authDescriptions, headerDescriptions, securitySchemes } from './info.ts';
import { componentSchemas } from './components.ts';
import {
  objectProperties,
  renderSchemas,
  stringSchema,
  type JsonSchema,
  type RenderedSchemas,
  type SchemaUse,
} from './schema.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface Response {
  description: string;
  headers?: Record<string, { description?: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, Response>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Partial<Record<Endpoint['method'], Operation>>>;
  /** What the server sends: the signed job each data system receives (SYSTEMS_FILE, docs/connectors.md). */
  webhooks: Record<string, { post: Omit<Operation, 'security' | 'tags'> & { tags: string[] } }>;
  /** `schemas` holds the contract schemas named in components.ts; paths refer to them with `$ref`. */
  components: { securitySchemes: typeof securitySchemes; schemas: Record<string, JsonSchema> };
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const SECURITY: Record<Endpoint['auth'], Record<string, string[]>[]> = {
  none: [],
  subject: [{ bearer: [] }],
  identity: [{ bearer: [] }],
  admin: [{ admin: [] }],
  dev: [],
  job: [{ jobToken: [] }],
  system: [{ systemKey: [] }],
};

/** The OpenAPI 3.1 document of the rights API, built only from the contract's route table. */
export function generateOpenApi(opts?: { serverUrl?: string }): OpenApiDocument {
  const routes = Object.entries(endpoints as Record<string, Endpoint>);
  const schemas = renderSchemas(componentSchemas, [
    { schema: Problem, io: 'output' },
    { schema: JobBody, io: 'output' },
    { schema: JobResult, io: 'input' },
    ...routes.flatMap(([, e]) => schemaUses(e)),
  ]);
  const paths: OpenApiDocument['paths'] = {};
  const tags: string[] = [];
  for (const [id, e] of routes) {
    (paths[e.path] ??= {})[e.method] = operation(id, e, schemas);
    if (!tags.includes(e.tag)) tags.push(e.tag);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Twikit rights API', version: API_VERSION, description: apiDescription },
    servers: [{ url: opts?.serverUrl ?? 'http://127.0.0.1:8787' }],
    tags: tags.map((name) => ({ name })),
    paths,
    webhooks: { systemJob: systemJobWebhook(schemas) },
    components: { securitySchemes, schemas: schemas.components },
  };
}

const signatureHeaders: Parameter[] = [
  { name: 'webhook-id', description: "The job's id: the same on every attempt, so a system can drop a repeat." },
  { name: 'webhook-timestamp', description: 'Seconds since the epoch when this attempt was signed.' },
  {
    name: 'webhook-signature',
    description:
      '`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the system\'s `whsec_` secret (Standard Webhooks).',
  },
].map((h) => ({ ...h, in: 'header' as const, required: true, schema: { type: 'string' } }));

/** The job the server POSTs to a webhook system (Standard Webhooks), and what the system answers. */
function systemJobWebhook(schemas: RenderedSchemas) {
  return {
    post: {
      operationId: 'systemJob',
      summary:
        'A job for a data system: answer 2xx at once, then POST the result (JobResult) to `callback.url` with `Authorization: Bearer <callback.token>` (operation systemJobResult). Anything else, or no answer within JOB_TIMEOUT_MS, is retried with backoff for at least three days',
      description: 'Signed per Standard Webhooks with the secret of the system in SYSTEMS_FILE.',
      tags: ['systems'],
      parameters: signatureHeaders,
      requestBody: {
        required: true as const,
        content: { 'application/json': { schema: schemas.schemaOf(JobBody, 'output') } },
      },
      responses: {
        '202': { description: 'Taken: the result follows on the callback' },
        '401': { description: 'The signature does not verify: the job is retried, the status shown to the operator' },
      },
    },
  };
}

/** The document as committed in server/openapi.json: 2-space JSON with a trailing newline. */
export const renderOpenApi = (doc: OpenApiDocument = generateOpenApi()): string => `${JSON.stringify(doc, null, 2)}\n`;

/** Every contract schema an endpoint shows, and on which side of the wire; see `operation` for where each goes. */
function schemaUses(e: Endpoint): SchemaUse[] {
  const inputs = [e.params, e.query, e.body].flatMap((schema) => (schema ? [{ schema, io: 'input' as const }] : []));
  // Error statuses show the Problem component whatever the spec says (see `declaredResponse`).
  const outputs = Object.entries(e.responses as Record<string, ResponseSpec>).flatMap(([status, spec]) =>
    spec.schema && Number(status) < 400 ? [{ schema: spec.schema, io: 'output' as const }] : [],
  );
  return [...inputs, ...outputs];
}

function operation(id: string, e: Endpoint, schemas: RenderedSchemas): Operation {
  const parameters = parametersOf(id, e, schemas);
  return {
    operationId: id,
    summary: e.summary,
    description: authDescriptions[e.auth],
    tags: [e.tag],
    security: SECURITY[e.auth],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(e.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemas.schemaOf(e.body, 'input') } },
          },
        }
      : {}),
    responses: responsesOf(id, e, schemas),
  };
}

function parametersOf(id: string, e: Endpoint, schemas: RenderedSchemas): Parameter[] {
  const params: Parameter[] = [];
  const inPath = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const declared = e.params ? objectProperties(schemas.schemaOf(e.params, 'input')) : { properties: {}, required: [] };
  // The server routes on `path` and validates `params`; a name in one but not the other is a contract bug.
  if (inPath.join() !== Object.keys(declared.properties).join()) {
    throw new Error(`${id}: path ${e.path} and its params schema name different parameters`);
  }
  for (const [name, schema] of Object.entries(declared.properties))
    params.push({ name, in: 'path', required: true, schema });

  if (e.query) {
    const { properties, required } = objectProperties(schemas.schemaOf(e.query, 'input'));
    for (const [name, schema] of Object.entries(properties))
      params.push({ name, in: 'query', required: required.includes(name), schema });
  }
  if (e.idempotencyKey) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: e.idempotencyKey === 'required',
      description: 'A client-chosen key; repeating the call with the same key and body replays the first answer.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (id === 'getNotice') {
    params.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'An ETag from an earlier answer.',
      schema: stringSchema,
    });
  }
  if (e.tag === 'consents') {
    params.push({
      name: 'Sec-GPC',
      in: 'header',
      required: false,
      description: 'Global Privacy Control: `1` turns third-party sharing off and records an objection to telemetry.',
      schema: { type: 'string', enum: ['1'] },
    });
  }
  return params;
}

function responsesOf(id: string, e: Endpoint, schemas: RenderedSchemas): Record<string, Response> {
  const responses: Record<string, Response> = {};
  for (const [status, spec] of Object.entries(e.responses as Record<string, ResponseSpec>)) {
    responses[status] = declaredResponse(id, Number(status), spec, schemas);
  }
  for (const [status, reasons] of problemReasons(id, e)) {
    // A declared status keeps its own description; it only gains the problem body.
    responses[String(status)] ??= { description: describeReasons(reasons), content: problemContent };
  }
  // Integer-like keys iterate in ascending order, so the document lists statuses sorted whatever the insertion order.
  return responses;
}

function declaredResponse(id: string, status: number, spec: ResponseSpec, schemas: RenderedSchemas): Response {
  const response: Response = { description: spec.description };
  if (spec.headers) {
    response.headers = Object.fromEntries(
      spec.headers.map((name) => {
        const description = headerDescriptions[name];
        return [name, { ...(description ? { description } : {}), schema: stringSchema }];
      }),
    );
  }
  if (status >= 400) response.content = problemContent;
  else if (spec.schema) {
    response.content = {
      [spec.contentType ?? 'application/json']: { schema: schemas.schemaOf(spec.schema, 'output') },
    };
    if (id === 'requestExport') response.content['text/csv'] = { schema: stringSchema };
  }
  return response;
}
