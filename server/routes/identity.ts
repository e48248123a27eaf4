import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { ApiProblem } from '../http/problem.ts';
import { createDevice } from '../identity/sessions.ts';
import { startSignIn, verifySignIn, type SignInOptions } from '../identity/sign-in-codes.ts';

// Per address, on top of the per-IP limit: nobody can flood one inbox with codes.
const CODES_PER_ADDRESS_PER_15_MIN = 5;

export function registerIdentity(app: Hono, gate: Gate, deps: Deps): void {
  const options: SignInOptions = {
    pepper: deps.codePepper,
    ttlMinutes: deps.config.signInCode.ttlMinutes,
    attempts: deps.config.signInCode.attempts,
    sessionTtlDays: deps.config.sessionTtlDays,
  };
  const noStore = { 'cache-control': 'no-store' };

  bind(app, gate, endpoints.deviceSession, async ({ body }) => {
    const device = await deps.db.transaction((tx) => createDevice(tx, body.region, deps.config.sessionTtlDays, deps.now()));
    return { status: 201, body: { ...device, kind: 'device' }, headers: noStore };
  });

  bind(app, gate, endpoints.emailStart, async ({ body }) => {
    const wait = deps.limiter.hit(`code:${body.email}`, CODES_PER_ADDRESS_PER_15_MIN, 15 * 60_000);
    if (wait > 0) {
      throw new ApiProblem('rate-limited', 429, `Too many codes were sent to this address; try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    }
    return { status: 202, body: await startSignIn(deps.db, deps.mailer, body.email, options, deps.now()), headers: noStore };
  });

  bind(app, gate, endpoints.emailVerify, async ({ body }) => ({
    status: 200,
    body: await verifySignIn(deps.db, body.email, body.code, body.region, options, deps.now()),
    headers: noStore,
  }));

  bind(app, gate, endpoints.signOut, async ({ principal }) => {
    // Host-app tokens are the host's to revoke; only our own opaque tokens are deleted here.
    if (principal.tokenHash) await deps.db.query('delete from sessions where token_hash = $1', [principal.tokenHash]);
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
