// The extension's sign-in by e-mail code and its session, as signals. The token lives in extension storage
// only; the popup's core reads it through `source`, and a refusal by the server marks the session expired
// (the person is asked to sign in again, and nothing on screen is thrown away).
import { signal, type Signal } from '@preact/signals-core';
import { authApi } from '../shared/api/auth-api.ts';
import { createTransport } from '../shared/api/transport.ts';
import type { Locale, Region } from '../shared/contract/common.ts';
import type { SessionSource } from '../shared/models/identity.ts';
import type { CodeSent, SignInSteps } from '../shared/ui/SignIn.tsx';
import { clearLocalData, clearSession, onStoredChange, writeStored, type StoredSession } from './settings.ts';

export type { CodeSent };

export interface SessionModel extends SignInSteps {
  session: Signal<StoredSession | null>;
  /** The server refused the session (expired or revoked): sign in again. */
  expired: Signal<boolean>;
  source: SessionSource;
  sendCode(email: string, locale: Locale): Promise<CodeSent>;
  verify(email: string, code: string): Promise<StoredSession>;
  signOut(options: { clearLocal: boolean }): Promise<void>;
  dispose(): void;
}

export function createSessionModel(options: {
  apiBase: string;
  region: Region;
  initial: StoredSession | null;
  fetch?: typeof fetch;
}): SessionModel {
  const session = signal(options.initial);
  // Expiry is the server's call (its 401), not this device's clock, which may be wrong.
  const expired = signal(false);
  const api = authApi(
    createTransport({
      baseUrl: options.apiBase,
      token: async () => session.value?.token ?? null,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  );
  // Another popup or the options page signed in or out.
  const stop = onStoredChange((changed) => {
    if (!('session' in changed)) return;
    session.value = changed.session ?? null;
    if (changed.session) expired.value = false;
  });

  return {
    session,
    expired,
    source: {
      async token({ rejected }) {
        const current = session.value;
        if (!current) return null;
        if (rejected) {
          expired.value = true;
          return null;
        }
        return current.token;
      },
      subject: () => session.value?.subjectId ?? null,
    },
    async sendCode(email, locale) {
      const result = await api.emailStart(email, locale);
      return { email, expiresAt: result.expiresAt, attemptsAllowed: result.attemptsAllowed };
    },
    async verify(email, code) {
      const result = await api.emailVerify(email, code, options.region);
      const stored: StoredSession = {
        token: result.token,
        email,
        subjectId: result.subjectId,
        expiresAt: result.expiresAt,
      };
      // Signing in as someone else: the poll's memory was about the other person.
      if (session.value && session.value.subjectId !== stored.subjectId) await clearSession();
      await writeStored({ session: stored });
      session.value = stored;
      expired.value = false;
      return stored;
    },
    async signOut({ clearLocal }) {
      // Revoke on the server when it can be reached; signing out on this device never waits on it.
      if (session.value && !expired.value) await api.signOut().catch(() => undefined);
      if (clearLocal) await clearLocalData();
      else await clearSession();
      session.value = null;
      expired.value = false;
    },
    dispose: stop,
  };
}
