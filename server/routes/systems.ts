import type { Context, Hono, MiddlewareHandler } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { requireStepUp } from '../identity/operators.ts';
import { audit } from '../services/audit.ts';
import { ApiProblem } from '../http/problem.ts';
import {
  authenticateSystem,
  jobForToken,
  makeTestJob,
  noteRefusedCallback,
  recordAnswer,
} from '../services/fulfilment.ts';
import { mayProcess } from '../services/may-process.ts';
import { tellPerson } from '../services/person-mail.ts';
import { withSubjects } from '../services/operator-list.ts';
import { closeRequest, getRequest, settleRequest } from '../services/requests.ts';
import { liftRestriction } from '../services/restriction-lift.ts';
import { conflict, notFound } from '../services/errors.ts';
import { findJob, jobsOfRequests, jobView, lockJob, progressOf, requeueJob, systemHealth } from '../store/jobs.ts';

const noStore = { 'cache-control': 'no-store' };

const bearer = (c: Context): string | undefined => /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { ...noStore, 'content-type': 'text/html; charset=utf-8' } });
}

// Not worth a note: no token (nothing to write on), an answer to an answered job (it changes nothing), a rate limit.
const UNNOTED: ReadonlySet<number> = new Set([401, 409, 429]);

/**
 * Runs around every callback, before the body limit: a refused one (not valid, too large, another job's) is
 * written on the job its token belongs to, where `GET /v1/admin/requests/{id}/jobs` shows it.
 */
export function noteRefusedCallbacks(deps: Deps, path: RegExp): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const status = c.res.status;
    if (c.req.method !== 'POST' || status < 400 || UNNOTED.has(status)) return;
    const match = path.exec(c.req.path);
    const token = bearer(c);
    if (!match?.[1] || !token) return;
    try {
      const problem = (await c.res
        .clone()
        .json()
        .catch(() => ({}))) as { detail?: string; errors?: { pointer?: string; reason?: string }[] };
      const fields = (problem.errors ?? []).map((e) => `${e.pointer ?? ''} ${e.reason ?? ''}`.trim()).join('; ');
      const detail = [problem.detail, fields].filter(Boolean).join(' ');
      await noteRefusedCallback(deps.db, decodeURIComponent(match[1]), token, { status, detail }, deps.now());
    } catch (error) {
      console.error(`[jobs] a refused callback was not noted: ${(error as Error).message}`);
    }
  };
}

/**
 * The data systems' side of fulfilment: their results (webhook callbacks), the e-mailed processors' one-time
 * confirmations, the server-to-server "may I process?" read, and the operators' view and moves on the jobs.
 */
