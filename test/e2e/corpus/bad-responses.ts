// The bad-response corpus: at least 1,000 answers the widget must survive, made by mutating valid answers
// captured from the real server (capture.ts), seeded so the same seed always makes the same mutations.
// Each entry says whether it still fits the contract (`valid`: the widget may keep it) or not (it must refuse it).
import * as z from 'zod/mini';
import { SessionResult } from '../../../shared/contract/auth.ts';
import { ConsentDecisionAck, ConsentState } from '../../../shared/contract/consent.ts';
import { NoticeVersion } from '../../../shared/contract/notice-version.ts';
import { NoticeResponse } from '../../../shared/contract/notice.ts';
import { RightsRequest, RightsRequestList } from '../../../shared/contract/requests.ts';
import { JSON_TYPE, MAKERS, text, type Category, type Made, type Maker } from './categories.ts';
import { clone, createRng, type Json, type Rng } from './mutate.ts';

/** The calls the widget makes, with the contract its answers must fit. */
export const ENDPOINTS = {
  device: { method: 'POST', path: '/v1/auth/device', schema: SessionResult },
  notice: { method: 'GET', path: '/v1/notice', schema: NoticeResponse },
  noticeVersion: { method: 'GET', path: '/v1/notice/version', schema: NoticeVersion },
  consentsGet: { method: 'GET', path: '/v1/consents', schema: ConsentState },
  consentsPost: { method: 'POST', path: '/v1/consents', schema: ConsentDecisionAck },
  requestsGet: { method: 'GET', path: '/v1/requests', schema: RightsRequestList },
  requestsPost: { method: 'POST', path: '/v1/requests', schema: RightsRequest },
} as const satisfies Record<string, { method: string; path: string; schema: z.core.$ZodType }>;
export type EndpointId = keyof typeof ENDPOINTS;

/** A valid answer as the real server gave it. */
export interface Captured {
  status: number;
  body: Json;
}

export type { Category } from './categories.ts';

export interface BadResponse {
  /** `notice#17 markup at notice.controller.name`: enough to find the case again. */
  id: string;
  endpoint: EndpointId;
  category: Category;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Answer only after this long (slow), or never (`Infinity`: hanging; the transport's timeout must end it). */
  delayMs?: number;
  /** Fits the contract after all (only extra keys, markup in free text, a 201 for a 200): the widget may keep it. */
  valid: boolean;
  /** When valid: what the contract makes of it (unknown keys dropped): what the widget may show and store. */
  parsed?: unknown;
}

/**
 * Would the widget's transport accept this answer? Only 2xx with a JSON body (a leading BOM is dropped, as
 * `Response.json()` does) that the endpoint's contract accepts; a 304 is the notice's "not modified".
 */
export function classify(endpoint: EndpointId, status: number, body: string): { valid: boolean; parsed?: unknown } {
  if (endpoint === 'notice' && status === 304) return { valid: true };
  if (status < 200 || status > 299 || status === 204 || status === 205) return { valid: false };
  let json: unknown;
  try {
    json = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch {
    return { valid: false };
  }
  const result = z.safeParse(ENDPOINTS[endpoint].schema as z.core.$ZodType, json);
  return result.success ? { valid: true, parsed: result.data } : { valid: false };
}

/** Every entry for one endpoint, from its captured valid answer. */
function forEndpoint(endpoint: EndpointId, captured: Captured, rng: Rng): BadResponse[] {
  const out: BadResponse[] = [];
  const add = (category: Category, made: Made) => {
    const status = made.status ?? captured.status;
    const headers = { 'content-type': JSON_TYPE, ...made.headers };
    out.push({
      id: `${endpoint}#${out.length} ${category} ${made.what}`,
      endpoint,
      category,
      status,
      headers,
      body: made.body,
      ...(made.delayMs !== undefined ? { delayMs: made.delayMs } : {}),
      ...classify(endpoint, status, made.body),
    });
  };
  for (const [category, { count, make }] of Object.entries(MAKERS) as Array<
    [Category, { count: number; make: Maker }]
  >) {
    for (let i = 0; i < count; i++) add(category, make(rng, clone(captured.body), endpoint));
  }
  add('slow', { what: 'valid, after 1.5 s', body: text(captured.body), delayMs: 1_500 });
  const late = MAKERS.markup.make(rng, clone(captured.body), endpoint);
  add('slow', { ...late, what: `markup ${late.what}, after 1 s`, delayMs: 1_000 });
  return out;
}

/** The whole corpus: every endpoint's mutations (seeded), in a stable order. */
export function generateCorpus(captured: Record<EndpointId, Captured>, seed = 0x7e1e7): BadResponse[] {
  const rng = createRng(seed);
  return (Object.keys(ENDPOINTS) as EndpointId[]).flatMap((endpoint) => forEndpoint(endpoint, captured[endpoint], rng));
}

/** Answers that never come: the transport's own timeout has to end the wait. */
export function hangingResponses(endpoints: readonly EndpointId[]): BadResponse[] {
  return endpoints.map((endpoint) => ({
    id: `${endpoint} hanging`,
    endpoint,
    category: 'hanging',
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: '',
    delayMs: Infinity,
    valid: false,
  }));
}
