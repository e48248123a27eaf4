import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ConsentDecisionAck } from '../../../shared/contract/consent.ts';
import {
  ConsentDecisionAckCheck,
  DecisionPageCheck,
  NoticeResponseCheck,
  NoticeVersionCheck,
  RightsRequestCheck,
  RightsRequestListCheck,
} from '../../../shared/contract/answer-checks.ts';
import { DecisionPage, renderAnswerSchemas } from '../../../shared/contract/first-load-schemas.ts';
import { ANSWER_JSON_SCHEMAS } from '../../../shared/contract/answer-schemas.generated.ts';
import { NoticeResponse } from '../../../shared/contract/notice.ts';
import { NoticeVersion } from '../../../shared/contract/notice-version.ts';
import { RightsRequest, RightsRequestList } from '../../../shared/contract/requests.ts';
import { onlyEnforcedKeywords, type Schema } from '../../../shared/contract/schema-check.ts';
import { defaultNoticeDocuments } from '../../../shared/notice/default-notices.ts';
import { createRng, otherType, paths, update, type Json } from '../../e2e/corpus/mutate.ts';
import { MARKUP, ODD_TEXT, SCRIPT_URLS } from '../../e2e/corpus/payloads.ts';

// The widget checks every answer it reads with JSON Schema made from the contract's zod schemas (the panel carries
// no zod for it). These tests hold the two to one verdict, and one output, on valid answers and on a seeded corpus
// of hostile ones: wrong types, missing fields, markup and script URLs, blank text, broken rules of the notice.

const [notice] = await defaultNoticeDocuments();
const noticeResponse = { notice, requestedLocale: 'en', availableLocales: ['en', 'nl', 'fr', 'de'] };
const state = {
  subjectId: '6f1c1b1e-8c1a-4e8e-9a43-0d6f7f1c2a10',
  subjectKind: 'device',
  purposes: [
    {
      purpose: 'third_party_sharing',
      kind: 'consent',
      active: true,
      decided: true,
      byGpc: false,
      updatedAt: '2026-03-10T10:00:00.000Z',
      noticeVersion: '2026-01',
    },
  ],
  gpc: { signal: false, honored: false },
};
const record = {
  id: '0b6f5a8e-2f4c-4c2e-9a43-0d6f7f1c2a11',
  purpose: 'third_party_sharing',
  event: 'given',
  active: true,
  locale: 'en',
  noticeVersion: '2026-01',
  recordedAt: '2026-03-10T10:00:00.000Z',
};
const request = {
  id: '1b6f5a8e-2f4c-4c2e-9a43-0d6f7f1c2a12',
  type: 'erasure',
  status: 'completed',
  receivedAt: '2026-03-10T10:00:00.000Z',
  dueAt: '2026-04-10',
  originalDueAt: '2026-04-10',
  extensionReason: null,
  statusReason: null,
  updatedAt: '2026-03-11T10:00:00.000Z',
  completedAt: '2026-03-11T10:00:00.000Z',
  input: {
    type: 'erasure',
    scope: 'specific',
    details: 'My scans',
    confirmed: true,
    message: ' thanks ',
    locale: 'en',
    surface: { kind: 'widget', app: 'twikit_live' },
  },
  export: null,
  outcome: { erased: ['scans'], kept: [{ what: 'invoices', ground: 'legal obligation', until: '2033-01-01' }] },
  events: [{ from: null, to: 'received', actor: 'user', actorId: null, reason: null, at: '2026-03-10T10:00:00.000Z' }],
};
const objection = {
  ...request,
  type: 'objection',
  input: {
    type: 'objection',
    scope: 'legitimate-interest',
    processing: 'support',
    grounds: 'My situation',
    locale: 'nl',
    surface: { kind: 'extension' },
  },
};

const answers: Array<{ name: string; zod: z.core.$ZodType; check: Schema; good: Json[] }> = [
  { name: 'notice', zod: NoticeResponse, check: NoticeResponseCheck, good: [noticeResponse as Json] },
  {
    name: 'notice version',
    zod: NoticeVersion,
    check: NoticeVersionCheck,
    good: [
      {
        version: notice!.version,
        effectiveDate: notice!.effectiveDate,
        contentHash: notice!.contentHash,
        locale: 'en',
      },
    ],
  },
  { name: 'decision', zod: ConsentDecisionAck, check: ConsentDecisionAckCheck, good: [{ record, state }] },
  { name: 'page of decisions', zod: DecisionPage, check: DecisionPageCheck, good: [{ records: [record], next: null }] },
  { name: 'request', zod: RightsRequest, check: RightsRequestCheck, good: [request, objection] },
  {
    name: 'page of requests',
    zod: RightsRequestList,
    check: RightsRequestListCheck,
    good: [{ requests: [request, objection], next: 'cursor-1' }],
  },
];

