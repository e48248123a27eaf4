import type { Region } from '../../shared/contract/common.ts';
import type { Database, Sql } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { gone, rateLimited, unauthenticated } from '../services/errors.ts';
import { deleteSignInCode, lockSignInCode, putSignInCode } from '../store/sign-in-codes.ts';
import { backoffClear, backoffRecord, backoffWait, type BackoffPolicy } from './backoff.ts';
import { issueToken, userForEmail } from './sessions.ts';
import { hashSignInCode, keyedHash, newSignInCode, safeEqual } from './tokens.ts';

export interface SignInOptions {
  pepper: string;
  ttlMinutes: number;
  /** Wrong guesses per address (across all its codes) before each further guess is slowed down. */
  attempts: number;
  sessionTtlDays: number;
  /** Wrong guesses per address, across codes: `free` = `attempts`. */
  guesses: BackoffPolicy;
  /** Codes mailed per address. */
  sends: BackoffPolicy;
}

const guessKey = (options: SignInOptions, email: string) => keyedHash(options.pepper, 'sign-in-guess', email);
const sendKey = (options: SignInOptions, email: string) => keyedHash(options.pepper, 'sign-in-send', email);

/** Where a code goes: the row it is stored under (a person's address, or `console:` + an operator's) and its e-mail. */
export interface CodeChannel {
  key: string;
  to: string;
  subject: (code: string) => string;
  text: (code: string, ttlMinutes: number) => string;
}

const personChannel = (email: string): CodeChannel => ({
  key: email,
  to: email,
  subject: (code) => `Your Twikit privacy sign-in code: ${code}`,
  text: (code, ttl) =>
    `Your sign-in code is ${code}. It expires in ${ttl} minutes.\n\nIf you did not ask for it, ignore this e-mail.`,
});

/**
 * Stores a fresh code for `email` (replacing any earlier one) and mails it. Codes mailed to one address are
 * slowed down, not capped: past a few, each must wait longer, and while it waits the last code mailed stays
 * valid (a third party asking for codes cannot keep replacing the owner's).
 */
export async function startSignIn(db: Database, mailer: Mailer, email: string, options: SignInOptions, now: Date) {
  return mailCode(db, mailer, personChannel(email), options, now);
}

/** `startSignIn` for any channel (the operator console's codes use it too). */
export async function mailCode(db: Database, mailer: Mailer, channel: CodeChannel, options: SignInOptions, now: Date) {
  const { key } = channel;
  const code = newSignInCode();
  const expiresAt = new Date(now.getTime() + options.ttlMinutes * 60_000).toISOString();
  const wait = await db.transaction(async (tx) => {
    const { waitSeconds } = await backoffWait(tx, sendKey(options, key), now);
    if (waitSeconds > 0) return waitSeconds;
    await backoffRecord(tx, sendKey(options, key), options.sends, now);
    await putSignInCode(
      tx,
      { email: key, codeHash: hashSignInCode(options.pepper, key, code), expiresAt, attempts: options.attempts },
      now,
    );
    return 0;
  });
  if (wait > 0) {
    throw rateLimited(
      `Too many codes were sent to this address; try again in ${wait} seconds. A code already sent keeps working until it expires.`,
      wait,
    );
  }
  await mailer.send({ to: channel.to, subject: channel.subject(code), text: channel.text(code, options.ttlMinutes) });
  return { sent: true as const, expiresAt, attemptsAllowed: options.attempts };
}

type Outcome<T> =
  | { kind: 'ok'; session: T }
  | { kind: 'expired' }
  | { kind: 'wrong'; left: number; waitSeconds: number };

/**
 * Checks a code. A wrong code and an address with no code pending get the very same answer (nobody learns
 * whether someone is signing in), and both count against the address, across all its codes. Past the free
 * guesses each further one must wait longer; guesses sent during the wait are refused unchecked. Wrong
 * guesses never destroy the code: the owner, who has it, only ever waits.
 */
export async function verifySignIn(
  db: Database,
  email: string,
  code: string,
  region: Region | undefined,
  options: SignInOptions,
  now: Date,
) {
  return redeemCode(db, email, code, options, now, async (tx) => {
    const user = await userForEmail(tx, email, region, now);
    const session = await issueToken(tx, 'email', user.id, options.sessionTtlDays, now);
    return { ...session, subjectId: user.id, kind: 'user' as const };
  });
}

/** `verifySignIn` for any channel's key: checks the code the same way, then runs `onRight` in its transaction. */
export async function redeemCode<T>(
  db: Database,
  email: string,
  code: string,
  options: SignInOptions,
  now: Date,
  onRight: (tx: Sql) => Promise<T>,
): Promise<T> {
  const outcome = await db.transaction(async (tx): Promise<Outcome<T>> => {
    const key = guessKey(options, email);
    const { waitSeconds } = await backoffWait(tx, key, now);
    // Refused unchecked (and not counted): a guess during the wait tells nothing.
    if (waitSeconds > 0) return { kind: 'wrong', left: 0, waitSeconds };
    const row = await lockSignInCode(tx, email);
    const candidate = hashSignInCode(options.pepper, email, code);
    // Compared even when no code is pending, so both cases take the same work.
    const right = safeEqual(row?.code_hash ?? '0'.repeat(candidate.length), candidate) && row !== undefined;
    if (right && new Date(row.expires_at).getTime() <= now.getTime()) {
      // Only whoever holds the right code learns that it has expired.
      await deleteSignInCode(tx, email);
      return { kind: 'expired' };
    }
    if (!right) {
      const failed = await backoffRecord(tx, key, options.guesses, now);
      return {
        kind: 'wrong',
        left: Math.max(0, options.guesses.free - failed.events),
        waitSeconds: failed.waitSeconds,
      };
    }
    await deleteSignInCode(tx, email);
    await backoffClear(tx, key);
    await backoffClear(tx, sendKey(options, email));
    return { kind: 'ok', session: await onRight(tx) };
  });
  switch (outcome.kind) {
    case 'ok':
      return outcome.session;
    case 'expired':
      throw gone('This code has expired. Ask for a new code.', 'sign-in-code-expired');
    case 'wrong':
      if (outcome.waitSeconds > 0) {
        throw rateLimited(
          `Too many wrong codes for this address; try again in ${outcome.waitSeconds} seconds. The code sent still works until it expires.`,
          outcome.waitSeconds,
          {
            attemptsLeft: 0,
          },
        );
      }
      throw unauthenticated(
        `This code is not valid for this address (wrong, expired, used or replaced). ${outcome.left} attempt${outcome.left === 1 ? '' : 's'} left before a wait; or ask for a new code.`,
        {
          attemptsLeft: outcome.left,
        },
        'sign-in-code-invalid',
      );
  }
}
