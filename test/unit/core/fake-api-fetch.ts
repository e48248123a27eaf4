// A rights API answered in this process, as a `fetch`: enough for a core to start (the consent state, the notice,
// the requests), with every call recorded with its signal, and a switch to go offline or to hold answers.
import type { ConsentState } from '../../../shared/contract/consent.ts';
import type { NoticeDocument } from '../../../shared/contract/notice.ts';
import { defaultNoticeEn, withContentHash } from '../../../shared/notice/index.ts';

export const API_BASE = 'https://privacy.test';
/** A host token whose `sub` is `u`: the core keys this person's data as `host:u`. */
export const HOST_TOKEN = `h.${btoa(JSON.stringify({ sub: 'u' })).replace(/=+$/, '')}.s`;
export const SUBJECT = 'host:u';

export interface FakeApi {
  fetch: typeof fetch;
  /** `hang`: answers never come, until the call's signal aborts. */
  mode: 'online' | 'offline' | 'hang';
  calls: Array<{ method: string; path: string; signal: AbortSignal | undefined }>;
  state: ConsentState;
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

export async function fakeApi(): Promise<FakeApi> {
  const notice: NoticeDocument = await withContentHash(defaultNoticeEn);
  const api: FakeApi = {
    mode: 'online',
    calls: [],
    state: {
      subjectId: '0b6f1c1e-6a43-4c55-9a3c-3f1c2b7d9e10',
      subjectKind: 'user',
      purposes: notice.purposes.map((p) => ({
        purpose: p.id,
        kind: p.kind,
        active: false,
        decided: true,
        byGpc: false,
        updatedAt: null,
        noticeVersion: null,
      })),
      gpc: { signal: false, honored: false },
    },
    async fetch(input, init) {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const method = init?.method ?? 'GET';
      const signal = init?.signal ?? undefined;
      api.calls.push({ method, path: url.pathname, signal });
      if (api.mode === 'offline') throw new TypeError('fetch failed');
      if (api.mode === 'hang')
        return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      if (method === 'GET' && url.pathname === '/v1/consents') return json(api.state);
      if (method === 'GET' && url.pathname === '/v1/notice')
        return json({ notice, requestedLocale: 'en', availableLocales: ['en'] });
      if (method === 'GET' && url.pathname === '/v1/requests') return json({ requests: [], next: null });
      return new Response(null, { status: 404 });
    },
  };
  return api;
}

/** `state` with one purpose switched. */
export const withActive = (state: ConsentState, purpose: string, active: boolean): ConsentState => ({
  ...state,
  purposes: state.purposes.map((p) => (p.purpose === purpose ? { ...p, active } : p)),
});

/** Lets the other side of a BroadcastChannel (delivered as tasks, not microtasks) and pending promises run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
