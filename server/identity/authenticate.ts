import type { Region } from '../../shared/contract/common.ts';
import type { Database } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import type { HostTokenVerifier } from './host-token.ts';
import type { Principal } from './principal.ts';
import { userForHostSubject } from './sessions.ts';
import { DEVICE_PREFIX, SESSION_PREFIX, sha256Hex } from './tokens.ts';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Resolves the `Authorization: Bearer` header to a principal, or throws a 401 saying what is wrong with it. */
export async function authenticate(
  db: Database,
  verifyHostToken: HostTokenVerifier,
  authorization: string | undefined,
  now: Date,
): Promise<Principal> {
  if (!authorization) throw new ApiProblem('unauthenticated', 401, 'Missing "Authorization: Bearer <token>" header.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const token = match?.[1];
  if (!token) throw new ApiProblem('unauthenticated', 401, 'The Authorization header must be "Bearer <token>".');

  if (token.startsWith(SESSION_PREFIX) || token.startsWith(DEVICE_PREFIX)) {
    const tokenHash = sha256Hex(token);
    const rows = await db.query<{ kind: 'email' | 'device'; subject_id: string; expires_at: Date; email: string | null; region: Region | null }>(
      `select s.kind, s.subject_id, s.expires_at, u.email, coalesce(u.region, d.region) as region
         from sessions s
         left join users u on u.id = s.subject_id and u.deleted_at is null
         left join devices d on d.id = s.subject_id
        where s.token_hash = $1 and (u.id is not null or d.id is not null)`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) throw new ApiProblem('unauthenticated', 401, 'This token is not valid (signed out, replaced or never issued); sign in again.');
    if (new Date(row.expires_at).getTime() <= now.getTime()) {
      throw new ApiProblem('unauthenticated', 401, 'This session has expired; sign in again.');
    }
    return row.kind === 'email'
      ? { kind: 'user', subjectId: row.subject_id, via: 'email-session', email: row.email, region: row.region, tokenHash }
      : { kind: 'device', subjectId: row.subject_id, via: 'device', region: row.region, tokenHash };
  }

  if (!JWT_SHAPE.test(token)) throw new ApiProblem('unauthenticated', 401, 'The bearer token is neither a host-app token nor a Twikit session.');
  const claims = await verifyHostToken(token);
  const user = await userForHostSubject(db, claims, now);
  return { kind: 'user', subjectId: user.id, via: 'host-token', email: user.email, region: user.region, tokenHash: null };
}
