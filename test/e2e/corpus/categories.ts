// The mutation recipes of the corpus, one per category of bad answer: each takes a valid body and the seeded
// randomness and makes one answer (what changed, and optionally a status, headers or a delay).
import type { EndpointId } from './bad-responses.ts';
import { otherType, paths, update, dot, type Json, type Path, type Rng } from './mutate.ts';
import { brokenJson, ERROR_PAGE, huge, MARKUP, ODD_TEXT, SCRIPT_URLS, XML_BODY } from './payloads.ts';

export type Category =
  | 'wrong-type'
  | 'missing-field'
  | 'extra-field'
  | 'prototype-keys'
  | 'huge-string'
  | 'markup'
  | 'script-url'
  | 'odd-unicode'
  | 'content-type'
  | 'truncated'
  | 'invalid-json'
  | 'status'
  | 'problem'
  | 'slow'
  | 'hanging';

export const JSON_TYPE = 'application/json';

export type Made = { what: string; status?: number; headers?: Record<string, string>; body: string; delayMs?: number };
export type Maker = (rng: Rng, base: Json, endpoint: EndpointId) => Made;

const stringPaths = (base: Json) => paths(base).filter((p) => typeof p.value === 'string');
const objectPaths = (base: Json) =>
  paths(base).filter((p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value));
const linkish = (p: { path: Path; value: Json }) =>
  /email|href|websites|url/i.test(p.path.join('.')) || /^https?:|@/.test(String(p.value));
export const text = (v: Json): string => JSON.stringify(v);
const at = (path: Path) => `at ${dot(path)}`;

/** Puts `value` at a random string (preferring `prefer`) of `base`, or in a new key when there is none. */
function inString(rng: Rng, base: Json, value: string, prefer?: (p: { path: Path; value: Json }) => boolean): Made {
  const all = stringPaths(base);
  const preferred = prefer ? all.filter(prefer) : [];
  const spot = rng.pick(
    preferred.length && rng.chance(0.8) ? preferred : all.length ? all : [{ path: ['extra'], value: '' as Json }],
  );
  return { what: at(spot.path), body: text(update(base, spot.path, () => value)) };
}

const problem = (status: number, detail: Json, extra: Record<string, Json> = {}) =>
  text({ type: 'https://privacy.twikit.com/problems/internal', title: 'Problem', status, detail, ...extra });

