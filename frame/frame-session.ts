// The frame's e-mail session. Its token lives only here, on the rights API's origin (R68): in memory and in this
// origin's sessionStorage (partitioned by the top-level site, gone with the tab), never in a message to the page.
import { signal, type Signal } from '@preact/signals-core';
import { authApi } from '../shared/api/auth-api.ts';
import { createTransport } from '../shared/api/transport.ts';
import type { Region } from '../shared/contract/common.ts';
import type { SessionSource } from '../shared/models/identity.ts';
import type { SignInSteps } from '../shared/ui/SignIn.tsx';

export interface FrameSession {
  token: string;
  email: string;
  subjectId: string;
}

export interface FrameSessionModel extends SignInSteps {
  current: Signal<FrameSession | null>;
  source: SessionSource;
  signOut(): Promise<void>;
}

const KEY = 'twikit-frame-session';

function readStored(): FrameSession | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<FrameSession> | null;
    return value &&
      typeof value.token === 'string' &&
      typeof value.email === 'string' &&
      typeof value.subjectId === 'string'
      ? { token: value.token, email: value.email, subjectId: value.subjectId }
      : null;
  } catch {
    return null; // storage blocked: the session lasts as long as the frame
  }
}

function store(session: FrameSession | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage blocked: memory only
  }
}

export function createFrameSession(apiBase: string, region: Region | undefined): FrameSessionModel {
  const current = signal(readStored());
  const set = (session: FrameSession | null) => {
    store(session);
    current.value = session;
  };
  const api = authApi(createTransport({ baseUrl: apiBase, token: async () => current.value?.token ?? null }));
  return {
    current,
    source: {
      // A refused token (expired or revoked) signs the person out here: the form asks them to sign in again.
      async token({ rejected }) {
        if (rejected) set(null);
        return current.value?.token ?? null;
      },
      subject: () => current.value?.subjectId ?? null,
    },
    async sendCode(email, locale) {
      const result = await api.emailStart(email, locale);
      return { email, expiresAt: result.expiresAt, attemptsAllowed: result.attemptsAllowed };
    },
    async verify(email, code) {
      const result = await api.emailVerify(email, code, region);
      set({ token: result.token, email, subjectId: result.subjectId });
    },
    async signOut() {
      await api.signOut().catch(() => undefined); // revoked on the server when it can be reached
      set(null);
    },
  };
}
