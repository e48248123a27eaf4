import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '../../shared/contract/index.ts';
import { generateOpenApi, renderOpenApi, type Operation } from '../../server/openapi/generate.ts';

const doc = generateOpenApi();
const contract = Object.entries(endpoints as Record<string, Endpoint>);
const operations: Operation[] = Object.values(doc.paths).flatMap((item) => Object.values(item));
const operationOf = (e: Endpoint): Operation | undefined => doc.paths[e.path]?.[e.method];

describe('OpenAPI document', () => {
  it('the OpenAPI document is valid OpenAPI 3.1 (third-party validator)', async () => {
    const v = new Validator();
    // The validator's SpecData is a plain record; our typed document is one structurally.
    const res = await v.validate(JSON.parse(renderOpenApi(doc)) as Record<string, unknown>);
    expect(res.valid, JSON.stringify(res.errors)).toBe(true);
    expect(v.version).toBe('3.1');
  });

  it('every endpoint of the contract is in the document, with its method', () => {
    for (const [id, e] of contract) {
      const op = operationOf(e);
      expect(op, `${id}: ${e.method.toUpperCase()} ${e.path}`).toBeDefined();
      expect(op?.operationId).toBe(id);
    }
    expect(operations).toHaveLength(contract.length);
  });

  it('the committed server/openapi.json matches the contract', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../server/openapi.json', import.meta.url), 'utf8'));
    expect(committed, 'server/openapi.json is out of date: run npm run openapi').toEqual(JSON.parse(renderOpenApi()));
  });

  it('is deterministic and carries no $schema keys', () => {
    expect(renderOpenApi(generateOpenApi())).toBe(renderOpenApi(generateOpenApi()));
    expect(renderOpenApi(doc)).not.toContain('"$schema"');
  });

  it('every error response is problem+json', () => {
    let errors = 0;
    for (const op of operations) {
      expect(op.responses['500'], `${op.operationId} has no 500`).toBeDefined();
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        errors++;
        expect(response.content, `${op.operationId} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
    expect(errors).toBeGreaterThan(operations.length);
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'detail'] });
  });

  it('requests that need an idempotency key declare the header as required', () => {
    for (const [id, e] of contract) {
      const header = operationOf(e)?.parameters?.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      if (!e.idempotencyKey) expect(header, id).toBeUndefined();
      else expect(header?.required, id).toBe(e.idempotencyKey === 'required');
    }
    expect(operationOf(endpoints.createRequest)?.responses).toHaveProperty('400');
  });

  it('every operationId is unique', () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(endpoints).sort());
  });

  it('security and auth errors follow the auth kind', () => {
    for (const [id, e] of contract) {
      const op = operationOf(e);
      const needsToken = e.auth === 'subject' || e.auth === 'identity' || e.auth === 'admin';
      expect(op?.security, id).toEqual(needsToken ? [{ [e.auth === 'admin' ? 'admin' : 'bearer']: [] }] : []);
      if (needsToken) expect(op?.responses, id).toHaveProperty('401');
      expect(op?.responses['403'] !== undefined, id).toBe(e.auth === 'identity');
    }
  });

  it('path parameters are required and consent endpoints take Sec-GPC', () => {
    const getRequest = operationOf(endpoints.getRequest);
    expect(getRequest?.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(getRequest?.responses).toHaveProperty('404');
    for (const [id, e] of contract) {
      const gpc = operationOf(e)?.parameters?.find((p) => p.name === 'Sec-GPC');
      expect(gpc?.schema, id).toEqual(e.tag === 'consents' ? { type: 'string', enum: ['1'] } : undefined);
    }
  });
});
