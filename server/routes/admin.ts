import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { operatorName } from '../http/gate.ts';
import { listCheckpoints, takeCheckpoint, verifyLedger } from '../services/ledger.ts';
import { operatorList, withSubjects } from '../services/operator-list.ts';
import { newsOf, tellPerson } from '../services/person-mail.ts';
import { getRequest, operatorTransition } from '../services/requests.ts';

const noStore = { 'cache-control': 'no-store' };

export function registerAdmin(app: Hono, gate: Gate, deps: Deps): void {
  bind(app, gate, endpoints.adminListRequests, async ({ query }) => ({
    status: 200,
    body: await operatorList(deps.db, query),
    headers: noStore,
  }));

  bind(app, gate, endpoints.adminGetRequest, async ({ params }) => {
    const [view] = await withSubjects(deps.db, [await getRequest(deps.db, params.id)]);
    return { status: 200, body: view, headers: noStore };
  });

  bind(app, gate, endpoints.adminTransition, async ({ params, body, c }) => {
    const operator = operatorName(c);
    const view = await deps.db.transaction(async (tx) => {
      const row = await operatorTransition(
        tx,
        params.id,
        body,
        operator,
        deps.notices.current('en').notice,
        deps.now(),
        deps.fulfilment,
      );
      return (await withSubjects(tx, [row]))[0];
    });
    deps.fulfilment.wake();
    const news = view && newsOf(view.request.status);
    if (view && news)
      await tellPerson(deps.db, deps.mailer, view.subject.userId, view.request, news, deps.config.publicUrl ?? '');
    return { status: 200, body: view, headers: noStore };
  });

  bind(app, gate, endpoints.adminLedgerCheckpoints, async () => ({
    status: 200,
    body: { checkpoints: await listCheckpoints(deps.db) },
    headers: noStore,
  }));

  bind(app, gate, endpoints.adminLedgerCheckpoint, async () => ({
    status: 201,
    body: await deps.db.transaction((tx) => takeCheckpoint(tx, deps.config.ledger.checkpointKey, deps.now())),
    headers: noStore,
  }));

  bind(app, gate, endpoints.adminLedgerVerify, async () => ({
    status: 200,
    body: await verifyLedger(deps.db, deps.config.ledger.checkpointKey, deps.now()),
    headers: noStore,
  }));
}