export function registerSystems(app: Hono, gate: Gate, deps: Deps): void {
  const f = deps.fulfilment;
  const notice = () => deps.notices.current('en').notice;
  /** A request the answer completed: the person is told, with who was asked and what each did. */
  const completed = async (requestId: string | null) => {
    if (!requestId) return;
    const request = await getRequest(deps.db, requestId);
    if (request.status === 'completed')
      await tellPerson(deps.db, deps.mailer, request.userId, request, 'completed', deps.config.privacyCenterUrl);
  };

  bind(app, gate, endpoints.systemJobResult, async ({ params, body, c }) => {
    const token = bearer(c);
    if (!token)
      throw new ApiProblem('unauthenticated', 401, 'Send "Authorization: Bearer <callback.token>" of this job.');
    const answered = await deps.db.transaction(async (tx) => {
      const job = await jobForToken(tx, params.id, token);
      const { requestId, state } = await recordAnswer(tx, job, body, {}, deps.now());
      const settled = requestId ? await settleRequest(tx, requestId, notice(), deps.now()) : false;
      return { answer: { job: job.id, state }, settled: settled ? requestId : null };
    });
    await completed(answered.settled);
    return { status: 200, body: answered.answer, headers: noStore };
  });

  bind(app, gate, endpoints.systemJobConfirmPage, async ({ params, query }) => {
    const job = await deps.db.transaction((tx) => jobForToken(tx, params.id, query.token));
    if (job.state !== 'pending' && job.state !== 'sent')
      return page(
        'Already answered',
        `<p>This request was already answered (${escapeHtml(job.state)}). Nothing more is needed.</p>`,
      );
    const action = `/v1/systems/jobs/${encodeURIComponent(job.id)}/confirm?token=${encodeURIComponent(query.token)}`;
    return page(
      `Confirm: ${job.system.name}`,
      `<p>Confirm that ${escapeHtml(job.system.name)} has carried out this ${escapeHtml(job.type)} request.</p>` +
        `<form method="post" action="${escapeHtml(action)}"><button type="submit">Confirm it is done</button></form>`,
    );
  });

  bind(app, gate, endpoints.systemJobConfirm, async ({ params, query }) => {
    const job = await deps.db.transaction(async (tx) => {
      const found = await jobForToken(tx, params.id, query.token);
      const { requestId } = await recordAnswer(
        tx,
        found,
        { status: 'done' },
        { note: 'Confirmed from the e-mailed one-time link.' },
        deps.now(),
      );
      const settled = requestId ? await settleRequest(tx, requestId, notice(), deps.now()) : false;
      return { ...found, settled: settled ? requestId : null };
    });
    await completed(job.settled);
    return page('Confirmed', `<p>Thank you: ${escapeHtml(job.system.name)}'s confirmation is recorded.</p>`);
  });

  bind(app, gate, endpoints.mayProcess, async ({ params, query, c }) => {
    authenticateSystem(f, params.systemId, c.req.header('authorization'));
    return {
      status: 200,
      body: await mayProcess(deps.db, query, query.purpose, deps.notices.current('en').notice.purposes),
      headers: noStore,
    };
  });

  bind(app, gate, endpoints.adminRequestJobs, async ({ params, operator }) => {
    const request = await getRequest(deps.db, params.id);
    const jobs = await jobsOfRequests(deps.db, [params.id]);
    await audit(
      deps.db,
      operator,
      { action: 'jobs.read', requestId: request.id, subjectId: request.userId },
      deps.now(),
    );
    return { status: 200, body: { jobs: jobs.map(jobView), systems: jobs.map(progressOf) }, headers: noStore };
  });

  bind(app, gate, endpoints.adminSystems, async () => {
    const health = await systemHealth(deps.db);
    const systems = f.systems.map((system) => ({
      id: system.id,
      name: system.name,
      kind: system.kind,
      connector: system.connector.type,
      regions: system.regions,
      handles: system.handles,
      ...(health.get(system.id) ?? { lastSuccessAt: null, failing: 0, open: 0 }),
    }));
    return { status: 200, body: { systems }, headers: noStore };
  });

  bind(app, gate, endpoints.adminTestSystem, async ({ params, operator }) => {
    const system = f.systems.find((s) => s.id === params.id);
    if (!system) throw notFound('No system with this id in SYSTEMS_FILE.');
    const jobId = await deps.db.transaction(async (tx) => {
      const id = await makeTestJob(tx, f, system, deps.now());
      await audit(tx, operator, { action: 'system.test', detail: { system: system.id, job: id } }, deps.now());
      return id;
    });
    if (!jobId)
      return {
        status: 200,
        body: { system: system.id, connector: 'manual', outcome: 'manual', detail: null, job: null },
        headers: noStore,
      };
    f.wake();
    // The operator waits for the first attempt (bounded by the delivery timeout), then for an answer a moment more.
    const job = await firstAttempt(deps, jobId, f.delivery.timeoutMs + 2_000);
    const outcome =
      job.state === 'done' || job.state === 'not_found'
        ? 'answered'
        : job.state === 'failed'
          ? 'failed'
          : job.state === 'sent'
            ? 'delivered'
            : 'pending';
    return {
      status: 200,
      body: { system: system.id, connector: system.connector.type, outcome, detail: job.last_error, job: jobView(job) },
      headers: noStore,
    };
  });

  bind(app, gate, endpoints.adminRetryJob, async ({ params, operator }) => {
    const job = await deps.db.transaction(async (tx) => {
      const found = await lockJob(tx, params.id);
      if (!found) throw notFound('No job with this id.');
      if (!['pending', 'sent', 'failed'].includes(found.state))
        throw conflict(`This job was already answered (${found.state}); there is nothing to send again.`);
      const wall = Date.now();
      await requeueJob(tx, found.id, new Date(wall), new Date(wall + f.delivery.giveUpMs), deps.now());
      await audit(
        tx,
        operator,
        { action: 'job.retry', requestId: found.request_id, detail: { job: found.id } },
        deps.now(),
      );
      return (await findJob(tx, found.id))!;
    });
    f.wake();
    return { status: 200, body: jobView(job), headers: noStore };
  });

  bind(app, gate, endpoints.adminConfirmJob, async ({ params, body, operator }) => {
    const job = await deps.db.transaction(async (tx) => {
      const found = await lockJob(tx, params.id);
      if (!found) throw notFound('No job with this id.');
      if (found.state === 'failed') {
        // A failed delivery the operator settled another way (a phone call, the processor's portal).
        await requeueJob(tx, found.id, new Date(), new Date(), deps.now());
        found.state = 'pending';
      }
      const { requestId } = await recordAnswer(
        tx,
        found,
        { status: body.status ?? 'done' },
        { note: `${operator.name}: ${body.note}` },
        deps.now(),
      );
      await audit(
        tx,
        operator,
        { action: 'job.confirm', requestId, detail: { job: found.id, status: body.status ?? 'done', note: body.note } },
        deps.now(),
      );
      const settled = requestId ? await settleRequest(tx, requestId, notice(), deps.now()) : false;
      return { row: (await findJob(tx, found.id))!, settled: settled ? requestId : null };
    });
    await completed(job.settled);
    return { status: 200, body: jobView(job.row), headers: noStore };
  });

  bind(app, gate, endpoints.adminCloseRequest, async ({ params, body, operator }) => {
    // Closing without every system is destructive: the person is told it is done although a system did not say so.
    requireStepUp(operator, 'Closing a request without every system', deps.now());
    const view = await deps.db.transaction(async (tx) => {
      const row = await closeRequest(tx, params.id, body.reason, operator.name, notice(), deps.now());
      await audit(
        tx,
        operator,
        { action: 'request.close', requestId: row.id, subjectId: row.userId, detail: { reason: body.reason } },
        deps.now(),
      );
      return (await withSubjects(tx, [row], deps.now()))[0];
    });
    await completed(params.id);
    return { status: 200, body: view, headers: noStore };
  });

  bind(app, gate, endpoints.adminLiftRestriction, async ({ params, body, operator }) => {
    const lifted = await liftRestriction(
      {
        db: deps.db,
        mailer: deps.mailer,
        fulfilment: f,
        now: deps.now,
        privacyCenterUrl: deps.config.privacyCenterUrl,
      },
      params.id,
      body.reason,
      operator,
    );
    const view = (await withSubjects(deps.db, [lifted], deps.now()))[0];
    return { status: 200, body: view, headers: noStore };
  });
}

const ANSWER_GRACE_MS = 1_000;

/** The job once its first delivery attempt finished (and, once delivered, answered or a moment passed), or at `limitMs`. */
async function firstAttempt(deps: Deps, id: string, limitMs: number) {
  const start = Date.now();
  let deliveredAt: number | null = null;
  for (;;) {
    const job = (await findJob(deps.db, id))!;
    const settled = job.state !== 'pending' && job.state !== 'sent';
    if (job.state === 'sent') deliveredAt ??= Date.now();
    const waited = Date.now() - start;
    if (settled || waited >= limitMs || (deliveredAt !== null && Date.now() - deliveredAt >= ANSWER_GRACE_MS))
      return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