/** A hostile change at one place of a valid answer: another type, gone, blank, markup, a script URL, a flipped flag. */
function mutate(rng: ReturnType<typeof createRng>, good: Json): Json {
  const places = paths(good);
  const { path, value } = rng.pick(places);
  const kind = rng.int(7);
  if (kind === 0) return update(good, path, () => otherType(rng, value));
  if (kind === 1) return update(good, path, () => undefined);
  if (kind === 2) return update(good, path, () => rng.pick(['', '   ', ' x ', '\tx\n']));
  if (kind === 3) return update(good, path, () => rng.pick([...MARKUP, ...ODD_TEXT]));
  if (kind === 4) return update(good, path, () => rng.pick(SCRIPT_URLS));
  if (kind === 5)
    return update(good, path, (old) => (typeof old === 'boolean' ? !old : old === 'consent' ? 'objection' : 'consent'));
  // a second copy of a list's item (ids once each), or of an object's field under another name
  return update(good, path, (old) => (Array.isArray(old) && old.length ? [...old, old[0]!] : old));
}

const verdict = async (check: Schema, value: unknown) => {
  const r = await check['~standard'].validate(value);
  return r.issues ? { ok: false } : { ok: true, value: r.value };
};
const zodVerdict = (zod: z.core.$ZodType, value: unknown) => {
  const r = z.safeParse(zod, value);
  return r.success ? { ok: true, value: r.data } : { ok: false };
};

describe('the answer checks (JSON Schema from the contract, with its rules)', () => {
  for (const { name, zod, check, good } of answers) {
    it(`accept a valid ${name} with the same output as zod`, async () => {
      for (const value of good) {
        const ours = await verdict(check, { ...(value as object), unexpected: '<script>' });
        expect(ours.ok, JSON.stringify(value).slice(0, 200)).toBe(true);
        expect(ours).toEqual(zodVerdict(zod, { ...(value as object), unexpected: '<script>' }));
      }
    });

    it(`give zod's verdict and output on 400 hostile ${name} answers`, async () => {
      const rng = createRng(16);
      let refused = 0;
      for (let i = 0; i < 400; i++) {
        const bad = mutate(rng, rng.pick(good));
        const expected = zodVerdict(zod, bad);
        expect(await verdict(check, bad), JSON.stringify(bad).slice(0, 300)).toEqual(expected);
        if (!expected.ok) refused++;
      }
      expect(refused).toBeGreaterThan(100); // the corpus is hostile, not a set of harmless edits
    });
  }

  it("enforce the notice's rules JSON Schema cannot say, with the functions zod runs", async () => {
    const purposes = notice!.purposes;
    const special = { ...purposes[0]!, specialCategory: true, acceptAll: true, justInTime: false };
    for (const broken of [
      { ...noticeResponse, notice: { ...notice, purposes: [special] } },
      { ...noticeResponse, notice: { ...notice, purposes: [purposes[0], purposes[0]] } },
      {
        ...noticeResponse,
        notice: {
          ...notice,
          complaint: {
            ...notice!.complaint,
            authority: { ...notice!.complaint.authority, websites: ['javascript:alert(1)'] },
          },
        },
      },
    ]) {
      expect(z.safeParse(NoticeResponse, broken).success).toBe(false);
      expect((await verdict(NoticeResponseCheck, broken)).ok).toBe(false);
    }
    // blank free text, once trimmed, is no text
    expect((await verdict(RightsRequestCheck, { ...request, input: { ...request.input, details: '  ' } })).ok).toBe(
      false,
    );
  });

  it('are made from the contract as it is now (else run `npx tsx shared/contract/first-load-schemas.ts`)', () => {
    const committed = readFileSync(
      new URL('../../../shared/contract/answer-schemas.generated.ts', import.meta.url),
      'utf8',
    );
    expect(committed, 'answer-schemas.generated.ts is stale').toBe(renderAnswerSchemas());
  });

  it('are made only from JSON Schemas whose every keyword they enforce', () => {
    for (const schema of Object.values(ANSWER_JSON_SCHEMAS)) expect(onlyEnforcedKeywords(schema)).toBe(true);
    expect(onlyEnforcedKeywords({ type: 'object', 'x-rules': ['noSuchRule'] })).toBe(false);
  });
});
