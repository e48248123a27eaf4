import type { Database, Sql } from '../db/database.ts';
import type { OperatorPrincipal } from '../identity/operators.ts';
import type { Mailer } from '../mail/mailer.ts';
import { liftedAt, lockRequest, recordStep, setLifted, type StoredRequest } from '../store/requests.ts';
import { audit } from './audit.ts';
import { conflict } from './errors.ts';
import { fanOutLift, type Fulfilment } from './fulfilment.ts';
import { mailPerson } from './person-mail.ts';
import { getRequest } from './requests.ts';

export interface LiftDeps {
  db: Database;
  mailer: Mailer;
  fulfilment: Fulfilment;
  now: () => Date;
  privacyCenterUrl: string | undefined;
}

/** The restriction `id` as an operator may lift it: a restriction, still in force, not lifted yet. */
async function liftable(sql: Sql, id: string): Promise<StoredRequest> {
  const request = await getRequest(sql, id);
  if (request.type !== 'restriction') throw conflict('Only a restriction can be lifted.');
  if (request.status === 'cancelled' || request.status === 'rejected')
    throw conflict(`This restriction is not in force (${request.status}); there is nothing to lift.`);
  if (await liftedAt(sql, id)) throw conflict('This restriction was already lifted.');
  return request;
}

/**
 * Lifts a restriction the way Art. 18(3) orders it (R49): the person is told first, by e-mail in their
 * language; only once the mail is out is the lift committed, with the told moment in the request's log, a
 * job per system saying the restriction is lifted, and the "may I process?" read answering as before the
 * restriction. A mail that cannot be sent lifts nothing.
 */
export async function liftRestriction(
  deps: LiftDeps,
  id: string,
  reason: string,
  operator: OperatorPrincipal,
): Promise<StoredRequest> {
  const request = await liftable(deps.db, id);
  let told: Date;
  try {
    await mailPerson(
      deps.db,
      deps.mailer,
      request.userId,
      { ...request, statusReason: reason },
      'lifted',
      deps.privacyCenterUrl,
    );
    told = deps.now();
  } catch (error) {
    throw conflict(
      `The person could not be told (${(error as Error).message}); the restriction stays in force until they can be (GDPR Art. 18(3)).`,
    );
  }
  const lifted = await deps.db.transaction(async (tx) => {
    await lockRequest(tx, id);
    const current = await liftable(tx, id);
    const step = { from: current.status, to: current.status, actor: 'operator' as const, actorId: operator.name };
    await recordStep(
      tx,
      id,
      {
        ...step,
        reason: 'The person was told by e-mail that the restriction will be lifted (GDPR Art. 18(3)).',
        terminal: false,
      },
      told,
    );
    const now = deps.now();
    await recordStep(tx, id, { ...step, reason: `Restriction lifted: ${reason}`, terminal: false }, now);
    await setLifted(tx, id, now);
    await fanOutLift(tx, deps.fulfilment, current, reason, now);
    await audit(
      tx,
      operator,
      { action: 'request.lift', requestId: id, subjectId: current.userId, detail: { reason } },
      now,
    );
    return getRequest(tx, id);
  });
  deps.fulfilment.wake();
  return lifted;
}
