import type { Region } from '../../shared/contract/common.ts';
import type { Sql } from '../db/database.ts';

/** What a bearer token of ours stands for: a live account's or a device's session. */
export interface SessionRow {
  kind: 'email' | 'device';
  subject_id: string;
  expires_at: Date;
  email: string | null;
  region: Region | null;
  /** The position of the latest notice release, read in the same statement (see `sessionByTokenHash`). */
  notice_seq: string | null;
}

/**
 * The session a token hash names, when its account or device still exists (a deleted account's does not). The
 * latest notice release's position comes with it: every authenticated request must serve the notice in force
 * whichever instance published it (R12), and this read is the one it makes anyway.
 */
export async function sessionByTokenHash(sql: Sql, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await sql.query<SessionRow>(
    `select s.kind, s.subject_id, s.expires_at, u.email, coalesce(u.region, d.region) as region,
        (select seq from notice_releases order by seq desc limit 1) as notice_seq
       from sessions s
       left join users u on u.id = s.subject_id and u.deleted_at is null
       left join devices d on d.id = s.subject_id
      where s.token_hash = $1 and (u.id is not null or d.id is not null)`,
    [tokenHash],
  );
  return row;
}

export async function insertSession(
  sql: Sql,
  session: { tokenHash: string; kind: 'email' | 'device'; subjectId: string; createdAt: Date; expiresAt: string },
): Promise<void> {
  await sql.query(
    'insert into sessions (token_hash, kind, subject_id, created_at, expires_at) values ($1, $2, $3, $4, $5)',
    [session.tokenHash, session.kind, session.subjectId, session.createdAt.toISOString(), session.expiresAt],
  );
}

/** Ends one session (sign-out). */
export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function insertDevice(sql: Sql, id: string, region: Region | null, now: Date): Promise<void> {
  await sql.query('insert into devices (id, region, created_at) values ($1, $2, $3)', [id, region, now.toISOString()]);
}
