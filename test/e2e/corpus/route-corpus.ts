// Serves corpus entries to the real widget with Playwright request routing: while an answer is armed for an
// endpoint, every call to that endpoint gets it (a 401's retry included); all other calls reach the real server.
import type { Page, Route } from 'playwright-core';
import { ENDPOINTS, type EndpointId } from './bad-responses.ts';

/** What to answer: a corpus entry, or any answer of that shape (a 304, a steady 503). */
export interface Answer {
  endpoint: EndpointId;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Answer only after this long; `Infinity`: never (the route is held until `release`). */
  delayMs?: number;
}

export interface CorpusRoute {
  /** Answers `endpoint` with `answer` until disarmed; resolves once the first such call has been answered (or held). */
  arm(answer: Answer): Promise<void>;
  disarm(): void;
  /** Answers `endpoint` with `answer` for good (e.g. a notice that never loads), besides what is armed. */
  pin(answer: Answer): void;
  /** How many calls to `endpoint` were seen (armed, pinned or passed through). */
  calls(endpoint: EndpointId): number;
  /** Ends held (hanging) calls with a network error, so nothing is left open. */
  release(): Promise<void>;
}

const matches = (endpoint: EndpointId, method: string, pathname: string) =>
  ENDPOINTS[endpoint].method === method && ENDPOINTS[endpoint].path === pathname;

/** Routes `apiUrl`'s `/v1/` calls of `page`. Answers carry CORS headers, as the real server's do for this origin. */
export async function routeCorpus(page: Page, apiUrl: string): Promise<CorpusRoute> {
  let armed: { answer: Answer; served: () => void } | null = null;
  const pinned: Answer[] = [];
  const held: Route[] = [];
  const seen = new Map<EndpointId, number>();

  const fulfil = async (route: Route, answer: Answer, served?: () => void) => {
    if (answer.delayMs === Infinity) {
      held.push(route);
      return served?.();
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    const headers = {
      ...answer.headers,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': '*',
      'cache-control': 'no-store',
    };
    await route.fulfill({ status: answer.status, headers, body: answer.body }).catch(() => undefined); // the page may be gone
    served?.();
  };

  await page.route(`${apiUrl}/v1/**`, async (route) => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    const endpoint = (Object.keys(ENDPOINTS) as EndpointId[]).find((id) => matches(id, request.method(), pathname));
    if (endpoint) seen.set(endpoint, (seen.get(endpoint) ?? 0) + 1);
    const current = armed;
    if (current && endpoint === current.answer.endpoint) return fulfil(route, current.answer, current.served);
    const pin = pinned.find((p) => p.endpoint === endpoint);
    if (pin) return fulfil(route, pin);
    return route.continue().catch(() => undefined);
  });

  return {
    arm(answer) {
      const served = new Promise<void>((resolve, reject) => {
        let done = false;
        // A call that never comes is a finding of its own, not a test that hangs until vitest gives up.
        const timer = setTimeout(() => reject(new Error(`no call reached ${answer.endpoint} within 30 s`)), 30_000);
        armed = { answer, served: () => void (done || ((done = true), clearTimeout(timer), resolve())) };
      });
      served.catch(() => undefined); // still rejects for whoever awaits it; never an unhandled rejection
      return served;
    },
    disarm: () => void (armed = null),
    pin: (answer) => void pinned.push(answer),
    calls: (endpoint) => seen.get(endpoint) ?? 0,
    async release() {
      await Promise.all(held.splice(0).map((route) => route.abort().catch(() => undefined)));
    },
  };
}
