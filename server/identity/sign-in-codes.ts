import type { Region } from '../../shared/contract/common.ts';
import type { Database } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import type { Mailer } from '../mail/mailer.ts';
import { issueToken, userForEmail } from './sessions.ts';
import { hashSignInCode, newSignInCode, safeEqual } from './tokens.ts';

export interface SignInOptions {
  pepper: string;
  ttlMinutes: number;
  attempts: number;
  sessionTtlDays: number;
}

/** Stores a fresh code for `email` (replacing any earlier one) and mails it. */
export async function startSignIn(db: Database, mailer: Mailer, email: string, options: SignInOptions, now: Date) {
  const code = newSignInCode();
  const expiresAt = new Date(now.getTime() + options.ttlMinutes * 60_000).toISOString();
  await db.query(
    `insert into sign_in_codes (email, code_hash, expires_at, attempts_left, created_at) values ($1, $2, $3, $4, $5)
     on conflict (email) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
       attempts_left = excluded.attempts_left, created_at = excluded.created_at`,
    [email, hashSignInCode(options.pepper, email, code), expiresAt, options.attempts, now.toISOString()],
  );
  await mailer.send({
    to: email,
    subject: `Your Twikit privacy sign-in code: ${code}`,
    text: `Your sign-in code is ${code}. It expires in ${options.ttlMinutes} minutes.\n\nIf you did not ask for it, ignore this e-mail.`,
  });
  return { sent: true as const, expiresAt, attemptsAllowed: options.attempts };
}

/** Checks a code: right → a session; wrong → 401 with attempts left; expired or used up → a clear refusal. */
export async function verifySignIn(db: Database, email: string, code: string, region: Region | undefined, options: SignInOptions, now: Date) {
  const outcome = await db.transaction(async (tx) => {
    const rows = await tx.query<{ code_hash: string; expires_at: Date; attempts_left: number }>(
      'select code_hash, expires_at, attempts_left from sign_in_codes where email = $1 for update',
      [email],
    );
    const row = rows[0];
    if (!row) return { kind: 'none' as const };
    if (new Date(row.expires_at).getTime() <= now.getTime()) {
      await tx.query('delete from sign_in_codes where email = $1', [email]);
      return { kind: 'expired' as const };
    }
    if (!safeEqual(row.code_hash, hashSignInCode(options.pepper, email, code))) {
      const left = row.attempts_left - 1;
      if (left <= 0) await tx.query('delete from sign_in_codes where email = $1', [email]);
      else await tx.query('update sign_in_codes set attempts_left = $2 where email = $1', [email, left]);
      return { kind: 'wrong' as const, left };
    }
    await tx.query('delete from sign_in_codes where email = $1', [email]);
    const user = await userForEmail(tx, email, region, now);
    const session = await issueToken(tx, 'email', user.id, options.sessionTtlDays, now);
    return { kind: 'ok' as const, session: { ...session, subjectId: user.id, kind: 'user' as const } };
  });
  switch (outcome.kind) {
    case 'ok':
      return outcome.session;
    case 'none':
      throw new ApiProblem('sign-in-code-invalid', 401, 'No code is waiting for this address (it was used, replaced or never sent). Ask for a new code.');
    case 'expired':
      throw new ApiProblem('sign-in-code-expired', 410, 'This code has expired. Ask for a new code.');
    case 'wrong':
      if (outcome.left <= 0) {
        throw new ApiProblem('rate-limited', 429, 'Too many wrong codes: this code no longer works. Ask for a new code.', { attemptsLeft: 0 });
      }
      throw new ApiProblem('sign-in-code-invalid', 401, `The code is wrong. ${outcome.left} attempt${outcome.left === 1 ? '' : 's'} left.`, {
        attemptsLeft: outcome.left,
      });
  }
}
