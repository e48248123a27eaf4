import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { createDevice, endSession, revokeHostTokens } from '../identity/sessions.ts';
import { startSignIn, verifySignIn, type SignInOptions } from '../identity/sign-in-codes.ts';

// A slow-down spell ends after an hour without events for the address.
const SPELL_MS = 60 * 60_000;

export function registerIdentity(app: Hono, gate: Gate, deps: Deps): void {
  const code = deps.config.signInCode;
  const slowdown = { baseSeconds: code.slowdownBaseSeconds, maxSeconds: code.slowdownMaxSeconds, resetMs: SPELL_MS };
  const options: SignInOptions = {
    pepper: deps.codePepper,
    ttlMinutes: code.ttlMinutes,
    attempts: code.attempts,
    sessionTtlDays: deps.config.sessionTtlDays,
    // Per address, on top of the per-IP limits: wrong guesses across all its codes, and codes mailed to it.
    guesses: { ...slowdown, free: code.attempts },
    sends: { ...slowdown, free: code.codesPerAddress },
  };
  const noStore = { 'cache-control': 'no-store' };

  bind(app, gate, endpoints.deviceSession, async ({ body }) => {
    const device = await deps.db.transaction((tx) =>
      createDevice(tx, body.region, deps.config.sessionTtlDays, deps.now()),
    );
    return { status: 201, body: { ...device, kind: 'device' }, headers: noStore };
  });

  bind(app, gate, endpoints.emailStart, async ({ body }) => ({
    status: 202,
    body: await startSignIn(deps.db, deps.mailer, body.email, options, deps.now()),
    headers: noStore,
  }));

  bind(app, gate, endpoints.emailVerify, async ({ body }) => ({
    status: 200,
    body: await verifySignIn(deps.db, body.email, body.code, body.region, options, deps.now()),
    headers: noStore,
  }));

  bind(app, gate, endpoints.signOut, async ({ principal }) => {
    // Our own opaque token is deleted. Host-app tokens cannot be deleted, but every one issued until now
    // stops working for this person (`iat` is the host's wall clock, so is this moment).
    if (principal.tokenHash) await endSession(deps.db, principal.tokenHash);
    if (principal.kind === 'user') await revokeHostTokens(deps.db, principal.subjectId, new Date());
    return { status: 204 };
  });

  bind(app, gate, endpoints.me, async ({ principal }) => ({
    status: 200,
    body: {
      subjectId: principal.subjectId,
      kind: principal.kind,
      via: principal.via,
      email: principal.kind === 'user' ? principal.email : null,
      region: principal.region,
    },
    headers: noStore,
  }));
}
