import { request } from 'node:http';

/** A small seeded PRNG (mulberry32): the same seed replays the same fuzz run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, pick, shuffle };
}

export type Random = ReturnType<typeof seededRandom>;

/**
 * Spellings of one path a router or a proxy might treat as the same resource, or not: each must
 * either reach the very same owner check or miss every route. `id` (when the path has one) is
 * varied too, since a lookup could be case- or encoding-sensitive where the owner check is not.
 */
export const PATH_VARIANTS = {
  exact: (path: string) => path,
  'trailing slash': (path: string) => `${path}/`,
  'upper-case segment': (path: string) => path.replace(/^\/([^/]+)/, (_, s: string) => `/${s.toUpperCase()}`),
  'encoded letter': (path: string) => path.replace(/^\/(.)/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
  'dot-dot segment': (path: string) => path.replace(/\/([^/]+)$/, '/x/../$1'),
  'encoded dot-dot': (path: string) => path.replace(/\/([^/]+)$/, '/x/%2e%2e/$1'),
  'dot segment': (path: string) => path.replace(/\/([^/]+)$/, '/./$1'),
  'double slash': (path: string) => path.replace(/\/([^/]+)$/, '//$1'),
  'encoded slash': (path: string) => path.replace(/\/([^/]+)$/, '%2F$1'),
  'smuggled query': (path: string) => `${path}?subjectId=00000000-0000-4000-8000-000000000000&id=../admin`,
} as const satisfies Record<string, (path: string) => string>;

export const ID_VARIANTS = {
  exact: (id: string) => id,
  'upper case': (id: string) => id.toUpperCase(),
  'encoded hyphens': (id: string) => id.replaceAll('-', '%2D'),
  'with a suffix': (id: string) => `${id}%00`,
} as const satisfies Record<string, (id: string) => string>;

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP call with the path sent byte for byte: `fetch` would resolve `..` and `%2e` itself, so the
 * server would never see them.
 */
export function rawCall(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port: Number(port),
        method,
        path,
        headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The answer's text with echoes of what the caller sent (the id in the path, `instance`) taken out. */
export function scrub(res: RawResponse, sentId: string | null): string {
  const text = res.text.replace(/"instance":"[^"]*"/, '');
  return sentId ? text.replace(new RegExp(sentId, 'gi'), '<sent id>') : text;
}

/** What a problem answer says, with ids masked, for comparing two answers: its type and detail. */
export function problemShape(res: RawResponse): string {
  if (res.text === '') return '(empty)'; // HEAD
  if (!String(res.headers['content-type'] ?? '').includes('problem+json')) return '(not a problem)';
  const problem = JSON.parse(res.text) as { type: string; detail: string };
  const detail = problem.detail.replace(
    /[0-9a-f]{8}(-|%2D)[0-9a-f]{4}\1[0-9a-f]{4}\1[0-9a-f]{4}\1[0-9a-f]{12}/gi,
    '<id>',
  );
  return `${problem.type} "${detail}"`;
}
