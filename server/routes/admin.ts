import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { RightsRequest } from '../../shared/contract/requests.ts';
import type { Sql } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { operatorName } from '../http/gate.ts';
import { ApiProblem } from '../http/problem.ts';
import { operatorTransition } from '../services/lifecycle.ts';
import { findRequests } from '../services/requests.ts';

const noStore = { 'cache-control': 'no-store' };

async function withSubjects(sql: Sql, requests: Array<RightsRequest & { userId: string }>) {
  const ids = [...new Set(requests.map((r) => r.userId))];
  const users = ids.length === 0 ? [] : await sql.query<{ id: string; email: string | null; region: string | null }>(
    'select id, email, region from users where id = any($1::uuid[])', [ids],
  );
  const byId = new Map(users.map((u) => [u.id, u]));
  return requests.map(({ userId, ...request }) => ({
    request,
    subject: { userId, email: byId.get(userId)?.email ?? null, region: byId.get(userId)?.region ?? null },
  }));
}

export function registerAdmin(app: Hono, gate: Gate, deps: Deps): void {
  bind(app, gate, endpoints.adminListRequests, async ({ query }) => {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.type) where.push(`type = $${params.push(query.type)}`);
    if (query.dueBefore) where.push(`due_at <= $${params.push(query.dueBefore)}`);
    const rows = await findRequests(deps.db, where.join(' and '), params, 'due_at, received_at, id', query.limit ?? 100);
    return { status: 200, body: { requests: await withSubjects(deps.db, rows) }, headers: noStore };
  });

  bind(app, gate, endpoints.adminGetRequest, async ({ params }) => {
    const [row] = await findRequests(deps.db, 'id = $1', [params.id]);
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
