import { describe, expect, it } from 'vitest';
import { isApiError } from '../../../shared/api/api-error.ts';
import { createIdentity } from '../../../shared/models/identity.ts';
import { memoryCache } from '../../../shared/storage/cache.ts';

/** A fetch that answers every call with `status` and a problem body, counting the calls. */
function answering(status: number) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Refused', status }), {
      status,
      headers: { 'content-type': 'application/problem+json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('a visitor whose device token is refused', () => {
  it('gets the refusal (a 4xx is final), not a missing token that would turn every decision into a retried 401', async () => {
    const server = answering(422);
    const identity = createIdentity({
      apiBase: 'https://api.example',
      cache: memoryCache(),
      region: 'eu' as never,
      fetch: server.fetch,
    });
    const refused = await identity.token(false).catch((error: unknown) => error);
    expect(isApiError(refused) && refused.kind).toBe('invalid-input');
    expect(isApiError(refused) && refused.retryable).toBe(false);
    expect(server.calls).toHaveLength(1);
  });

  it('still goes on without a token when the service is down (that may pass: what the person does waits)', async () => {
    const server = answering(503);
    const identity = createIdentity({ apiBase: 'https://api.example', cache: memoryCache(), fetch: server.fetch });
    expect(await identity.token(false)).toBeNull();
  });
});
