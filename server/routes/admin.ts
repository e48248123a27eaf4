import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { operatorName } from '../http/gate.ts';
import { ApiProblem } from '../http/problem.ts';
import { operatorTransition } from '../services/lifecycle.ts';
import { operatorList, withSubjects } from '../services/operator-list.ts';
import { findRequest } from '../services/requests.ts';

const noStore = { 'cache-control': 'no-store' };

export function registerAdmin(app: Hono, gate: Gate, deps: Deps): void {
  bind(app, gate, endpoints.adminListRequests, async ({ query }) => ({
    status: 200,
    body: await operatorList(deps.db, query),
    headers: noStore,
  }));

  bind(app, gate, endpoints.adminGetRequest, async ({ params }) => {
    const row = await findRequest(deps.db, params.id);
    if (!row) throw new ApiProblem('not-found', 404, 'No request with this id.');
    const [view] = await withSubjects(deps.db, [row]);
    return { status: 200, body: view, headers: noStore };
  });

  bind(app, gate, endpoints.adminTransition, async ({ params, body, c }) => {
    const operator = operatorName(c);
    const view = await deps.db.transaction(async (tx) => {
      const row = await operatorTransition(tx, params.id, body, operator, deps.notices.current('en').notice, deps.now());
      return (await withSubjects(tx, [row]))[0];
    });
    return { status: 200, body: view, headers: noStore };
  });
}
