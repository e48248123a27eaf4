import type { Hono } from 'hono';
import type { RightsRequest } from '../../shared/contract/requests.ts';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { exportPage, exportToCsv, wholeExport } from '../services/export.ts';
import { once } from '../services/idempotency.ts';
import { zipFiles } from '../services/zip.ts';
import { tellPerson } from '../services/person-mail.ts';
import { cancelRequest, fileRequest, getOwnRequest, listOwnRequests } from '../services/requests.ts';

const noStore = { 'cache-control': 'no-store' };

export function registerRequests(app: Hono, gate: Gate, deps: Deps): void {
  const notice = () => deps.notices.current('en').notice;

  bind(app, gate, endpoints.createRequest, async ({ principal, body, idempotencyKey }) => {
    const key = idempotencyKey as string; // required by the contract; the binder refused its absence
    const result = await once(
      deps.db,
      { subjectId: principal.subjectId, endpoint: 'createRequest', key, body },
      async (tx) => {
        const options = {
          autoFulfil: deps.config.autoFulfil,
          maxOpen: deps.config.data.maxOpenRequestsPerPerson,
          proofMonths: deps.config.data.retention.proofMonths,
          fulfilment: deps.fulfilment,
        };
        const id = await fileRequest(tx, principal.subjectId, body, options, notice(), deps.now());
        return { status: 201, body: await getOwnRequest(tx, principal.subjectId, id) };
      },
      deps.now(),
    );
    deps.fulfilment.wake();
    const id = (result.body as { id: string }).id;
    if (!result.replayed) {
      const filed = result.body as RightsRequest;
      const news = filed.status === 'completed' ? 'completed' : 'received';
      await tellPerson(deps.db, deps.mailer, principal.subjectId, filed, news, deps.config.privacyCenterUrl);
    }
    // A replay answers with the request as it is now (cancelled, completed…), not the snapshot of when it was filed.
    return result.replayed
      ? {
          status: 200,
          body: await getOwnRequest(deps.db, principal.subjectId, id),
          headers: { ...noStore, 'idempotent-replayed': 'true' },
        }
      : { status: 201, body: result.body, headers: { ...noStore, location: `/v1/requests/${id}` } };
  });

  bind(app, gate, endpoints.listRequests, async ({ principal, query }) => ({
    status: 200,
    body: await listOwnRequests(deps.db, principal.subjectId, query),
    headers: noStore,
  }));

  bind(app, gate, endpoints.getRequest, async ({ principal, params }) => ({
    status: 200,
    body: await getOwnRequest(deps.db, principal.subjectId, params.id),
    headers: noStore,
  }));

  bind(app, gate, endpoints.cancelRequest, async ({ principal, params, body }) => {
    const request = await deps.db.transaction(async (tx) => {
      await cancelRequest(tx, principal.subjectId, params.id, body.reason ?? null, deps.now());
      return getOwnRequest(tx, principal.subjectId, params.id);
    });
    return { status: 200, body: request, headers: noStore };
  });

  bind(app, gate, endpoints.requestExport, async ({ principal, params, query }) => {
    const request = await getOwnRequest(deps.db, principal.subjectId, params.id);
    const format = query.format ?? 'json';
    const filename = `twikit-privacy-export-${params.id}.${format}`;
    const headers = { ...noStore, 'content-disposition': `attachment; filename="${filename}"` };
    if (format === 'zip') {
      const { systems, ...own } = await wholeExport(deps.db, request, principal.subjectId, notice(), deps.now());
      const files = [
        { name: 'twikit-privacy-service.json', content: JSON.stringify(own, null, 2) },
        ...Object.entries(systems ?? {}).map(([id, part]) => ({
          name: `systems/${id}.json`,
          content: JSON.stringify(part, null, 2),
        })),
      ];
      return new Response(new Uint8Array(zipFiles(files, deps.now())), {
        status: 200,
        headers: { ...headers, 'content-type': 'application/zip' },
      });
    }
    if (format === 'csv') {
      const document = await wholeExport(deps.db, request, principal.subjectId, notice(), deps.now());
      return new Response(exportToCsv(document), {
        status: 200,
        headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
      });
    }
    return {
      status: 200,
      body: await exportPage(deps.db, request, principal.subjectId, query, notice(), deps.now()),
      headers,
    };
  });
}