/** How many answers of each category every endpoint gets, and how each is made. */
export const MAKERS: Record<Exclude<Category, 'slow' | 'hanging'>, { count: number; make: Maker }> = {
  'wrong-type': {
    count: 24,
    make(rng, base) {
      const spot = rng.pick(paths(base));
      return { what: at(spot.path), body: text(update(base, spot.path, (old) => otherType(rng, old))) };
    },
  },
  'missing-field': {
    count: 18,
    make(rng, base) {
      const spot = rng.pick(paths(base).filter((p) => p.path.length > 0));
      return { what: at(spot.path), body: text(update(base, spot.path, () => undefined)) };
    },
  },
  'extra-field': {
    count: 14,
    make(rng, base) {
      const spot = rng.pick(objectPaths(base));
      const key = rng.pick([
        'extra',
        'isAdmin',
        'html',
        'onclick',
        'style',
        'dangerouslySetInnerHTML',
        'x'.repeat(10_000),
        '',
      ]);
      const value = rng.pick<Json>([
        true,
        1,
        'surprise',
        MARKUP[rng.int(MARKUP.length)]!,
        { __html: MARKUP[0]! },
        [1, 2, 3],
        null,
      ]);
      return {
        what: `key ${JSON.stringify(key.slice(0, 24))} ${at(spot.path)}`,
        body: text(update(base, spot.path, (old) => ({ ...(old as object), [key]: value }))),
      };
    },
  },
  'prototype-keys': {
    count: 6,
    make(rng, base) {
      // Written as text: an object literal with a `__proto__` key would set the prototype instead of a key.
      const spot = rng.pick(objectPaths(base));
      const payload = rng.pick([
        `"__proto__":{"polluted":"yes","hidden":true,"dangerouslySetInnerHTML":{"__html":${text(MARKUP[0]!)}}}`,
        `"constructor":{"prototype":{"polluted":"yes","inert":true}}`,
        `"__proto__":{"__proto__":{"polluted":"yes"}},"prototype":{"polluted":"yes"}`,
      ]);
      const marked = text(update(base, spot.path, (old) => ({ __corpus__: 0, ...(old as object) })));
      return { what: at(spot.path), body: marked.replace('"__corpus__":0', payload) };
    },
  },
  'huge-string': {
    count: 4,
    make(rng, base) {
      const value = huge(rng.pick([1, 2]) * 1_000_000, rng.chance(0.5) ? MARKUP[rng.int(MARKUP.length)]! : '');
      return inString(rng, base, value);
    },
  },
  markup: {
    count: 20,
    make: (rng, base) => inString(rng, base, rng.pick(MARKUP)),
  },
  'script-url': {
    count: 10,
    make: (rng, base) => inString(rng, base, rng.pick(SCRIPT_URLS), linkish),
  },
  'odd-unicode': {
    count: 6,
    make: (rng, base) => inString(rng, base, rng.pick(ODD_TEXT)),
  },
  'content-type': {
    count: 10,
    make(rng, base) {
      const [type, body] = rng.pick<[string, string]>([
        ['text/html; charset=utf-8', text(base)],
        ['text/plain', text(base)],
        ['application/octet-stream', text(base)],
        ['image/png', text(base)],
        ['application/json; charset=utf-16', text(base)],
        ['text/html; charset=utf-8', ERROR_PAGE],
        [JSON_TYPE, ERROR_PAGE],
        ['application/xml', XML_BODY],
        ['text/plain', 'OK'],
        ['application/javascript', `${text(base)};window.__pwned=true`],
      ]);
      return {
        what: `${type} with ${body.startsWith('{') ? 'the JSON' : JSON.stringify(body.slice(0, 20))}`,
        headers: { 'content-type': type },
        body,
      };
    },
  },
  truncated: {
    count: 10,
    make(rng, base) {
      const full = text(base);
      const cut = 1 + rng.int(full.length - 1);
      return { what: `after ${cut} of ${full.length} characters`, body: full.slice(0, cut) };
    },
  },
  'invalid-json': {
    count: 10,
    make(rng, base) {
      const body = rng.pick(brokenJson(text(base)));
      return { what: JSON.stringify(body.slice(0, 24)), body };
    },
  },
  status: {
    count: 12,
    make(rng, base, endpoint) {
      const status = rng.pick([
        201, 202, 203, 204, 206, 300, 302, 304, 307, 400, 401, 403, 404, 405, 409, 410, 418, 422, 429, 451, 500, 501,
        502, 503, 504, 599,
      ]);
      if (endpoint === 'notice' && status === 304)
        return { what: '304 (not modified is valid for the notice): 503 instead', status: 503, body: '' };
      // No body with 204 / 205, as over real HTTP (routing could deliver one anyway).
      const body = status === 204 ? '' : rng.pick([text(base), '', ERROR_PAGE, problem(status, 'Something happened')]);
      return {
        what: `${status} with ${body === '' ? 'no body' : body.startsWith('<') ? 'an HTML page' : 'JSON'}`,
        status,
        body,
      };
    },
  },
  problem: {
    count: 10,
    make(rng) {
      const status = rng.pick([400, 401, 403, 404, 409, 422, 429, 500, 503]);
      const detail = rng.pick<Json>([
        MARKUP[rng.int(MARKUP.length)]!,
        huge(200_000),
        SCRIPT_URLS[0]!,
        42,
        null,
        { html: MARKUP[0]! },
      ]);
      const extra = rng.pick<Record<string, Json>>([
        {},
        {
          errors: [
            { pointer: '/body/message', reason: MARKUP[1]! },
            { pointer: MARKUP[0]!, reason: 'x' },
          ],
        },
        { type: SCRIPT_URLS[0]!, title: MARKUP[2]! },
        { errors: 'not a list' },
        { instance: SCRIPT_URLS[5]!, retryAfterSeconds: -1 },
      ]);
      return {
        what: `${status} problem+json`,
        status,
        headers: { 'content-type': 'application/problem+json' },
        body: problem(status, detail, extra),
      };
    },
  },
};
