import type { Endpoint } from '../../shared/contract/index.ts';

/**
 * The problem+json answers an endpoint can give besides those it declares, by status, each reason naming its
 * problem `type` so a reader can see which to branch on. Derived from the endpoint's shape (body, params,
 * auth, idempotency) plus a few endpoint-specific failures the shape cannot tell.
 */
export function problemReasons(id: string, e: Endpoint): Map<number, string[]> {
  const reasons = new Map<number, string[]>();
  const add = (status: number, reason: string): void => {
    reasons.set(status, [...(reasons.get(status) ?? []), reason]);
  };

  if (e.body) {
    add(400, 'the body is not valid JSON (`malformed-json`)');
    add(413, 'the body is too large (`payload-too-large`)');
    add(415, 'the body is not `application/json` (`unsupported-media-type`)');
  }
  if (e.body || e.query || e.params) {
    add(422, 'the input failed validation; `errors` points at each field (`validation-failed`)');
  }
  if (e.idempotencyKey === 'required') add(400, 'the `Idempotency-Key` header is missing (`idempotency-key-missing`)');
  if (e.idempotencyKey)
    add(422, 'the `Idempotency-Key` was already used with a different body (`idempotency-key-reused`)');

  if (e.auth === 'subject' || e.auth === 'identity' || e.auth === 'admin') {
    add(
      401,
      e.auth === 'admin' ? 'no valid operator token (`unauthenticated`)' : 'no valid bearer token (`unauthenticated`)',
    );
    add(
      429,
      'too many requests, or too many failed authentications from this address (`rate-limited`); `retryAfterSeconds` says when to retry',
    );
  }
  if (e.auth === 'job') {
    add(401, 'no `Authorization: Bearer <callback.token>` (`unauthenticated`)');
    add(404, "no such job, or the token is not this job's (`not-found`)");
    add(409, 'the job was already answered; this answer changes nothing (`conflict`)');
  }
  if (e.auth === 'system') add(401, "no `Authorization: Bearer <the system's key>` (`unauthenticated`)");
  if (e.auth === 'system') add(404, "no such system, or the key is not this system's (`not-found`)");
  if (e.auth === 'subject' || e.auth === 'identity') {
    add(422, "a host token's `sub` holds text that cannot be stored, a NUL or a lone surrogate (`validation-failed`)");
  }
  if (e.auth === 'identity')
    add(403, 'a device token cannot file or read rights requests; sign in (`identity-required`)');
  if (e.auth === 'admin')
    add(403, "the caller's roles do not allow this (`forbidden`); shared/registry/operator-roles.ts lists them");
  if (e.params) add(404, 'no such resource for this caller (`not-found`)');

  switch (id) {
    case 'requestExport':
      add(409, 'the request is not completed, so there is no export yet (`not-ready`)');
      break;
    case 'adminTransition':
      add(409, 'the request cannot move to that status from its current one (`illegal-transition`)');
      add(403, 'rejecting, or completing an erasure, from a console session needs a fresh code (`step-up-required`)');
      add(
        412,
        'the `If-Match` version is stale: `changes` lists what happened since, nothing was done (`stale-version`)',
      );
      break;
    case 'adminPublishNotice':
      add(409, 'the version id is already published: a changed notice needs a new one (`conflict`)');
      add(422, 'not one version, no English document, or a `contentHash` that does not match (`validation-failed`)');
      break;
    case 'cancelRequest':
      add(409, 'the request is already closed (`illegal-transition`)');
      break;
    case 'emailVerify':
      add(
        401,
        'wrong code, or no code pending for the address: the same answer (`sign-in-code-invalid`); `attemptsLeft` says how many tries remain before each try must wait',
      );
      add(410, 'the right code, but expired (`sign-in-code-expired`)');
      break;
    case 'health':
      add(503, 'the database does not answer (`unavailable`)');
      break;
  }
  if (id === 'emailStart' || id === 'emailVerify' || id === 'deviceSession') {
    add(429, 'too many attempts (`rate-limited`); `retryAfterSeconds` says when to retry');
  }

  add(500, 'unexpected server error (`internal`)');
  return reasons;
}

/** `["a (x)", "b (y)"]` → `"A (x); or b (y)."` */
export function describeReasons(reasons: readonly string[]): string {
  const text = reasons.join('; or ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
