import { randomUUID } from 'node:crypto';
import type { ConsoleMe } from '../../shared/contract/console.ts';
import { canDo, OPERATOR_ROLES, type Capability, type OperatorRole } from '../../shared/registry/operator-roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { DomainError, forbidden, unauthenticated } from '../services/errors.ts';
import {
  deleteOperatorSession,
  insertOperatorSession,
  operatorByEmail,
  operatorKeyByHash,
  operatorSessionByHash,
  stepUpOperatorSession,
  touchOperatorKey,
  touchOperatorSession,
  upsertOperator,
} from '../store/operators.ts';
import { mailCode, redeemCode, type CodeChannel, type SignInOptions } from './sign-in-codes.ts';
import { newOpaqueToken, safeEqual, sha256Hex } from './tokens.ts';

export const OPERATOR_SESSION_PREFIX = 'tpo_';
export const OPERATOR_KEY_PREFIX = 'tpk_';
/** A destructive action is allowed this long after a fresh code. */
export const STEP_UP_MINUTES = 5;

/** Who acts in the operator API, by name: never anonymous, never what a header claims. */
export interface OperatorPrincipal {
  kind: 'operator' | 'key' | 'admin-token';
  /** The operator's or key's id; `admin-token` for the development token. */
  id: string;
  /** The operator's e-mail address or the key's name, as the logs show it. */
  name: string;
  roles: OperatorRole[];
  /** The session's token hash (operators only), for sign-out and step-up. */
  tokenHash: string | null;
  steppedUpAt: Date | null;
  expiresAt: Date | null;
}

/** Creates the accounts `OPERATORS` names, with exactly its roles (re-applied at every start). */
export async function seedOperators(db: Database, config: Config, now: Date): Promise<void> {
  for (const { email, roles } of config.console.operators) await upsertOperator(db, randomUUID(), email, roles, now);
}

const channel = (email: string, purpose: 'sign-in' | 'step-up'): CodeChannel => ({
  key: `console:${email}`,
  to: email,
  subject: (code) =>
    purpose === 'sign-in' ? `Twikit privacy console sign-in code: ${code}` : `Confirm a console action: ${code}`,
  text: (code, ttl) =>
    purpose === 'sign-in'
      ? `Your console sign-in code is ${code}. It expires in ${ttl} minutes.\n\nIf you did not ask for it, tell the DPO.`
      : `Your code to confirm a destructive action in the privacy console is ${code}. It expires in ${ttl} minutes.\n\nIf you did not ask for it, tell the DPO at once.`,
});

/** Mails a console code to an operator. Any other address gets the same answer and no mail (no enumeration). */
export async function startConsoleSignIn(
  db: Database,
  mailer: Mailer,
  email: string,
  options: SignInOptions,
  now: Date,
) {
  if (!(await operatorByEmail(db, email))) {
    return {
      sent: true as const,
      expiresAt: new Date(now.getTime() + options.ttlMinutes * 60_000).toISOString(),
      attemptsAllowed: options.attempts,
    };
  }
  return mailCode(db, mailer, channel(email, 'sign-in'), options, now);
}

/** Exchanges a console code for a session: `sessionHours` at most, ended sooner by `idleMinutes` unused. */
export async function verifyConsoleSignIn(
  db: Database,
  email: string,
  code: string,
  options: SignInOptions,
  session: Config['console'],
  now: Date,
): Promise<{ token: string; principal: OperatorPrincipal }> {
  return redeemCode(db, `console:${email}`, code, options, now, async (tx) => {
    const operator = await operatorByEmail(tx, email);
    if (!operator) throw unauthenticated('This address has no console account.', undefined, 'sign-in-code-invalid');
    const token = newOpaqueToken(OPERATOR_SESSION_PREFIX);
    const expiresAt = new Date(now.getTime() + session.sessionHours * 3_600_000);
    await insertOperatorSession(tx, { tokenHash: sha256Hex(token), operatorId: operator.id, now, expiresAt });
    return {
      token,
      principal: {
        kind: 'operator',
        id: operator.id,
        name: operator.email,
        roles: operator.roles,
        tokenHash: sha256Hex(token),
        steppedUpAt: null,
        expiresAt,
      },
    };
  });
}

/** Mails a fresh code to the signed-in operator, to confirm a destructive action. */
export async function startStepUp(
  db: Database,
  mailer: Mailer,
  principal: OperatorPrincipal,
  options: SignInOptions,
  now: Date,
) {
  if (principal.kind !== 'operator')
    throw forbidden('Only a signed-in operator confirms with a code; keys and tokens do not step up.');
  return mailCode(db, mailer, channel(principal.name, 'step-up'), options, now);
}

