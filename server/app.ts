import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { endpoints } from '../shared/contract/endpoints.ts';
import type { Deps } from './deps.ts';
import { createGate } from './http/gate.ts';
import { ApiProblem, asProblem, problemResponse } from './http/problem.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerConsents } from './routes/consents.ts';
import { registerConsole } from './routes/console.ts';
import { registerIdentity } from './routes/identity.ts';
import { registerMeta } from './routes/meta.ts';
import { registerNotice } from './routes/notice.ts';
import { registerReceipts } from './routes/receipts.ts';
import { registerReports } from './routes/reports.ts';
import { registerRequests } from './routes/requests.ts';
import { noteRefusedCallbacks, registerSystems } from './routes/systems.ts';

const routePatterns = Object.values(endpoints).map((e) => ({
  method: e.method.toUpperCase(),
  pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+').replaceAll('.', '\\.')}$`),
}));

/** The largest notice publication accepted (`POST /v1/admin/notices`: every locale of one version). */
const NOTICE_BODY_LIMIT_BYTES = 1024 * 1024;
const CALLBACK_PATH = /^\/v1\/systems\/jobs\/([^/]+)\/result$/;

/** The rights API as a Web-standard app: `app.fetch` runs on Node, AWS Lambda or an edge runtime. */
export function createApp(deps: Deps): Hono {
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'cross-origin',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(
    cors({
      origin: (origin) => (deps.config.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'If-Match'],
      exposeHeaders: [
        'ETag',
        'Location',
        'Retry-After',
        'Idempotent-Replayed',
        'Content-Disposition',
        'Content-Language',
      ],
      maxAge: 600,
    }),
  );
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () =>
        problemResponse(new ApiProblem('payload-too-large', 413, `The request body is larger than ${maxSize} bytes.`)),
    });
  // Outside the body limit, so a system's oversized result is noted on its job like any other refusal.
  app.use(noteRefusedCallbacks(deps, CALLBACK_PATH));
  const anyBody = limitBody(deps.config.bodyLimitBytes);
  // A notice version in four languages is far larger than any decision or request; only operators post it.
  const noticeBody = limitBody(Math.max(deps.config.bodyLimitBytes, NOTICE_BODY_LIMIT_BYTES));
  // A system's result carries the person's data in that system: it gets a larger cap of its own.
  const callbackBody = limitBody(deps.config.systems.callbackBodyLimitBytes);
  app.use((c, next) =>
    (c.req.path === endpoints.adminPublishNotice.path
      ? noticeBody
      : CALLBACK_PATH.test(c.req.path)
        ? callbackBody
        : anyBody)(c, next),
  );

  // The notice in force is checked per request by the gate (http/gate.ts), in the session read where there is one.
  const gate = createGate(deps);
  registerMeta(app, gate, deps);
  registerNotice(app, gate, deps);
  registerIdentity(app, gate, deps);
  registerConsents(app, gate, deps);
  registerReceipts(app, gate, deps);
  registerRequests(app, gate, deps);
  registerAdmin(app, gate, deps);
  registerConsole(app, gate, deps);
  registerSystems(app, gate, deps);
  registerReports(app, gate, deps);

  app.notFound((c) => {
    const allowed = routePatterns.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method);
    if (allowed.length > 0) {
      const response = problemResponse(
        new ApiProblem('method-not-allowed', 405, `${c.req.method} is not allowed here; use ${allowed.join(' or ')}.`),
        c.req.path,
      );
      response.headers.set('allow', allowed.join(', '));
      return response;
    }
    return problemResponse(
      new ApiProblem('not-found', 404, `No endpoint at ${c.req.path}; see /openapi.json.`),
      c.req.path,
    );
  });

  app.onError((error, c) => {
    const problem = asProblem(error);
    if (problem) return problemResponse(problem, c.req.path);
    // A client cut off mid-body (the request timeout's 408, or it hung up) is no failure of ours, and
    // logging each one would let a flood of stalled clients flood the error log too.
    const clientGone = c.req.raw.signal.aborted && (error as { code?: unknown }).code === 'ECONNRESET';
    if (!clientGone) console.error(`[api] ${c.req.method} ${c.req.path} failed:`, error);
    return problemResponse(
      new ApiProblem('internal', 500, 'An unexpected error occurred; nothing was changed. Try again.'),
      c.req.path,
    );
  });

  return app;
}
