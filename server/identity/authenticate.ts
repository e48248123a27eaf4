import type { Database } from '../db/database.ts';
import { unauthenticated } from '../services/errors.ts';
import { sessionByTokenHash } from '../store/sessions.ts';
import type { HostTokenVerifier } from './host-token.ts';
import type { Principal } from './principal.ts';
import { userForHostSubject } from './sessions.ts';
import { DEVICE_PREFIX, SESSION_PREFIX, sha256Hex } from './tokens.ts';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Resolves the `Authorization: Bearer` header to a principal, or throws `unauthenticated` saying what is wrong with it.
 * A session's read also gives the latest notice release's position, passed to `seen.noticeSeq` when given.
 */
export async function authenticate(
  db: Database,
  verifyHostToken: HostTokenVerifier,
  authorization: string | undefined,
  now: Date,
  seen: { noticeSeq?: number } = {},
): Promise<Principal> {
  if (!authorization) throw unauthenticated('Missing "Authorization: Bearer <token>" header.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const token = match?.[1];
  if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');

  if (token.startsWith(SESSION_PREFIX) || token.startsWith(DEVICE_PREFIX)) {
    const tokenHash = sha256Hex(token);
    const row = await sessionByTokenHash(db, tokenHash);
    if (!row) throw unauthenticated('This token is not valid (signed out, replaced or never issued); sign in again.');
    if (row.notice_seq !== null) seen.noticeSeq = Number(row.notice_seq);
    if (new Date(row.expires_at).getTime() <= now.getTime()) {
      throw unauthenticated('This session has expired; sign in again.');
    }
    return row.kind === 'email'
      ? {
          kind: 'user',
          subjectId: row.subject_id,
          via: 'email-session',
          email: row.email,
          region: row.region,
          tokenHash,
        }
      : { kind: 'device', subjectId: row.subject_id, via: 'device', region: row.region, tokenHash };
  }

  if (!JWT_SHAPE.test(token))
    throw unauthenticated('The bearer token is neither a host-app token nor a Twikit session.');
  const claims = await verifyHostToken(token);
  const user = await userForHostSubject(db, claims, now);
  return {
    kind: 'user',
    subjectId: user.id,
    via: 'host-token',
    email: user.email,
    region: user.region,
    tokenHash: null,
  };
}
