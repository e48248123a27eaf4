import type { Region } from '../contract/common.ts';
import { isApiError } from '../api/api-error.ts';
import * as routes from '../api/routes.ts';
import { createTransport } from '../api/transport.ts';
import { SessionResultCheck } from '../contract/first-load.ts';
import type { Cache } from '../storage/cache.ts';

/** What a host page hands over: its user's token, fresh when asked. Null = no signed-in user (a visitor). */
export type HostTokenCallback = (options: { forceRefresh: boolean }) => Promise<string | null> | string | null;

export interface Identity {
  /** The bearer for API calls: the host's token when it has one, else this device's pseudonymous token. */
  token(forceRefresh: boolean): Promise<string | null>;
  /** A stable key for this person's cached data (`host:<sub>`, `session:<id>`, `device`). */
  subjectKey(): Promise<string>;
  /** The kind of the current bearer, once known. */
  kind(): 'host' | 'session' | 'device' | 'none';
}

/** A token an Authorization header can carry (RFC 6750 `b64token`, bounded in length). */
const usableBearer = (token: unknown): token is string =>
  typeof token === 'string' && token.length <= 4096 && /^[A-Za-z0-9\-._~+/]+=*$/.test(token);

/** Reads `sub` from a JWT without verifying it: only used to key this device's cache, never to trust anything. */
export function jwtSubject(token: string): string | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof json.sub === 'string' ? json.sub : null;
  } catch {
    return null;
  }
}

/**
 * A signed-in session kept by the surface (the extension's e-mail sign-in). When a surface has one, there is
 * no device-token fallback: a signed-out person is signed out, not a pseudonymous visitor.
 */
export interface SessionSource {
  /** The bearer, or null when signed out. `rejected`: the server just refused it (expired or revoked). */
  token(options: { rejected: boolean }): Promise<string | null>;
  /** The signed-in person's subject id, so their cached state and drafts outlive one session token. */
  subject(): string | null;
}

/** The cache key of the last person seen on this device for an API: absent on a device that has seen no one. */
export const lastSubjectKey = (apiBase: string): string => `${apiBase}|last-subject`;

export interface IdentityOptions {
  apiBase: string;
  cache: Cache;
  region?: Region | undefined;
  hostToken?: HostTokenCallback | undefined;
  /** An e-mail session (the extension), used instead of a device token. */
  session?: SessionSource | undefined;
  fetch?: typeof fetch;
  /** Aborts the device-token call on teardown. */
  signal?: AbortSignal;
}

/** The identity: host token first, then a session (no device fallback then), else a device token created once and cached. */
export function createIdentity(options: IdentityOptions): Identity {
  const deviceKey = `${options.apiBase}|device-token`;
  const lastSubject = lastSubjectKey(options.apiBase);
  const bare = createTransport({
    baseUrl: options.apiBase,
    token: async () => null,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const deviceToken = async () =>
    (
      await bare.call(routes.deviceSession, {
        schema: SessionResultCheck,
        body: options.region ? { region: options.region } : {},
        auth: false,
      })
    ).data;
  let hostToken: string | null = null;
  let current: 'host' | 'session' | 'device' | 'none' = 'none';
  let pendingDevice: Promise<string | null> | null = null;

  async function fromHost(forceRefresh: boolean): Promise<string | null> {
    if (!options.hostToken) return null;
    if (hostToken && !forceRefresh) return hostToken;
    try {
      hostToken = (await options.hostToken({ forceRefresh })) ?? null;
    } catch {
      hostToken = null; // the host's callback failed: carry on as a visitor rather than break
    }
    return hostToken;
  }

  async function device(forceRefresh: boolean): Promise<string | null> {
    if (!forceRefresh) {
      const cached = await options.cache.get<string>(deviceKey);
      if (usableBearer(cached)) return cached;
    }
    pendingDevice ??= deviceToken()
      .then(async (result) => {
        // The contract only says "a string": one no header can carry would fail every later call, and stay cached.
        if (!usableBearer(result.token)) return null;
        await options.cache.set(deviceKey, result.token);
        return result.token;
      })
      .catch((error: unknown) => {
        // The server refused a new device id for a rate limit: that is the reason to give (a decision then waits
        // in the outbox, and the person is told the service is busy), not the 401 of going on without a token.
        // Refused for good (a 4xx: e.g. a region the API does not know): that too, so the decision is refused
        // and said to have failed, instead of a 401 the outbox would retry forever as "saved on this device".
        if (isApiError(error) && (error.kind === 'rate-limited' || !error.retryable)) throw error;
        return null;
      })
      .finally(() => void (pendingDevice = null));
    return pendingDevice;
  }

  const identity: Identity = {
    async token(forceRefresh) {
      const host = await fromHost(forceRefresh);
      if (host) {
        current = 'host';
        return host;
      }
      if (options.session) {
        const session = await options.session.token({ rejected: forceRefresh });
        current = session ? 'session' : 'none';
        return session;
      }
      const token = await device(forceRefresh);
      current = token ? 'device' : 'none';
      return token;
    },
    async subjectKey() {
      const token = await identity.token(false).catch(() => null);
      let key: string | null = null;
      if (token && current === 'host') key = `host:${jwtSubject(token) ?? 'unknown'}`;
      else if (token && current === 'session') key = `session:${options.session?.subject() ?? token.slice(-12)}`;
      else if (token) key = 'device';
      if (key) {
        await options.cache.set(lastSubject, key);
        return key;
      }
      // Offline and no token: the last person seen on this device, so their cached state still shows.
      return (await options.cache.get<string>(lastSubject)) ?? 'device';
    },
    kind: () => current,
  };
  return identity;
}