/** Checks the fresh code: destructive actions are allowed for STEP_UP_MINUTES. */
export async function verifyStepUp(
  db: Database,
  principal: OperatorPrincipal,
  code: string,
  options: SignInOptions,
  now: Date,
) {
  if (principal.kind !== 'operator' || !principal.tokenHash)
    throw forbidden('Only a signed-in operator confirms with a code; keys and tokens do not step up.');
  const tokenHash = principal.tokenHash;
  await redeemCode(db, `console:${principal.name}`, code, options, now, (tx) =>
    stepUpOperatorSession(tx, tokenHash, now),
  );
  return { steppedUpUntil: new Date(now.getTime() + STEP_UP_MINUTES * 60_000).toISOString() };
}

/** Refuses a destructive action unless the operator confirmed with a code within the last STEP_UP_MINUTES. */
export function requireStepUp(principal: OperatorPrincipal, what: string, now: Date): void {
  // A named key is created by a DPO who confirmed with a code; the development token exists only in tests.
  if (principal.kind !== 'operator') return;
  const at = principal.steppedUpAt?.getTime();
  if (at === undefined || now.getTime() - at > STEP_UP_MINUTES * 60_000) {
    throw new DomainError(
      'forbidden',
      'step-up-required',
      `${what} needs a fresh code: ask for one (POST /v1/console/auth/step-up/start), confirm it, then try again within ${STEP_UP_MINUTES} minutes.`,
    );
  }
}

export async function endConsoleSession(db: Database, principal: OperatorPrincipal): Promise<void> {
  if (principal.tokenHash) await deleteOperatorSession(db, principal.tokenHash);
}

/** The principal as the console shows it. */
export function meOf(principal: OperatorPrincipal, idleMinutes: number): ConsoleMe {
  const until = principal.steppedUpAt ? new Date(principal.steppedUpAt.getTime() + STEP_UP_MINUTES * 60_000) : null;
  return {
    kind: principal.kind,
    name: principal.name,
    roles: principal.roles,
    steppedUpUntil: until?.toISOString() ?? null,
    expiresAt: principal.expiresAt?.toISOString() ?? null,
    idleMinutes: principal.kind === 'operator' ? idleMinutes : null,
  };
}

/**
 * Resolves an operator credential and checks that its roles grant `capability` (403 otherwise). A console
 * session ends at its expiry or after `idleMinutes` unused; each call restarts the idle clock. `ADMIN_TOKEN`
 * is an operator with every role outside production only: in production it grants nothing.
 */
export async function authenticateOperator(
  db: Database,
  config: Config,
  authorization: string | undefined,
  capability: Capability,
  now: Date,
): Promise<OperatorPrincipal> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!token) throw unauthenticated('Operator endpoints need "Authorization: Bearer <console session or API key>".');
  let principal: OperatorPrincipal;
  if (token.startsWith(OPERATOR_SESSION_PREFIX)) {
    const tokenHash = sha256Hex(token);
    const row = await operatorSessionByHash(db, tokenHash);
    if (!row) throw unauthenticated('This console session is not valid (signed out or never issued); sign in again.');
    const idleUntil = new Date(row.last_seen_at).getTime() + config.console.idleMinutes * 60_000;
    if (new Date(row.expires_at).getTime() <= now.getTime() || idleUntil <= now.getTime()) {
      await deleteOperatorSession(db, tokenHash);
      throw unauthenticated('This console session has ended; sign in again (what you typed is kept).');
    }
    await touchOperatorSession(db, tokenHash, now);
    principal = {
      kind: 'operator',
      id: row.id,
      name: row.email,
      roles: row.roles,
      tokenHash,
      steppedUpAt: row.stepped_up_at ? new Date(row.stepped_up_at) : null,
      expiresAt: new Date(row.expires_at),
    };
  } else if (token.startsWith(OPERATOR_KEY_PREFIX)) {
    const key = await operatorKeyByHash(db, sha256Hex(token));
    if (!key) throw unauthenticated('This API key is not valid (revoked or never issued).');
    await touchOperatorKey(db, key.id, now);
    principal = {
      kind: 'key',
      id: key.id,
      name: key.name,
      roles: key.roles,
      tokenHash: null,
      steppedUpAt: null,
      expiresAt: null,
    };
  } else if (!config.production && config.adminToken && safeEqual(token, config.adminToken)) {
    principal = {
      kind: 'admin-token',
      id: 'admin-token',
      name: 'admin-token',
      roles: [...OPERATOR_ROLES],
      tokenHash: null,
      steppedUpAt: null,
      expiresAt: null,
    };
  } else {
    throw unauthenticated(
      config.production
        ? 'Operator endpoints need a console session or a named API key; ADMIN_TOKEN grants no operator action in production.'
        : 'Operator endpoints need a console session, a named API key or (development only) ADMIN_TOKEN.',
    );
  }
  if (!canDo(principal.roles, capability)) {
    throw forbidden(
      `${principal.name} (${principal.roles.join('+')}) may not do this: it needs a role granting "${capability}".`,
    );
  }
  return principal;
}
