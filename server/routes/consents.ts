import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Sql } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { bind, type Gate } from '../http/bind.ts';
import {
  applyGpc,
  consentState,
  decide,
  expireChanged,
  historyPage,
  lapseVisit,
  stateFrom,
} from '../services/consents.ts';
import { consentChanged } from '../services/fulfilment.ts';
import { once } from '../services/idempotency.ts';

const noStore = { 'cache-control': 'no-store' };

export function registerConsents(app: Hono, gate: Gate, deps: Deps): void {
  const currentNotice = () => deps.notices.current('en').notice;
  /** The purposes of the notice in force: the only ones decisions are taken for (a new version may change them). */
  const purposes = () => currentNotice().purposes;
  const visitMs = deps.config.visitorSpecialConsentMinutes * 60_000;
  /** Records the visitor lapses due (R31) before a read shows the state. */
  const lapse = async (principal: Principal, gpc: boolean, endVisit = false) => {
    await lapseVisit(deps.db, principal, purposes(), { gpc, visitMs, endVisit }, deps.now());
    // And the consents a materially changed notice ended (R12).
    await expireChanged(deps.db, principal, purposes(), deps.notices, gpc, deps.now());
  };
  const stateOf = (sql: Sql, principal: Principal, gpc: boolean) =>
    consentState(sql, principal, purposes(), gpc, deps.notices);

  bind(app, gate, endpoints.getConsents, async ({ principal, gpc }) => {
    await lapse(principal, gpc);
    if (gpc) {
      const changed = await applyGpc(deps.db, principal, purposes(), currentNotice(), deps.now(), (tx, record) =>
        consentChanged(tx, deps.fulfilment, record, deps.now()),
      );
      if (changed.length > 0) deps.fulfilment.wake();
    }
    return { status: 200, body: await stateOf(deps.db, principal, gpc), headers: noStore };
  });

  bind(app, gate, endpoints.decideConsent, async ({ principal, body, gpc, idempotencyKey }) => {
    const noticeHash = await deps.notices.hashOf(body.noticeVersion, body.locale);
    const work = async (tx: Parameters<Parameters<typeof deps.db.transaction>[0]>[0]) => {
      const { record, latest } = await decide(tx, principal, body, purposes(), noticeHash, gpc, deps.now(), {
        currentNoticeVersion: currentNotice().version,
        visitMs,
        changes: deps.notices,
      });
      // A withdrawal or objection reaches the systems that process the purpose, committed with the record.
      await consentChanged(tx, deps.fulfilment, record, deps.now());
      // The state after the decision, from the records the transaction read and wrote under the chain's lock.
      return { status: 201, body: { record, state: stateFrom(latest, principal, purposes(), gpc, deps.notices) } };
    };
    const result = idempotencyKey
      ? await once(
          deps.db,
          { subjectId: principal.subjectId, endpoint: 'decideConsent', key: idempotencyKey, body },
          work,
          deps.now(),
        )
      : { ...(await deps.db.transaction(work)), replayed: false };
    deps.fulfilment.wake();
    // A replay answers with the record the key made, but with the state as it is now: the stored state is a snapshot
    // of then, and a client that stored it would show a consent a later decision or a notice change has since ended
    // (a popup closed before it cleared its outbox sends the decision again when it next opens).
    const answer =
      result.replayed && result.status === 201
        ? { ...(result.body as object), state: await stateOf(deps.db, principal, gpc) }
        : result.body;
    return {
      status: result.status,
      body: answer,
      headers: { ...noStore, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
    };
  });

  bind(app, gate, endpoints.endVisit, async ({ principal, gpc }) => {
    await lapse(principal, gpc, true);
    return { status: 200, body: await stateOf(deps.db, principal, gpc), headers: noStore };
  });

  bind(app, gate, endpoints.consentHistory, async ({ principal, query, gpc }) => {
    await lapse(principal, gpc);
    return { status: 200, body: await historyPage(deps.db, principal.subjectId, query), headers: noStore };
  });
}
