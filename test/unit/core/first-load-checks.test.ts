import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { SessionResult } from '../../../shared/contract/auth.ts';
import { ConsentState } from '../../../shared/contract/consent.ts';
import { ConsentStateCheck, ProblemCoreCheck, SessionResultCheck } from '../../../shared/contract/first-load.ts';
import { ProblemCore } from '../../../shared/contract/problem.ts';
import { FIRST_LOAD_JSON_SCHEMAS } from '../../../shared/contract/first-load-schemas.generated.ts';
import { renderFirstLoadSchemas } from '../../../shared/contract/first-load-schemas.ts';
import { checkJson, onlyEnforcedKeywords, type Schema } from '../../../shared/contract/schema-check.ts';

// The widget's first script checks API answers with JSON Schema made from the contract, not with zod. These
// tests hold the two to the same verdicts (and the same output) on good answers and on broken ones.

const purpose = {
  purpose: 'biometric_scans',
  kind: 'consent',
  active: true,
  decided: true,
  byGpc: false,
  updatedAt: '2026-03-10T10:00:00.000Z',
  noticeVersion: '2026-01',
};
const state = {
  subjectId: '6f1c1b1e-8c1a-4e8e-9a43-0d6f7f1c2a10',
  subjectKind: 'user',
  purposes: [
    purpose,
    {
      ...purpose,
      purpose: 'telemetry',
      kind: 'objection',
      active: false,
      decided: false,
      updatedAt: null,
      noticeVersion: null,
    },
  ],
  gpc: { signal: false, honored: false },
};
const problem = {
  type: 'https://privacy.twikit.com/problems/validation-failed',
  title: 'Invalid',
  detail: 'Fix it.',
  status: 422,
  errors: [{ pointer: '/body/type', reason: 'Required.' }],
};
const session = { token: 'tpd_abc', expiresAt: '2026-04-01T00:00:00Z', subjectId: state.subjectId, kind: 'device' };

const cases: Array<{
  name: string;
  zod: z.core.$ZodType;
  check: Schema;
  good: unknown;
  bad: Array<[string, unknown]>;
}> = [
  {
    name: 'consent state',
    zod: ConsentState,
    check: ConsentStateCheck,
    good: state,
    bad: [
      ['a purpose id that is not well formed', { ...state, purposes: [{ ...purpose, purpose: 'Marketing!' }] }],
      ['a missing field', { ...state, gpc: { signal: true } }],
      ['a subject id that is not a UUID', { ...state, subjectId: 'user-1' }],
      ['a time that is not RFC 3339 UTC', { ...state, purposes: [{ ...purpose, updatedAt: '10 March 2026' }] }],
      ['a string where a boolean belongs', { ...state, purposes: [{ ...purpose, active: 'true' }] }],
      ['null where a value is required', { ...state, subjectKind: null }],
      ['an object where an array belongs', { ...state, purposes: { 0: purpose } }],
      ['no object at all', 'ok'],
      ['nothing', undefined],
    ],
  },
  {
    name: 'problem',
    zod: ProblemCore,
    check: ProblemCoreCheck,
    good: problem,
    bad: [
      ['no detail', { ...problem, detail: undefined }],
      ['field errors that are not objects', { ...problem, errors: ['type'] }],
      ['a number as the title', { ...problem, title: 422 }],
    ],
  },
  {
    name: 'device session',
    zod: SessionResult,
    check: SessionResultCheck,
    good: session,
    bad: [
      ['a kind that does not exist', { ...session, kind: 'admin' }],
      ['an expiry with a local offset', { ...session, expiresAt: '2026-04-01T00:00:00+02:00' }],
      ['no token', { ...session, token: undefined }],
    ],
  },
];

describe('the first-load checks (JSON Schema from the contract)', () => {
  for (const { name, zod, check, good, bad } of cases) {
    it(`accept a good ${name} with the same output as zod: unknown fields dropped`, async () => {
      const withExtra = { ...(good as object), unexpected: '<script>' };
      const result = await check['~standard'].validate(withExtra);
      expect(result.issues).toBeUndefined();
      expect(result).toEqual({ value: z.parse(zod, withExtra) });
      expect(result.issues ? null : result.value).not.toHaveProperty('unexpected');
    });

    for (const [what, value] of bad) {
      it(`refuse a ${name} with ${what}, as zod does`, async () => {
        expect(z.safeParse(zod, value).success).toBe(false);
        const result = await check['~standard'].validate(value);
        expect(result.issues?.length).toBe(1);
      });
    }
  }

  it('say where an answer breaks the contract', async () => {
    const result = await ConsentStateCheck['~standard'].validate({
      ...state,
      purposes: [purpose, { ...purpose, byGpc: 1 }],
    });
    expect(result.issues?.[0]?.path).toEqual(['purposes', 1, 'byGpc']);
  });

  it('are made from the contract as it is now (else run `npx tsx shared/contract/first-load-schemas.ts`)', () => {
    const committed = readFileSync(
      new URL('../../../shared/contract/first-load-schemas.generated.ts', import.meta.url),
      'utf8',
    );
    expect(
      committed,
      'first-load-schemas.generated.ts is stale: run `npx tsx shared/contract/first-load-schemas.ts`',
    ).toBe(renderFirstLoadSchemas());
  });

  it('are made only from JSON Schemas whose every keyword they enforce', () => {
    for (const schema of Object.values(FIRST_LOAD_JSON_SCHEMAS)) expect(onlyEnforcedKeywords(schema)).toBe(true);
    expect(onlyEnforcedKeywords({ type: 'object', additionalProperties: false })).toBe(false);
    expect(onlyEnforcedKeywords({ type: 'object', properties: { a: { anyOf: [{ not: {} }] } } })).toBe(false);
    expect(onlyEnforcedKeywords({ type: 'string', minLength: 1, enum: [{ not: 1 }] })).toBe(true);
    // a format is only a name: without its pattern (e.g. a URL limited to http and https) it would check nothing
    expect(onlyEnforcedKeywords(z.toJSONSchema(z.url({ protocol: /^https?$/ })))).toBe(false);
    expect(onlyEnforcedKeywords({ type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$' })).toBe(true);
  });

  it('check oneOf as exactly one, const, numbers and lengths', async () => {
    const check = checkJson<unknown>({
      oneOf: [
        {
          type: 'object',
          properties: { kind: { const: 'a' }, n: { type: 'integer', minimum: 1, maximum: 2 } },
          required: ['kind', 'n'],
        },
        {
          type: 'object',
          properties: { kind: { const: 'b' }, s: { type: 'string', minLength: 1, maxLength: 3 } },
          required: ['kind', 's'],
        },
      ],
    });
    const ok = async (v: unknown) => !(await check['~standard'].validate(v)).issues;
    expect(await ok({ kind: 'a', n: 2 })).toBe(true);
    expect(await ok({ kind: 'a', n: 2.5 })).toBe(false);
    expect(await ok({ kind: 'a', n: 3 })).toBe(false);
    expect(await ok({ kind: 'b', s: 'abc' })).toBe(true);
    expect(await ok({ kind: 'b', s: '' })).toBe(false);
    expect(await ok({ kind: 'b', s: 'abcd' })).toBe(false);
    expect(await ok({ kind: 'c', s: 'a' })).toBe(false);
  });
});
