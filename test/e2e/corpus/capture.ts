// Valid answers of every endpoint the widget calls, captured from the real server: the corpus mutates these.
import { client, hostToken, newKey, requestBodies } from '../../server/harness.ts';
import type { Captured, EndpointId } from './bad-responses.ts';
import type { Json } from './mutate.ts';

/** Calls each endpoint once as the host-app user `sub` (a visitor for the device token) and keeps the answers. */
export async function captureValidResponses(apiUrl: string, sub: string): Promise<Record<EndpointId, Captured>> {
  const api = client(apiUrl);
  const token = await hostToken(sub);
  const ok = async (
    label: string,
    response: Promise<{ status: number; body: unknown; text: string }>,
  ): Promise<Captured> => {
    const { status, body, text } = await response;
    if (status < 200 || status > 299) throw new Error(`capturing ${label}: ${status} ${text.slice(0, 200)}`);
    return { status, body: body as Json };
  };
  const notice = await ok('notice', api.get('/v1/notice?locale=en'));
  const noticeVersion = await ok('notice version', api.get('/v1/notice/version?locale=en'));
  const device = await ok('device', api.post('/v1/auth/device', {}));
  // Before any decision: an undecided state. The decision's answer then carries a state with sharing given.
  const consentsGet = await ok('consents', api.get('/v1/consents', { token }));
  const decision = {
    purpose: 'third_party_sharing',
    decision: 'grant',
    method: 'ui',
    control: 'toggle',
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion: (noticeVersion.body as { version: string }).version,
    locale: 'en',
  };
  const consentsPost = await ok(
    'decision',
    api.post('/v1/consents', decision, { token, headers: { 'idempotency-key': newKey() } }),
  );
  const requestsPost = await ok(
    'request',
    api.post('/v1/requests', requestBodies.access, { token, headers: { 'idempotency-key': newKey() } }),
  );
  const requestsGet = await ok('requests', api.get('/v1/requests', { token }));
  return { device, notice, noticeVersion, consentsGet, consentsPost, requestsGet, requestsPost };
}
