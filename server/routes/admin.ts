import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import { canDo } from '../../shared/registry/operator-roles.ts';
import { erasesData } from '../../shared/registry/request-type-rules.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { requireStepUp } from '../identity/operators.ts';
import { audit } from '../services/audit.ts';
import { exportPreview } from '../services/export-preview.ts';
import { listCheckpoints, takeCheckpoint, verifyLedger } from '../services/ledger.ts';
import { operatorList, withSubjects } from '../services/operator-list.ts';
import { newsOf, tellPerson } from '../services/person-mail.ts';
import { getRequest, operatorTransition } from '../services/requests.ts';

const noStore = { 'cache-control': 'no-store' };

const etag = (version: string) => `"${version}"`;
/** The version in `If-Match` (quotes and a weak prefix tolerated); undefined when absent or `*`. */
const ifMatch = (header: string | undefined): string | undefined => {
  const value = header
    ?.trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
  return value && value !== '*' ? value : undefined;
};

export function registerAdmin(app: Hono, gate: Gate, deps: Deps): void {
  const notice = () => deps.notices.current('en').notice;

  bind(app, gate, endpoints.adminListRequests, async ({ query, operator }) => {
    const page = await operatorList(deps.db, query, deps.now());
    // The hit list shows people's addresses: which ones an operator saw is on the record.
    await audit(
      deps.db,
      operator,
      {
        action: 'queue.read',
        detail: {
          query,
          shown: page.requests.map((r) => ({ requestId: r.request.id, subjectId: r.subject.userId })),
        },
      },
      deps.now(),
    );
    return { status: 200, body: page, headers: noStore };
  });

  bind(app, gate, endpoints.adminGetRequest, async ({ params, operator }) => {
    const [view] = await withSubjects(deps.db, [await getRequest(deps.db, params.id)], deps.now());
    if (!view) throw new Error('request view vanished');
    await audit(
      deps.db,
      operator,
      {
        action: 'request.read',
        requestId: view.request.id,
        subjectId: view.subject.userId,
        detail: { seen: ['email', 'region', 'input', 'events'], status: view.request.status },
      },
      deps.now(),
    );
    return { status: 200, body: view, headers: { ...noStore, etag: etag(view.version) } };
  });

  bind(app, gate, endpoints.adminExportPreview, async ({ params, operator }) => {
    const request = await getRequest(deps.db, params.id);
    const seesScans = canDo(operator.roles, 'scans:see');
    const preview = await exportPreview(deps.db, request, notice(), seesScans, deps.now());
    await audit(
      deps.db,
      operator,
      {
        action: 'export.preview',
        requestId: request.id,
        subjectId: request.userId,
        detail: { bodyScans: seesScans ? 'shown' : 'masked', masked: preview.masked },
      },
      deps.now(),
    );
    return { status: 200, body: preview, headers: noStore };
  });

  bind(app, gate, endpoints.adminTransition, async ({ params, body, c, operator }) => {
    const now = deps.now();
    const before = await getRequest(deps.db, params.id);
    if (body.to === 'rejected') requireStepUp(operator, 'Refusing a request', now);
    // Actions that cannot be undone ask a signed-in operator for a fresh code first.
    if (body.to === 'completed' && erasesData(before.type)) requireStepUp(operator, 'Completing an erasure', now);
    const view = await deps.db.transaction(async (tx) => {
      const row = await operatorTransition(
        tx,
        params.id,
        body,
        operator.name,
        notice(),
        now,
        ifMatch(c.req.header('if-match')),
        deps.fulfilment,
      );
      const [moved] = await withSubjects(tx, [row], now);
      if (!moved) throw new Error('request view vanished');
      await audit(
        tx,
        operator,
        {
          action: `request.${body.to}`,
          requestId: row.id,
          subjectId: row.userId,
          detail: { from: before.status, to: row.status, reason: body.reason ?? null, version: moved.version },
        },
        now,
      );
      return moved;
    });
    deps.fulfilment.wake();
    // The person hears of it in their language (R39, R40), after the change is committed.
    const news = newsOf(view.request.status);
    if (news)
      await tellPerson(deps.db, deps.mailer, view.subject.userId, view.request, news, deps.config.privacyCenterUrl);
    return { status: 200, body: view, headers: { ...noStore, etag: etag(view.version) } };
  });

  bind(app, gate, endpoints.adminListNotices, async () => ({
    status: 200,
    body: { versions: await deps.notices.list() },
    headers: noStore,
  }));

  bind(app, gate, endpoints.adminPublishNotice, async ({ body, operator }) => {
    const release = await deps.notices.publish(body, deps.now());
    // Publishing ends consents (R12): who did it is on the record, as every other operator action.
    await audit(deps.db, operator, { action: 'notice.publish', detail: { version: release.version } }, deps.now());
    return { status: 201, body: release, headers: noStore };
  });

  bind(app, gate, endpoints.adminLedgerCheckpoints, async () => ({
    status: 200,
    body: { checkpoints: await listCheckpoints(deps.db) },
    headers: noStore,
  }));

  bind(app, gate, endpoints.adminLedgerCheckpoint, async ({ operator }) => {
    const body = await deps.db.transaction(async (tx) => {
      const checkpoint = await takeCheckpoint(tx, deps.config.ledger.checkpointKey, deps.now());
      await audit(tx, operator, { action: 'ledger.checkpoint' }, deps.now());
      return checkpoint;
    });
    return { status: 201, body, headers: noStore };
  });

  bind(app, gate, endpoints.adminLedgerVerify, async ({ operator }) => {
    const report = await verifyLedger(deps.db, deps.config.ledger.checkpointKey, deps.now());
    await audit(deps.db, operator, { action: 'ledger.verify' }, deps.now());
    return { status: 200, body: report, headers: noStore };
  });
}
